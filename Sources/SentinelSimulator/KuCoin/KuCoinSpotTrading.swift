import SentinelCore

/// Spot HF order endpoints (kucoin.md §4): place, batch of ≤5, cancel by id or clientOid (`?symbol=` required),
/// cancel all for a symbol, get by id or clientOid, active and done lists.
extension KuCoinDialect {
    static let spotBatchMaximum = 5

    static func spotEndpoints() -> [KuCoinEndpoint] {
        spotPublicEndpoints() + spotAccountEndpoints() + spotTradeEndpoints() + spotStartupEndpoints()
            + withdrawalEndpoints()
    }

    static func spotTradeEndpoints() -> [KuCoinEndpoint] {
        [
            KuCoinEndpoint("POST", "/api/v1/hf/orders", .spot, .spot, weight: 1) { call, state throws(KuCoinError) in
                let placed = try placeSpot(try call.bodyObject(), &call, &state)
                return .object([("orderId", .string(KuCoinOrderJSON.spotID(placed.id))), ("clientOid", .string(KuCoinOrderJSON.clientID(placed)))])
            },
            // Waits for the matching result: the order's state right after placement.
            KuCoinEndpoint("POST", "/api/v1/hf/orders/sync", .spot, .spot, weight: 1) { call, state throws(KuCoinError) in
                let placed = try placeSpot(try call.bodyObject(), &call, &state)
                let order = state.accounts[call.accountID]?.orders[placed.id] ?? placed
                let open = order.status.isOpen
                func text(_ value: ExactDecimal) -> JSONValue { .string(KuCoinOrderJSON.text(value)) }
                return .object([
                    ("orderId", .string(KuCoinOrderJSON.spotID(order.id))),
                    ("clientOid", .string(KuCoinOrderJSON.clientID(order))), ("orderTime", .int(order.createdAt)),
                    ("originSize", text(order.quantity.value)), ("dealSize", text(order.executedQuantity.value)),
                    ("remainSize", text(open ? order.remainingQuantity.value : .zero)),
                    ("canceledSize", text(open ? .zero : order.remainingQuantity.value)),
                    ("status", .string(open ? "open" : "done")), ("matchTime", .int(order.updatedAt)),
                ])
            },
            // Checks an order as the place endpoint would, and places nothing.
            KuCoinEndpoint("POST", "/api/v1/hf/orders/test", .spot, .spot, weight: 1) { call, state throws(KuCoinError) in
                let request = try call.orderRequest(try call.bodyObject(), state: &state)
                do throws(TradingRejection) {
                    _ = try state.admit(request, kind: .spot, exchange: .kucoin, accountID: call.accountID, now: call.now)
                } catch {
                    throw call.error(error)
                }
                let clientOid = request.clientOrderID.hasPrefix(KuCoinCall.anonymousPrefix) ? "" : request.clientOrderID
                return .object([("orderId", .string(KuCoinOrderJSON.spotID(0))), ("clientOid", .string(clientOid))])
            },
            KuCoinEndpoint("POST", "/api/v1/hf/orders/multi", .spot, .spot, weight: 1) { call, state throws(KuCoinError) in
                guard let list = try call.bodyObject()["orderList"] as? [[String: Any]], !list.isEmpty else {
                    throw .missing("orderList")
                }
                guard list.count <= spotBatchMaximum else { throw .parameter("orderList size must be less than or equal to 5") }
                return .array(list.map { item in
                    do throws(KuCoinError) {
                        guard KuCoinField.string(item, "type") ?? "limit" == "limit" else {
                            throw .parameter("Only limit orders can be placed in a batch.")
                        }
                        let placed = try placeSpot(item, &call, &state)
                        return .object([
                            ("orderId", .string(KuCoinOrderJSON.spotID(placed.id))),
                            ("clientOid", .string(KuCoinOrderJSON.clientID(placed))), ("success", .bool(true)),
                        ])
                    } catch {
                        return .object([
                            ("clientOid", .string(KuCoinField.string(item, "clientOid") ?? "")), ("success", .bool(false)),
                            ("failMsg", .string(error.message)),
                        ])
                    }
                })
            },
            KuCoinEndpoint("DELETE", "/api/v1/hf/orders/{orderId}", .spot, .spot, weight: 1) { call, state throws(KuCoinError) in
                let order = try cancelSpot(.id(KuCoinOrderJSON.spotID(call.variables[0]) ?? -1), &call, &state)
                return .object([("orderId", .string(KuCoinOrderJSON.spotID(order.id)))])
            },
            KuCoinEndpoint("DELETE", "/api/v1/hf/orders/client-order/{clientOid}", .spot, .spot, weight: 1) {
                call, state throws(KuCoinError) in
                let order = try cancelSpot(.clientOrderID(call.variables[0]), &call, &state)
                return .object([("clientOid", .string(KuCoinOrderJSON.clientID(order)))])
            },
            KuCoinEndpoint("DELETE", "/api/v1/hf/orders", .spot, .spot, weight: 2) { call, state throws(KuCoinError) in
                let symbol = try call.required("symbol")
                guard call.market(symbol, &state) != nil else { throw .symbolNotAvailable }
                _ = state.cancelAllOrders(accountID: call.accountID, kind: .spot, symbol: symbol, now: call.now)
                return .string("success")
            },
            KuCoinEndpoint("GET", "/api/v1/hf/orders/active", .general, .spot, weight: 2) { call, state throws(KuCoinError) in
                let symbol = try call.required("symbol")
                guard call.market(symbol, &state) != nil else { throw .symbolNotAvailable }
                let trades = state.accounts[call.accountID]?.trades ?? []
                let orders = state.accounts[call.accountID]?.openOrders(symbol: symbol, kind: .spot) ?? []
                return .array(orders.sorted { $0.id > $1.id }.map { KuCoinOrderJSON.spot($0, trades: trades) })
            },
            KuCoinEndpoint("GET", "/api/v1/hf/orders/done", .general, .spot, weight: 2) { call, state throws(KuCoinError) in
                let symbol = try call.required("symbol")
                guard call.market(symbol, &state) != nil, let account = state.accounts[call.accountID] else {
                    throw .symbolNotAvailable
                }
                let done = account.orders.values.filter { $0.kind == .spot && $0.symbol == symbol && !$0.status.isOpen }
                    .sorted { $0.id > $1.id }.prefix(100)
                return .object([
                    ("lastId", .int(done.last?.id ?? 0)),
                    ("items", .array(done.map { KuCoinOrderJSON.spot($0, trades: account.trades) })),
                ])
            },
            // The legacy list, which also shows HF orders: every symbol in one paginated answer.
            KuCoinEndpoint("GET", "/api/v1/orders", .general, .spot, weight: 2) { call, state throws(KuCoinError) in
                let status = call.query["status"] ?? "active"
                guard status == "active" || status == "done" else { throw .parameter("status invalid") }
                let symbol = call.query["symbol"]
                if let symbol, call.market(symbol, &state) == nil { throw .symbolNotAvailable }
                for key in state.marketKeys(exchange: .kucoin, kind: .spot) { _ = state.market(key, now: call.now) }
                var pageSize = 50
                if let text = call.query["pageSize"] {
                    guard let value = Int(text), (10...500).contains(value) else { throw .parameter("pageSize invalid") }
                    pageSize = value
                }
                var page = 1
                if let text = call.query["currentPage"] {
                    guard let value = Int(text), value >= 1 else { throw .parameter("currentPage invalid") }
                    page = value
                }
                guard let account = state.accounts[call.accountID] else { throw .keyNotExists }
                let orders = account.orders.values.filter {
                    $0.kind == .spot && (symbol == nil || $0.symbol == symbol) && $0.status.isOpen == (status == "active")
                }.sorted { $0.id > $1.id }
                let items = orders.dropFirst((page - 1) * pageSize).prefix(pageSize)
                return .object([
                    ("currentPage", .int(page)), ("pageSize", .int(pageSize)), ("totalNum", .int(orders.count)),
                    ("totalPage", .int((orders.count + pageSize - 1) / pageSize)),
                    ("items", .array(items.map { KuCoinOrderJSON.spot($0, trades: account.trades) })),
                ])
            },
            KuCoinEndpoint("GET", "/api/v1/hf/orders/{orderId}", .general, .spot, weight: 2) { call, state throws(KuCoinError) in
                try spotOrder(.id(KuCoinOrderJSON.spotID(call.variables[0]) ?? -1), &call, &state)
            },
            KuCoinEndpoint("GET", "/api/v1/hf/orders/client-order/{clientOid}", .general, .spot, weight: 2) {
                call, state throws(KuCoinError) in try spotOrder(.clientOrderID(call.variables[0]), &call, &state)
            },
        ]
    }

