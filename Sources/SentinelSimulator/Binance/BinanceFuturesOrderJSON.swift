import SentinelCore

/// USDⓈ-M order shape (the same for place, query, cancel and open orders).
enum BinanceFuturesOrderJSON {
    static func positionSide(_ side: PositionSide) -> String { side.rawValue.uppercased() }

    static func order(_ order: SimulatedOrder, rules: MarketRules, includeTime: Bool) -> JSONValue {
        let format = BinanceMarketFormat(rules: rules)
        let type = order.type == .market ? "MARKET" : "LIMIT"
        let timeInForce = Self.timeInForce(order.timeInForce)
        let average = order.averagePrice
        var members: [(String, JSONValue)] = [
            ("orderId", .int(order.id)), ("symbol", .string(order.symbol)),
            ("status", .string(BinanceSpotOrderJSON.status(order.status))),
            ("clientOrderId", .string(order.clientOrderID)),
            ("price", .string(format.price(order.price?.exact ?? .zero))),
            ("avgPrice", .string(average.isZero ? format.price(.zero) : average.fixed(5))),
            ("origQty", .string(format.quantity(order.quantity.exact))),
            ("executedQty", .string(format.quantity(order.executedQuantity.exact))),
            ("cumQty", .string(format.quantity(order.executedQuantity.exact))),
            ("cumQuote", .string(order.cumulativeQuote.exact.fixed(5))),
            ("timeInForce", .string(timeInForce)), ("type", .string(type)), ("reduceOnly", .bool(order.reduceOnly)),
            ("closePosition", .bool(false)), ("side", .string(order.side == .buy ? "BUY" : "SELL")),
            ("positionSide", .string(BinanceFuturesOrderJSON.positionSide(order.positionSide))), ("stopPrice", .string(format.price(.zero))),
            ("workingType", .string("CONTRACT_PRICE")), ("priceProtect", .bool(false)), ("origType", .string(type)),
            ("priceMatch", .string("NONE")), ("selfTradePreventionMode", .string("EXPIRE_MAKER")),
            ("goodTillDate", .int(0)),
        ]
        if includeTime { members.append(("time", .int(order.createdAt))) }
        members.append(("updateTime", .int(order.updatedAt)))
        return .object(members)
    }

    /// USDⓈ-M's names: post-only is GTX.
    static func timeInForce(_ value: TimeInForce) -> String {
        switch value {
        case .goodTillCancel: "GTC"
        case .immediateOrCancel: "IOC"
        case .fillOrKill: "FOK"
        case .postOnly: "GTX"
        }
    }
}
