import SentinelCore

/// Orders as KuCoin writes them (kucoin.md §4 order objects): HF spot orders with string numbers and `active`,
/// futures orders with sizes in whole lots, `status` open|done and `isActive`.
enum KuCoinOrderJSON {
    /// Spot order ids are 24 hex digits, as KuCoin's.
    static func spotID(_ id: Int64) -> String {
        let hex = String(id, radix: 16)
        return String(repeating: "0", count: max(0, 24 - hex.count)) + hex
    }

    static func spotID(_ text: String) -> Int64? {
        text.utf8.count == 24 ? Int64(text, radix: 16) : nil
    }

    static func clientID(_ order: SimulatedOrder) -> String {
        order.clientOrderID.hasPrefix(KuCoinCall.anonymousPrefix) ? "" : order.clientOrderID
    }

    static func text(_ value: ExactDecimal) -> String { value.normalized.description }

    static func fee(_ order: SimulatedOrder, trades: [SimulatedTrade]) -> ExactDecimal {
        trades.filter { $0.orderID == order.id }.reduce(ExactDecimal.zero) { $0 + $1.commission.value }
    }

    static func timeInForce(_ order: SimulatedOrder) -> String {
        switch order.timeInForce {
        case .immediateOrCancel: "IOC"
        case .fillOrKill: "FOK"
        case .goodTillCancel, .postOnly: "GTC"
        }
    }

    static func spot(_ order: SimulatedOrder, trades: [SimulatedTrade]) -> JSONValue {
        let active = order.status.isOpen
        let cancelled = active ? ExactDecimal.zero : order.remainingQuantity.value
        return .object([
            ("id", .string(spotID(order.id))), ("clientOid", .string(clientID(order))), ("symbol", .string(order.symbol)),
            ("opType", .string("DEAL")), ("type", .string(order.type.rawValue)), ("side", .string(order.side.rawValue)),
            ("price", .string(order.price.map { text($0.value) } ?? "0")),
            ("size", .string(order.quoteQuantity == nil ? text(order.quantity.value) : "0")),
            ("funds", .string(order.quoteQuantity.map { text($0.value) } ?? "0")),
            ("dealSize", .string(text(order.executedQuantity.value))),
            ("dealFunds", .string(text(order.cumulativeQuote.value))),
            ("remainSize", .string(active ? text(order.remainingQuantity.value) : "0")), ("remainFunds", .string("0")),
            ("cancelledSize", .string(text(cancelled))), ("cancelledFunds", .string("0")),
            ("fee", .string(text(fee(order, trades: trades)))), ("feeCurrency", .string("USDT")), ("stp", .null),
            ("timeInForce", .string(timeInForce(order))), ("postOnly", .bool(order.timeInForce == .postOnly)),
            ("hidden", .bool(false)), ("iceberg", .bool(false)), ("visibleSize", .string("0")), ("cancelAfter", .int(0)),
            ("channel", .string("API")), ("remark", .null), ("tags", .null),
            ("cancelExist", .bool(!active && order.status != .filled)), ("tradeType", .string("TRADE")),
            ("inOrderBook", .bool(active)), ("active", .bool(active)), ("isActive", .bool(active)), ("createdAt", .int(order.createdAt)),
            ("lastUpdatedAt", .int(order.updatedAt)),
        ])
    }

    static func futures(_ order: SimulatedOrder, leverage: Int) -> JSONValue {
        let terms = KuCoinContract.of(order.symbol)
        func lots(_ quantity: ExactDecimal) -> JSONValue { .int(terms?.lots(quantity) ?? 0) }
        let active = order.status.isOpen
        let value = (order.price?.value ?? .zero) * order.quantity.value
        let average = order.averagePrice
        return .object([
            ("id", .string(String(order.id))), ("symbol", .string(order.symbol)), ("type", .string(order.type.rawValue)),
            ("side", .string(order.side.rawValue)), ("price", .string(order.price.map { text($0.value) } ?? "0")),
            ("size", lots(order.quantity.value)), ("value", .string(text(value))),
            ("dealValue", .string(text(order.cumulativeQuote.value))), ("dealSize", lots(order.executedQuantity.value)),
            ("stp", .string("")), ("stop", .string("")), ("stopPriceType", .string("")), ("stopTriggered", .bool(false)),
            ("stopPrice", .null), ("timeInForce", .string(timeInForce(order))),
            ("postOnly", .bool(order.timeInForce == .postOnly)), ("hidden", .bool(false)), ("iceberg", .bool(false)),
            ("leverage", .string(String(leverage))), ("forceHold", .bool(false)), ("closeOrder", .bool(false)),
            ("visibleSize", .int(0)), ("clientOid", .string(order.clientOrderID)), ("remark", .null), ("tags", .string("")),
            ("isActive", .bool(active)), ("cancelExist", .bool(!active && order.status != .filled)),
            ("createdAt", .int(order.createdAt)), ("updatedAt", .int(order.updatedAt)),
            ("endAt", active ? .null : .int(order.updatedAt)), ("orderTime", .int(order.createdAt * 1_000_000)),
            ("settleCurrency", .string("USDT")), ("marginMode", .string("ISOLATED")),
            ("avgDealPrice", .string(average.isZero ? "0" : text(average))),
            ("filledSize", lots(order.executedQuantity.value)),
            ("filledValue", .string(text(order.cumulativeQuote.value))), ("status", .string(active ? "open" : "done")),
            ("reduceOnly", .bool(order.reduceOnly)),
        ])
    }
}