    static func placeSpot(_ body: [String: Any], _ call: inout KuCoinCall, _ state: inout EngineState) throws(KuCoinError)
        -> SimulatedOrder
    {
        let request = try call.orderRequest(body, state: &state)
        do {
            return try state.placeSpotOrder(exchange: .kucoin, accountID: call.accountID, request: request, now: call.now).order
        } catch {
            throw call.error(error)
        }
    }

    static func cancelSpot(_ lookup: OrderLookup, _ call: inout KuCoinCall, _ state: inout EngineState) throws(KuCoinError)
        -> SimulatedOrder
    {
        let symbol = try call.required("symbol")
        guard call.market(symbol, &state) != nil else { throw .symbolNotAvailable }
        do {
            return try state.cancelOrder(accountID: call.accountID, kind: .spot, symbol: symbol, lookup: lookup, now: call.now)
        } catch {
            throw .cancelRefused
        }
    }

    static func spotOrder(_ lookup: OrderLookup, _ call: inout KuCoinCall, _ state: inout EngineState) throws(KuCoinError)
        -> JSONValue
    {
        let symbol = try call.required("symbol")
        guard call.market(symbol, &state) != nil else { throw .symbolNotAvailable }
        guard let order = state.findOrder(accountID: call.accountID, kind: .spot, symbol: symbol, lookup: lookup) else {
            throw .spotOrderNotExist
        }
        return KuCoinOrderJSON.spot(order, trades: state.accounts[call.accountID]?.trades ?? [])
    }
}
