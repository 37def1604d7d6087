import SentinelCore

/// Futures order endpoints (kucoin.md §4): place, batch of ≤20, cancel by id or clientOid, cancel all, get by id
/// or clientOid, the paginated order list.
extension KuCoinDialect {
    static let futuresBatchMaximum = 20

    static func futuresEndpoints() -> [KuCoinEndpoint] {
        futuresPublicEndpoints() + futuresAccountEndpoints() + futuresTradeEndpoints()
    }

    static func futuresTradeEndpoints() -> [KuCoinEndpoint] {
        [
            KuCoinEndpoint("POST", "/api/v1/orders", .futures, .futures, weight: 2) { call, state throws(KuCoinError) in
                let placed = try placeFutures(try call.bodyObject(), &call, &state)
                return .object([("orderId", .string(String(placed.id))), ("clientOid", .string(placed.clientOrderID))])
            },
            KuCoinEndpoint("POST", "/api/v1/orders/multi", .futures, .futures, weight: 20) { call, state throws(KuCoinError) in
                guard let list = try call.bodyJSON() as? [[String: Any]], !list.isEmpty else { throw .badRequest }
                guard list.count <= futuresBatchMaximum else { throw .parameter("The batch holds at most 20 orders.") }
                return .array(list.map { item in
                    let clientOid = KuCoinField.string(item, "clientOid") ?? ""
                    let symbol = KuCoinField.string(item, "symbol") ?? ""
                    do throws(KuCoinError) {
                        let placed = try placeFutures(item, &call, &state)
                        return .object([
                            ("orderId", .string(String(placed.id))), ("clientOid", .string(clientOid)),
                            ("symbol", .string(symbol)), ("code", .string("200000")), ("msg", .string("success")),
                        ])
                    } catch {
                        return .object([
                            ("orderId", .null), ("clientOid", .string(clientOid)), ("symbol", .string(symbol)),
                            ("code", .string(error.code)), ("msg", .string(error.message)),
                        ])
                    }
                })
            },
            KuCoinEndpoint("DELETE", "/api/v1/orders/{orderId}", .futures, .futures, weight: 1) {
                call, state throws(KuCoinError) in
                guard let id = Int64(call.variables[0]), let order = state.accounts[call.accountID]?.orders[id],
                    order.kind == .perpetual
                else { throw .futuresNotCancelable }
                do {
                    _ = try state.cancelOrder(
                        accountID: call.accountID, kind: .perpetual, symbol: order.symbol, lookup: .id(id), now: call.now)
                } catch { throw .futuresNotCancelable }
                return .object([("cancelledOrderIds", .array([.string(String(id))]))])
            },
            KuCoinEndpoint("DELETE", "/api/v1/orders/client-order/{clientOid}", .futures, .futures, weight: 1) {
                call, state throws(KuCoinError) in
                let symbol = try call.required("symbol")
                guard call.market(symbol, &state) != nil else { throw .symbolNotAvailable }
                do {
                    _ = try state.cancelOrder(
                        accountID: call.accountID, kind: .perpetual, symbol: symbol,
                        lookup: .clientOrderID(call.variables[0]), now: call.now)
                } catch { throw .futuresNotCancelable }
                return .object([("clientOid", .string(call.variables[0]))])
            },
            KuCoinEndpoint("DELETE", "/api/v1/orders", .futures, .futures, weight: 10) { call, state throws(KuCoinError) in
                var symbols = state.marketKeys(exchange: .kucoin, kind: .perpetual).map(\.symbol)
                if let symbol = call.query["symbol"] {
                    guard call.market(symbol, &state) != nil else { throw .symbolNotAvailable }
                    symbols = [symbol]
                }
                let cancelled = symbols.flatMap {
                    state.cancelAllOrders(accountID: call.accountID, kind: .perpetual, symbol: $0, now: call.now)
                }
                return .object([("cancelledOrderIds", .array(cancelled.map { .string(String($0.id)) }))])
            },
            KuCoinEndpoint("GET", "/api/v1/orders/byClientOid", .general, .futures, weight: 5) { call, state throws(KuCoinError) in
                let clientOid = try call.required("clientOid")
                let found = state.marketKeys(exchange: .kucoin, kind: .perpetual).compactMap {
                    state.findOrder(accountID: call.accountID, kind: .perpetual, symbol: $0.symbol, lookup: .clientOrderID(clientOid))
                }.max { $0.id < $1.id }
                guard let order = found else { throw .futuresOrderNotExist }
                return futuresJSON(order, state, call.accountID)
            },
            KuCoinEndpoint("GET", "/api/v1/orders/{orderId}", .general, .futures, weight: 5) { call, state throws(KuCoinError) in
                guard let id = Int64(call.variables[0]), let order = state.accounts[call.accountID]?.orders[id],
                    order.kind == .perpetual
                else { throw .futuresOrderNotExist }
                _ = call.market(order.symbol, &state)
                return futuresJSON(state.accounts[call.accountID]?.orders[id] ?? order, state, call.accountID)
            },
            KuCoinEndpoint("GET", "/api/v1/orders", .general, .futures, weight: 2, handler: futuresOrderList),
        ]
    }

    static func futuresJSON(_ order: SimulatedOrder, _ state: EngineState, _ accountID: Int) -> JSONValue {
        KuCoinOrderJSON.futures(
            order, leverage: state.accounts[accountID]?.leverage(for: order.symbol) ?? Account.defaultLeverage)
    }

    static func placeFutures(_ body: [String: Any], _ call: inout KuCoinCall, _ state: inout EngineState)
        throws(KuCoinError) -> SimulatedOrder
    {
        let request = try call.orderRequest(body, state: &state)
        do {
            return try state.placePerpetualOrder(exchange: .kucoin, accountID: call.accountID, request: request, now: call.now)
                .order
        } catch {
            throw call.error(error)
        }
    }

    /// `GET /api/v1/orders?status=active|done&symbol=`, paginated.
    static func futuresOrderList(_ call: inout KuCoinCall, _ state: inout EngineState) throws(KuCoinError) -> JSONValue {
        let status = call.query["status"] ?? "active"
        guard status == "active" || status == "done" else { throw .parameter("status invalid") }
        let symbol = call.query["symbol"]
        if let symbol, call.market(symbol, &state) == nil { throw .symbolNotAvailable }
        for key in state.marketKeys(exchange: .kucoin, kind: .perpetual) { _ = state.market(key, now: call.now) }
        var pageSize = 50
        if let text = call.query["pageSize"] {
            guard let value = Int(text), (1...1000).contains(value) else { throw .parameter("pageSize invalid") }
            pageSize = value
        }
        var page = 1
        if let text = call.query["currentPage"] {
            guard let value = Int(text), value >= 1 else { throw .parameter("currentPage invalid") }
            page = value
        }
        let orders = (state.accounts[call.accountID]?.orders.values.map { $0 } ?? []).filter {
            $0.kind == .perpetual && (symbol == nil || $0.symbol == symbol) && $0.status.isOpen == (status == "active")
        }.sorted { $0.id > $1.id }
        let items = orders.dropFirst((page - 1) * pageSize).prefix(pageSize)
        return .object([
            ("currentPage", .int(page)), ("pageSize", .int(pageSize)), ("totalNum", .int(orders.count)),
            ("totalPage", .int((orders.count + pageSize - 1) / pageSize)),
            ("items", .array(items.map { futuresJSON($0, state, call.accountID) })),
        ])
    }
}
