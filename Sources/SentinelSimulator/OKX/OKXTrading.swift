import SentinelCore

/// Trade endpoints (okx.md §4): place, batch place, cancel, batch cancel, order details, pending and history. Order
/// limits are per (UID, instId) per 2 s: 60 place, 60 cancel, 300 orders through the batch endpoints.
extension OKXDialect {
    static let batchMaximum = 20
    /// New orders per account per 2 s over all instruments (okx.md §5, the sub-account cap).
    static let accountOrderLimit = 1_000

    static func tradeEndpoints() -> [OKXEndpoint] {
        [
            OKXEndpoint("POST", "/api/v5/trade/order", .trade, limit: nil) { call, state throws(OKXError) in
                try checkExpiry(call)
                let body = try call.bodyObject()
                let item = place(body, limitScope: "order", limit: 60, &call, &state)
                return OKXOrderJSON.reply([item.json], failures: item.failed ? 1 : 0)
            },
            OKXEndpoint("POST", "/api/v5/trade/batch-orders", .trade, limit: nil) { call, state throws(OKXError) in
                try checkExpiry(call)
                let list = try call.bodyArray()
                guard !list.isEmpty else { throw .empty("data") }
                guard list.count <= batchMaximum else { throw .batchTooLarge }
                let single = list.count == 1
                let items = list.map {
                    place($0, limitScope: single ? "order" : "batch", limit: single ? 60 : 300, &call, &state)
                }
                return OKXOrderJSON.reply(items.map(\.json), failures: items.filter(\.failed).count)
            },
            OKXEndpoint("POST", "/api/v5/trade/cancel-order", .trade, limit: nil) { call, state throws(OKXError) in
                let item = cancel(try call.bodyObject(), limitScope: "cancel", limit: 60, &call, &state)
                return OKXOrderJSON.reply([item.json], failures: item.failed ? 1 : 0)
            },
            OKXEndpoint("POST", "/api/v5/trade/cancel-batch-orders", .trade, limit: nil) { call, state throws(OKXError) in
                let list = try call.bodyArray()
                guard !list.isEmpty else { throw .empty("data") }
                guard list.count <= batchMaximum else { throw .batchTooLarge }
                let items = list.map { cancel($0, limitScope: "cancel-batch", limit: 300, &call, &state) }
                return OKXOrderJSON.reply(items.map(\.json), failures: items.filter(\.failed).count)
            },
            OKXEndpoint("GET", "/api/v5/trade/order", .read, limit: nil, handler: orderDetails),
            OKXEndpoint("GET", "/api/v5/trade/orders-pending", .read, limit: 60) { call, state throws(OKXError) in
                try listOrders(&call, &state, open: true)
            },
            OKXEndpoint("GET", "/api/v5/trade/orders-history", .read, limit: 40) { call, state throws(OKXError) in
                guard call.query["instType"] != nil else { throw .empty("instType") }
                return try listOrders(&call, &state, open: false)
            },
        ]
    }

    /// The optional `expTime` header: a request that arrives after it is dropped.
    static func checkExpiry(_ call: OKXCall) throws(OKXError) {
        guard let text = call.request.header("exptime"), !text.isEmpty else { return }
        guard let expiry = Int64(text) else { throw .parameter("expTime") }
        if call.now > expiry { throw .timestampExpired }
    }

    struct ItemOutcome {
        let json: JSONValue
        let failed: Bool
    }

    static func place(
        _ body: [String: Any], limitScope: String, limit: Int, _ call: inout OKXCall, _ state: inout EngineState
    ) -> ItemOutcome {
        let clientID = OKXField.string(body, "clOrdId") ?? ""
        let tag = OKXField.string(body, "tag")
        func failure(_ error: OKXItemError) -> ItemOutcome {
            ItemOutcome(
                json: OKXOrderJSON.acknowledgement(
                    ordId: "", clOrdId: clientID, tag: tag, now: call.now, error: error, placed: true),
                failed: true)
        }
        let request: OrderRequest
        let kind: MarketKind
        do throws(OKXItemError) {
            (request, kind) = try call.orderRequest(body, state: &state)
        } catch {
            return failure(error)
        }
        do {
            try call.admit("\(limitScope)|\(call.accountID)|\(request.symbol)", limit: limit, state: &state)
        } catch {
            return failure(.rateLimited)
        }
        do {
            try call.admit("orders|\(call.accountID)", limit: accountOrderLimit, state: &state)
        } catch {
            return failure(.accountOrderRateLimited)
        }
        do {
            let placed =
                kind == .spot
                ? try state.placeSpotOrder(exchange: .okx, accountID: call.accountID, request: request, now: call.now)
                : try state.placePerpetualOrder(exchange: .okx, accountID: call.accountID, request: request, now: call.now)
            return ItemOutcome(
                json: OKXOrderJSON.acknowledgement(
                    ordId: String(placed.order.id), clOrdId: clientID, tag: tag, now: call.now, error: nil, placed: true),
                failed: false)
        } catch {
            return failure(OKXCall.itemError(error, request: request, market: call.market(request.symbol, &state)))
        }
    }

