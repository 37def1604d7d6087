import SentinelCore

/// Futures (mix) trade endpoints (bitget.md §4): every call names its `productType`; orders also `marginCoin` and
/// `marginMode`. Positions are one-way (`tradeSide` is accepted and not needed).
extension BitgetDialect {
    static func mixTradeEndpoints() -> [BitgetEndpoint] {
        [
            BitgetEndpoint("POST", "/api/v2/mix/order/place-order", .futuresTrade, limit: 10) {
                call, state throws(BitgetError) in
                let body = try call.bodyObject()
                try call.checkReceiveWindow(body)
                return try place(body, kind: .perpetual, &call, &state).get().bitgetAcknowledgement
            },
            BitgetEndpoint("POST", "/api/v2/mix/order/batch-place-order", .futuresTrade, limit: 5) {
                call, state throws(BitgetError) in
                let body = try call.bodyObject()
                try call.checkReceiveWindow(body)
                guard BitgetField.string(body, "symbol") != nil else { throw .empty("symbol") }
                _ = try call.productType(BitgetField.string(body, "productType"))
                let list = try orderList(body)
                var defaults: [String: Any] = [:]
                for name in ["symbol", "productType", "marginCoin", "marginMode"] {
                    defaults[name] = BitgetField.string(body, name)
                }
                let outcomes = list.map { place($0, defaults: defaults, kind: .perpetual, &call, &state) }
                return BitgetOrderJSON.batch(outcomes, clientIDs: list.map { BitgetField.string($0, "clientOid") ?? "" })
            },
            BitgetEndpoint("POST", "/api/v2/mix/order/cancel-order", .futuresTrade, limit: 10) {
                call, state throws(BitgetError) in
                let body = try call.bodyObject()
                let symbol = try futuresSymbol(BitgetField.string(body, "symbol"), BitgetField.string(body, "productType"), &call, &state)
                guard let lookup = lookup(
                    orderId: BitgetField.string(body, "orderId"), clientOid: BitgetField.string(body, "clientOid"))
                else { throw .empty("orderId") }
                do {
                    let order = try state.cancelOrder(
                        accountID: call.accountID, kind: .perpetual, symbol: symbol, lookup: lookup, now: call.now)
                    return BitgetOrderJSON.acknowledgement(order)
                } catch {
                    throw .mixOrderNotFound
                }
            },
            BitgetEndpoint("POST", "/api/v2/mix/order/cancel-all-orders", .futuresTrade, limit: 10, handler: cancelAll),
            // ccxt's cancelAllOrders on futures: without `orderIdList` it cancels every open order of the symbol.
            BitgetEndpoint("POST", "/api/v2/mix/order/batch-cancel-orders", .futuresTrade, limit: 10) {
                call, state throws(BitgetError) in
                let body = try call.bodyObject()
                guard let list = body["orderIdList"] as? [[String: Any]], !list.isEmpty else {
                    return try cancelAll(&call, &state)
                }
                guard list.count <= batchMaximum else { throw .batchTooLarge }
                let symbol = try futuresSymbol(BitgetField.string(body, "symbol"), BitgetField.string(body, "productType"), &call, &state)
                let outcomes: [Result<SimulatedOrder, BitgetError>] = list.map { item in
                    guard let lookup = lookup(
                        orderId: BitgetField.string(item, "orderId"), clientOid: BitgetField.string(item, "clientOid"))
                    else { return .failure(.empty("orderId")) }
                    do {
                        return .success(try state.cancelOrder(
                            accountID: call.accountID, kind: .perpetual, symbol: symbol, lookup: lookup, now: call.now))
                    } catch {
                        return .failure(.mixOrderNotFound)
                    }
                }
                return BitgetOrderJSON.batch(outcomes, clientIDs: list.map { BitgetField.string($0, "clientOid") ?? "" })
            },
            BitgetEndpoint("GET", "/api/v2/mix/order/detail", .read, limit: 10) { call, state throws(BitgetError) in
                let symbol = try futuresSymbol(call.query["symbol"], call.query["productType"], &call, &state)
                guard let lookup = lookup(orderId: call.query["orderId"], clientOid: call.query["clientOid"]) else {
                    throw .empty("orderId")
                }
                guard let order = state.findOrder(accountID: call.accountID, kind: .perpetual, symbol: symbol, lookup: lookup)
                else { throw .mixOrderNotFound }
                return orderJSON(order, call, state)
            },
            BitgetEndpoint("GET", "/api/v2/mix/order/orders-history", .read, limit: 10) { call, state throws(BitgetError) in
                let type = try call.productType(call.query["productType"])
                let symbol = call.query["symbol"]
                if let name = symbol {
                    guard type.lists(name), call.market(name, kind: .perpetual, &state) != nil else { throw .unknownSymbol }
                }
                let orders = type == .usdt
                    ? closedOrders(call, &state, kind: .perpetual, symbol: symbol, limit: try limit(call.query["limit"])) : []
                return .object([("entrustedList", orders.isEmpty ? .null : .array(orders)), ("endId", .string(""))])
            },
            BitgetEndpoint("GET", "/api/v2/mix/order/orders-pending", .read, limit: 10) { call, state throws(BitgetError) in
                let type = try call.productType(call.query["productType"])
                let symbol = call.query["symbol"]
                if let name = symbol {
                    guard type.lists(name), call.market(name, kind: .perpetual, &state) != nil else { throw .unknownSymbol }
                }
                let orders = type == .usdt
                    ? openOrders(call, &state, kind: .perpetual, symbol: symbol, limit: try limit(call.query["limit"])) : []
                return .object([
                    ("entrustedList", orders.isEmpty ? .null : .array(orders)),
                    ("endId", .string("")),
                ])
            },
        ]
    }

    /// Cancels every open order of the productType, or of one symbol.
    static func cancelAll(_ call: inout BitgetCall, _ state: inout EngineState) throws(BitgetError) -> JSONValue {
        let body = try call.bodyObject()
        let type = try call.productType(BitgetField.string(body, "productType"))
        if let coin = BitgetField.string(body, "marginCoin"), coin.uppercased() != type.marginCoin {
            throw .parameter("marginCoin")
        }
        var symbols = state.marketKeys(exchange: .bitget, kind: .perpetual).map(\.symbol).filter(type.lists)
        if let symbol = BitgetField.string(body, "symbol") {
            guard symbols.contains(symbol) else { throw .unknownSymbol }
            symbols = [symbol]
        }
        var canceled: [SimulatedOrder] = []
        for symbol in symbols {
            canceled += state.cancelAllOrders(accountID: call.accountID, kind: .perpetual, symbol: symbol, now: call.now)
        }
        return BitgetOrderJSON.batch(canceled.map { .success($0) }, clientIDs: [])
    }

    /// A futures call's symbol, checked against its required productType.
    static func futuresSymbol(
        _ symbol: String?, _ productType: String?, _ call: inout BitgetCall, _ state: inout EngineState
    ) throws(BitgetError) -> String {
        let type = try call.productType(productType)
        guard let symbol else { throw .empty("symbol") }
        guard type.lists(symbol), call.market(symbol, kind: .perpetual, &state) != nil else { throw .unknownSymbol }
        return symbol
    }
}
