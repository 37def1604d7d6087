import SentinelCore

/// OKX's order object (GET `trade/order`, `orders-pending`, `orders-history`; okx.md §4), sizes in contracts on swaps.
enum OKXOrderJSON {
    static func clientID(_ order: SimulatedOrder) -> String {
        order.clientOrderID.hasPrefix(OKXCall.anonymousPrefix) ? "" : order.clientOrderID
    }

    static func state(_ status: OrderStatus) -> String {
        switch status {
        case .new: "live"
        case .partiallyFilled: "partially_filled"
        case .filled: "filled"
        case .canceled, .expired: "canceled"
        }
    }

    static func orderType(_ order: SimulatedOrder) -> String {
        if order.type == .market { return "market" }
        switch order.timeInForce {
        case .goodTillCancel: return "limit"
        case .postOnly: return "post_only"
        case .immediateOrCancel: return "ioc"
        case .fillOrKill: return "fok"
        }
    }

    static func order(_ order: SimulatedOrder, trades: [SimulatedTrade], leverage: Int?) -> JSONValue {
        let instId = order.symbol
        let isSwap = order.kind == .perpetual
        let own = trades.filter { $0.orderID == order.id }
        let fee = own.reduce(ExactDecimal.zero) { $0 + $1.commission.value }
        let last = own.last
        let average = order.executedQuantity.isPositive ? order.averagePrice.normalized.description : ""
        let feeText = fee.isZero ? "0" : fee.negated().normalized.description
        let feeCurrency = last?.commissionAsset ?? (isSwap ? "USDT" : "")
        let fillPrice = last?.price.value.normalized.description ?? ""
        let fillSize = last.map { OKXDialect.wireSize($0.quantity.value, instId: instId) } ?? "0"
        let fillTime = last.map { String($0.time) } ?? ""
        let tradeID = last.map { String($0.id) } ?? ""
        let price = order.price?.value.normalized.description ?? ""
        let size: String
        if let quote = order.quoteQuantity, order.executedQuantity.isZero {
            size = quote.value.normalized.description
        } else {
            size = OKXDialect.wireSize(order.quantity.value, instId: instId)
        }
        var members: [(String, JSONValue)] = []
        func add(_ name: String, _ value: String) { members.append((name, .string(value))) }
        add("accFillSz", OKXDialect.wireSize(order.executedQuantity.value, instId: instId))
        add("algoClOrdId", "")
        add("algoId", "")
        members.append(("attachAlgoOrds", .array([])))
        add("avgPx", average)
        add("cTime", String(order.createdAt))
        add("cancelSource", "")
        add("category", "normal")
        add("ccy", "")
        add("clOrdId", clientID(order))
        add("fee", feeText)
        add("feeCcy", feeCurrency)
        add("fillPx", fillPrice)
        add("fillSz", fillSize)
        add("fillTime", fillTime)
        add("instId", instId)
        add("instType", isSwap ? "SWAP" : "SPOT")
        add("lever", leverage.map(String.init) ?? "")
        add("ordId", String(order.id))
        add("ordType", orderType(order))
        add("pnl", "0")
        add("posSide", isSwap ? "net" : "")
        add("px", price)
        add("rebate", "0")
        add("rebateCcy", "")
        add("reduceOnly", order.reduceOnly ? "true" : "false")
        add("side", order.side.rawValue)
        add("slOrdPx", "")
        add("slTriggerPx", "")
        add("source", "")
        add("state", state(order.status))
        add("stpId", "")
        add("stpMode", "cancel_maker")
        add("sz", size)
        add("tag", "")
        add("tdMode", isSwap ? "cross" : "cash")
        add("tgtCcy", order.quoteQuantity != nil ? "quote_ccy" : "")
        add("tpOrdPx", "")
        add("tpTriggerPx", "")
        add("tradeId", tradeID)
        add("uTime", String(order.updatedAt))
        return .object(members)
    }

    /// A `data` item of a place or cancel answer.
    static func acknowledgement(ordId: String, clOrdId: String, tag: String?, now: Int64, error: OKXItemError?, placed: Bool)
        -> JSONValue
    {
        var members: [(String, JSONValue)] = [("clOrdId", .string(clOrdId)), ("ordId", .string(ordId))]
        if placed { members.append(("tag", .string(tag ?? ""))) }
        members += [
            ("ts", .string(String(now))), ("sCode", .string(error?.code ?? "0")),
            ("sMsg", .string(error?.message ?? (placed ? "Order placed" : ""))), ("subCode", .string(error?.subCode ?? "")),
        ]
        return .object(members)
    }

    /// `code` `0`, `1` (all failed) or `2` (some failed) with the matching `msg` (okx.md §3).
    static func reply(_ items: [JSONValue], failures: Int) -> OKXReply {
        if failures == 0 { return OKXReply(data: items, timed: true) }
        if failures == items.count {
            return OKXReply(
                code: "1", message: items.count == 1 ? "Operation failed." : "All operations failed", data: items,
                timed: true)
        }
        return OKXReply(code: "2", message: "Bulk operation partially succeeded.", data: items, timed: true)
    }
}