    static func lookup(_ body: [String: Any]) -> OrderLookup? {
        let clientID = OKXField.string(body, "clOrdId")
        if let text = OKXField.string(body, "ordId") {
            // An ordId that is not a number names no order; -1 is never issued.
            return .id(Int64(text) ?? -1)
        }
        return clientID.map(OrderLookup.clientOrderID)
    }

    static func cancel(
        _ body: [String: Any], limitScope: String, limit: Int, _ call: inout OKXCall, _ state: inout EngineState
    ) -> ItemOutcome {
        let ordId = OKXField.string(body, "ordId") ?? ""
        let clientID = OKXField.string(body, "clOrdId") ?? ""
        func failure(_ error: OKXItemError) -> ItemOutcome {
            ItemOutcome(
                json: OKXOrderJSON.acknowledgement(
                    ordId: ordId, clOrdId: clientID, tag: nil, now: call.now, error: error, placed: false),
                failed: true)
        }
        guard let instId = OKXField.string(body, "instId") else { return failure(.parameter("instId")) }
        guard let market = call.market(instId, &state) else { return failure(.unknownInstrument) }
        guard let lookup = lookup(body) else { return failure(.parameter("ordId")) }
        do {
            try call.admit("\(limitScope)|\(call.accountID)|\(instId)", limit: limit, state: &state)
        } catch {
            return failure(.rateLimited)
        }
        do {
            let order = try state.cancelOrder(
                accountID: call.accountID, kind: market.rules.kind, symbol: instId, lookup: lookup, now: call.now)
            return ItemOutcome(
                json: OKXOrderJSON.acknowledgement(
                    ordId: String(order.id), clOrdId: OKXOrderJSON.clientID(order), tag: nil, now: call.now, error: nil,
                    placed: false),
                failed: false)
        } catch {
            return failure(.cancelFailed)
        }
    }

    static func orderDetails(_ call: inout OKXCall, _ state: inout EngineState) throws(OKXError) -> OKXReply {
        guard let instId = call.query["instId"] else { throw .empty("instId") }
        var fields: [String: Any] = [:]
        if let ordId = call.query["ordId"] { fields["ordId"] = ordId }
        if let clientID = call.query["clOrdId"] { fields["clOrdId"] = clientID }
        guard let lookup = lookup(fields) else { throw .empty("ordId") }
        try call.admit("get|\(call.accountID)|\(instId)", limit: 60, state: &state)
        guard let market = call.market(instId, &state) else { throw .unknownInstrument }
        guard
            let order = state.findOrder(
                accountID: call.accountID, kind: market.rules.kind, symbol: instId, lookup: lookup)
        else { throw .orderDoesNotExist }
        return OKXReply(data: [json(order, state: state, accountID: call.accountID)])
    }

    static func json(_ order: SimulatedOrder, state: EngineState, accountID: Int) -> JSONValue {
        let account = state.accounts[accountID]
        return OKXOrderJSON.order(
            order, trades: account?.trades ?? [],
            leverage: order.kind == .perpetual ? account?.leverage(for: order.symbol) : nil)
    }

    static func listOrders(_ call: inout OKXCall, _ state: inout EngineState, open: Bool) throws(OKXError) -> OKXReply {
        var kinds: [MarketKind] = [.spot, .perpetual]
        if let instType = call.query["instType"] {
            guard instrumentTypes.contains(instType) else { throw .parameter("instType") }
            kinds = instType == "SPOT" ? [.spot] : instType == "SWAP" ? [.perpetual] : []
        }
        let instId = call.query["instId"]
        if let instId {
            guard let market = call.market(instId, &state) else { throw .unknownInstrument }
            kinds = kinds.filter { $0 == market.rules.kind }
        }
        var limit = 100
        if let text = call.query["limit"] {
            guard let value = Int(text), (1...100).contains(value) else { throw .parameter("limit") }
            limit = value
        }
        for kind in kinds {
            for key in state.marketKeys(exchange: .okx, kind: kind) { _ = state.market(key, now: call.now) }
        }
        guard let account = state.accounts[call.accountID] else { return OKXReply(data: []) }
        let orders = account.orders.values.filter { order in
            kinds.contains(order.kind) && (instId == nil || order.symbol == instId) && order.status.isOpen == open
        }.sorted { $0.id > $1.id }
        return OKXReply(data: orders.prefix(limit).map { json($0, state: state, accountID: call.accountID) })
    }
}
