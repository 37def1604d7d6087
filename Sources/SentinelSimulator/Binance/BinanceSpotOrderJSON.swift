import SentinelCore

/// Spot order shapes (fact sheet §4; field order as the recorded responses).
enum BinanceSpotOrderJSON {
    static func status(_ status: OrderStatus) -> String {
        switch status {
        case .new: "NEW"
        case .partiallyFilled: "PARTIALLY_FILLED"
        case .filled: "FILLED"
        case .canceled: "CANCELED"
        case .expired: "EXPIRED"
        }
    }

    static func type(_ order: SimulatedOrder) -> String {
        if let stop = order.stop { return stop.kind == .stopLoss ? "STOP_LOSS_LIMIT" : "TAKE_PROFIT_LIMIT" }
        return order.type == .market ? "MARKET" : order.timeInForce == .postOnly ? "LIMIT_MAKER" : "LIMIT"
    }

    static func timeInForce(_ value: TimeInForce) -> String {
        switch value {
        case .goodTillCancel, .postOnly: "GTC"
        case .immediateOrCancel: "IOC"
        case .fillOrKill: "FOK"
        }
    }

    private static func common(_ order: SimulatedOrder) -> [(String, JSONValue)] {
        [
            ("price", .string((order.price?.exact ?? .zero).fixed(8))),
            ("origQty", .string(order.quantity.exact.fixed(8))),
            ("executedQty", .string(order.executedQuantity.exact.fixed(8))),
            ("cummulativeQuoteQty", .string(order.cumulativeQuote.exact.fixed(8))),
            ("status", .string(status(order.status))),
            ("timeInForce", .string(timeInForce(order.timeInForce))),
            ("type", .string(type(order))),
            ("side", .string(order.side == .buy ? "BUY" : "SELL")),
        ]
    }

    /// The answer to `POST /api/v3/order` for `newOrderRespType` ACK, RESULT or FULL.
    static func placed(_ placed: PlacedOrder, responseType: String) -> JSONValue {
        let order = placed.order
        var members: [(String, JSONValue)] = [
            ("symbol", .string(order.symbol)), ("orderId", .int(order.id)), ("orderListId", .int(-1)),
            ("clientOrderId", .string(order.clientOrderID)), ("transactTime", .int(order.createdAt)),
        ]
        if responseType == "ACK" { return .object(members) }
        members += common(order).prefix(3)
        members.append(("origQuoteOrderQty", .string((order.quoteQuantity?.exact ?? .zero).fixed(8))))
        members += common(order).dropFirst(3)
        members.append(("workingTime", .int(order.isWorking ? order.createdAt : -1)))
        if responseType == "FULL" {
            members.append(
                (
                    "fills",
                    .array(
                        placed.fills.map { trade in
                            .object([
                                ("price", .string(trade.price.exact.fixed(8))),
                                ("qty", .string(trade.quantity.exact.fixed(8))),
                                ("commission", .string(trade.commission.exact.fixed(8))),
                                ("commissionAsset", .string(trade.commissionAsset)),
                                ("tradeId", .int(trade.id)),
                            ])
                        })
                ))
        }
        members.append(("selfTradePreventionMode", .string("EXPIRE_MAKER")))
        return .object(members)
    }

    /// The answer to `GET /api/v3/order` and each entry of `openOrders`.
    static func queried(_ order: SimulatedOrder) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("symbol", .string(order.symbol)), ("orderId", .int(order.id)), ("orderListId", .int(-1)),
            ("clientOrderId", .string(order.clientOrderID)),
        ]
        members += common(order)
        members += [
            ("stopPrice", .string((order.stop?.price.exact ?? .zero).fixed(8))),
            ("icebergQty", .string(ExactDecimal.zero.fixed(8))),
            ("time", .int(order.createdAt)), ("updateTime", .int(order.updatedAt)), ("isWorking", .bool(order.isWorking)),
            ("workingTime", .int(order.isWorking ? (order.workingTime ?? order.createdAt) : -1)),
            ("origQuoteOrderQty", .string((order.quoteQuantity?.exact ?? .zero).fixed(8))),
            ("selfTradePreventionMode", .string("EXPIRE_MAKER")),
        ]
        return .object(members)
    }

    /// The answer to `DELETE /api/v3/order` and each entry of `DELETE /api/v3/openOrders`.
    static func cancelled(_ order: SimulatedOrder, cancelClientID: String, now: Int64) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("symbol", .string(order.symbol)), ("origClientOrderId", .string(order.clientOrderID)),
            ("orderId", .int(order.id)), ("orderListId", .int(-1)), ("clientOrderId", .string(cancelClientID)),
            ("transactTime", .int(now)),
        ]
        members += common(order)
        members.append(("selfTradePreventionMode", .string("EXPIRE_MAKER")))
        return .object(members)
    }
}
