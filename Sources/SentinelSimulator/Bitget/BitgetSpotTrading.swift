import SentinelCore

/// Spot trade endpoints (bitget.md §4): place, batch, cancel, cancel by symbol, order info and open orders.
extension BitgetDialect {
    static func spotTradeEndpoints() -> [BitgetEndpoint] {
        [
            BitgetEndpoint("POST", "/api/v2/spot/trade/place-order", .spotTrade, limit: 10) { call, state throws(BitgetError) in
                let body = try call.bodyObject()
                try call.checkReceiveWindow(body)
                return try place(body, kind: .spot, &call, &state).get().bitgetAcknowledgement
            },
            BitgetEndpoint("POST", "/api/v2/spot/trade/batch-orders", .spotTrade, limit: 5) { call, state throws(BitgetError) in
                let body = try call.bodyObject()
                try call.checkReceiveWindow(body)
                let list = try orderList(body)
                let single = (BitgetField.string(body, "batchMode") ?? "single") == "single"
                var defaults: [String: Any] = [:]
                if single {
                    guard let symbol = BitgetField.string(body, "symbol") else { throw .empty("symbol") }
                    defaults["symbol"] = symbol
                }
                let outcomes = list.map { place($0, defaults: defaults, kind: .spot, &call, &state) }
                return BitgetOrderJSON.batch(outcomes, clientIDs: list.map { BitgetField.string($0, "clientOid") ?? "" })
            },
            BitgetEndpoint("POST", "/api/v2/spot/trade/cancel-order", .spotTrade, limit: 10) { call, state throws(BitgetError) in
                let body = try call.bodyObject()
                guard let symbol = BitgetField.string(body, "symbol") else { throw .empty("symbol") }
                guard call.market(symbol, kind: .spot, &state) != nil else { throw .unknownSymbol }
                guard let lookup = lookup(
                    orderId: BitgetField.string(body, "orderId"), clientOid: BitgetField.string(body, "clientOid"))
                else { throw .empty("orderId") }
                do {
                    let order = try state.cancelOrder(
                        accountID: call.accountID, kind: .spot, symbol: symbol, lookup: lookup, now: call.now)
                    return BitgetOrderJSON.acknowledgement(order)
                } catch {
                    throw .spotOrderNotFound
                }
            },
            BitgetEndpoint("POST", "/api/v2/spot/trade/cancel-symbol-order", .spotTrade, limit: 5) {
                call, state throws(BitgetError) in
                let body = try call.bodyObject()
                guard let symbol = BitgetField.string(body, "symbol") else { throw .empty("symbol") }
                guard call.market(symbol, kind: .spot, &state) != nil else { throw .unknownSymbol }
                _ = state.cancelAllOrders(accountID: call.accountID, kind: .spot, symbol: symbol, now: call.now)
                return .object([("symbol", .string(symbol))])
            },
            BitgetEndpoint("GET", "/api/v2/spot/trade/orderInfo", .read, limit: 20) { call, state throws(BitgetError) in
                guard let lookup = lookup(orderId: call.query["orderId"], clientOid: call.query["clientOid"]) else {
                    throw .empty("orderId")
                }
                for key in state.marketKeys(exchange: .bitget, kind: .spot) { _ = state.market(key, now: call.now) }
                var found: SimulatedOrder?
                for key in state.marketKeys(exchange: .bitget, kind: .spot) where found == nil {
                    found = state.findOrder(accountID: call.accountID, kind: .spot, symbol: key.symbol, lookup: lookup)
                }
                guard let order = found else { throw .spotOrderNotFound }
                return .array([orderJSON(order, call, state)])
            },
            BitgetEndpoint("GET", "/api/v2/spot/trade/history-orders", .read, limit: 20) { call, state throws(BitgetError) in
                let symbol = call.query["symbol"]
                if let symbol, call.market(symbol, kind: .spot, &state) == nil { throw .unknownSymbol }
                return .array(closedOrders(call, &state, kind: .spot, symbol: symbol, limit: try limit(call.query["limit"])))
            },
            BitgetEndpoint("GET", "/api/v2/spot/trade/unfilled-orders", .read, limit: 20) { call, state throws(BitgetError) in
                let symbol = call.query["symbol"]
                if let symbol, call.market(symbol, kind: .spot, &state) == nil { throw .unknownSymbol }
                return .array(openOrders(call, &state, kind: .spot, symbol: symbol, limit: try limit(call.query["limit"])))
            },
        ]
    }
}

extension SimulatedOrder {
    var bitgetAcknowledgement: JSONValue { BitgetOrderJSON.acknowledgement(self) }
}
