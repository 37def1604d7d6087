import SentinelCore

/// Bitget's order objects (bitget.md §4): spot `orderInfo`/`unfilled-orders` (`status`, "cancelled") and futures
/// `detail`/`orders-pending` (`state`, "canceled"), sizes in base coin (spot market buys in quote coin).
enum BitgetOrderJSON {
    static func clientID(_ order: SimulatedOrder) -> String {
        order.clientOrderID.hasPrefix(BitgetCall.anonymousPrefix) ? "" : order.clientOrderID
    }

    static func status(_ status: OrderStatus, spot: Bool) -> String {
        switch status {
        case .new: "live"
        case .partiallyFilled: "partially_filled"
        case .filled: "filled"
        case .canceled, .expired: spot ? "cancelled" : "canceled"
        }
    }

    static func force(_ order: SimulatedOrder) -> String {
        switch order.timeInForce {
        case .goodTillCancel: "gtc"
        case .postOnly: "post_only"
        case .immediateOrCancel: "ioc"
        case .fillOrKill: "fok"
        }
    }

    static func fee(_ order: SimulatedOrder, trades: [SimulatedTrade]) -> (ExactDecimal, String?) {
        let own = trades.filter { $0.orderID == order.id }
        return (own.reduce(ExactDecimal.zero) { $0 + $1.commission.value }, own.last?.commissionAsset)
    }

    static func spot(_ order: SimulatedOrder, userID: String, trades: [SimulatedTrade]) -> JSONValue {
        let (fee, feeCoin) = fee(order, trades: trades)
        let size = order.quoteQuantity?.value ?? order.quantity.value
        let feeDetail: String
        if let feeCoin, !fee.isZero {
            let total = fee.negated().normalized.description
            feeDetail =
                "{\"newFees\":{\"c\":0,\"d\":0,\"deduction\":false,\"r\":\(total),\"t\":\(total),\"totalDeductionFee\":0},"
                + "\"\(feeCoin)\":{\"deduction\":false,\"feeCoinCode\":\"\(feeCoin)\",\"totalDeductionFee\":0,\"totalFee\":\(total)}}"
        } else {
            feeDetail = ""
        }
        return .object([
            ("userId", .string(userID)), ("symbol", .string(order.symbol)), ("orderId", .string(String(order.id))),
            ("clientOid", .string(clientID(order))), ("price", .string(order.price?.value.normalized.description ?? "0")),
            ("size", .string(size.normalized.description)), ("orderType", .string(order.type.rawValue)),
            ("side", .string(order.side.rawValue)), ("status", .string(status(order.status, spot: true))),
            ("priceAvg", .string(order.executedQuantity.isPositive ? order.averagePrice.normalized.description : "0")),
            ("baseVolume", .string(order.executedQuantity.value.normalized.description)),
            ("quoteVolume", .string(order.cumulativeQuote.value.normalized.description)),
            ("enterPointSource", .string("API")), ("feeDetail", .string(feeDetail)), ("orderSource", .string("normal")),
            ("force", .string(force(order))), ("cancelReason", .string("")),
            ("cTime", .string(String(order.createdAt))), ("uTime", .string(String(order.updatedAt))),
        ])
    }

    static func futures(_ order: SimulatedOrder, leverage: Int, trades: [SimulatedTrade]) -> JSONValue {
        let (fee, _) = fee(order, trades: trades)
        let profits = trades.filter { $0.orderID == order.id }.reduce(ExactDecimal.zero) { $0 + $1.realizedProfit.value }
        return .object([
            ("symbol", .string(order.symbol)), ("size", .string(order.quantity.value.normalized.description)),
            ("orderId", .string(String(order.id))), ("clientOid", .string(clientID(order))),
            ("baseVolume", .string(order.executedQuantity.value.normalized.description)),
            ("fee", .string(fee.isZero ? "0" : fee.negated().normalized.description)),
            ("price", .string(order.price?.value.normalized.description ?? "")),
            ("priceAvg", .string(order.executedQuantity.isPositive ? order.averagePrice.normalized.description : "")),
            ("state", .string(status(order.status, spot: false))), ("side", .string(order.side.rawValue)),
            ("force", .string(force(order))), ("totalProfits", .string(profits.normalized.description)),
            ("posSide", .string("net")), ("marginCoin", .string("USDT")),
            ("presetStopSurplusPrice", .string("")), ("presetStopLossPrice", .string("")),
            ("quoteVolume", .string(order.cumulativeQuote.value.normalized.description)),
            ("orderType", .string(order.type.rawValue)), ("leverage", .string(String(leverage))),
            ("marginMode", .string("crossed")), ("reduceOnly", .string(order.reduceOnly ? "YES" : "NO")),
            ("enterPointSource", .string("API")), ("tradeSide", .string(order.side == .buy ? "buy_single" : "sell_single")),
            ("posMode", .string("one_way_mode")), ("orderSource", .string(order.type == .market ? "market" : "normal")),
            ("cTime", .string(String(order.createdAt))), ("uTime", .string(String(order.updatedAt))),
        ])
    }

    /// `{"orderId":…,"clientOid":…}` of a place or cancel answer.
    static func acknowledgement(_ order: SimulatedOrder) -> JSONValue {
        .object([("orderId", .string(String(order.id))), ("clientOid", .string(clientID(order)))])
    }

    /// A batch answer: `{"successList":[…],"failureList":[{orderId, clientOid, errorMsg, errorCode}]}`.
    static func batch(_ outcomes: [Result<SimulatedOrder, BitgetError>], clientIDs: [String]) -> JSONValue {
        var successes: [JSONValue] = []
        var failures: [JSONValue] = []
        for (index, outcome) in outcomes.enumerated() {
            switch outcome {
            case .success(let order): successes.append(acknowledgement(order))
            case .failure(let error):
                failures.append(
                    .object([
                        ("orderId", .string("")), ("clientOid", .string(clientIDs[index])),
                        ("errorMsg", .string(error.message)), ("errorCode", .string(error.code)),
                    ]))
            }
        }
        return .object([("successList", .array(successes)), ("failureList", .array(failures))])
    }
}
