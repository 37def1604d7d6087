import SentinelCore

/// What spot and futures order handling share: placing one order, finding one by `orderId`/`clientOid`, and the
/// order JSON of each product.
extension BitgetDialect {
    static let batchMaximum = 50

    static func place(
        _ item: [String: Any], defaults: [String: Any] = [:], kind: MarketKind, _ call: inout BitgetCall,
        _ state: inout EngineState
    ) -> Result<SimulatedOrder, BitgetError> {
        let request: OrderRequest
        do throws(BitgetError) {
            request = try call.orderRequest(item, defaults: defaults, kind: kind, state: &state)
        } catch {
            return .failure(error)
        }
        // A clientOid is unique per account and product line, whatever became of the order that used it
        // (bitget.md Simulator note 5), so a lookup by clientOid without a symbol names one order.
        if !request.clientOrderID.hasPrefix(BitgetCall.anonymousPrefix), let account = state.accounts[call.accountID],
            state.marketKeys(exchange: .bitget, kind: kind).contains(where: {
                account.latestOrder(kind: kind, symbol: $0.symbol, clientOrderID: request.clientOrderID) != nil
            })
        {
            return .failure(.duplicateClientID)
        }
        do {
            let placed =
                kind == .spot
                ? try state.placeSpotOrder(exchange: .bitget, accountID: call.accountID, request: request, now: call.now)
                : try state.placePerpetualOrder(exchange: .bitget, accountID: call.accountID, request: request, now: call.now)
            return .success(placed.order)
        } catch {
            let market = call.market(request.symbol, kind: kind, &state)
            return .failure(BitgetCall.error(error, request: request, market: market, kind: kind))
        }
    }

    /// The order named by `orderId` (which wins) or `clientOid`.
    static func lookup(orderId: String?, clientOid: String?) -> OrderLookup? {
        if let orderId { return .id(Int64(orderId) ?? -1) }
        return clientOid.map(OrderLookup.clientOrderID)
    }

    static func orderJSON(_ order: SimulatedOrder, _ call: BitgetCall, _ state: EngineState) -> JSONValue {
        let account = state.accounts[call.accountID]
        let trades = account?.trades ?? []
        if order.kind == .spot { return BitgetOrderJSON.spot(order, userID: userID(call.accountID), trades: trades) }
        return BitgetOrderJSON.futures(order, leverage: account?.leverage(for: order.symbol) ?? 20, trades: trades)
    }

    /// A batch body's `orderList`: present, not empty, at most 50.
    static func orderList(_ body: [String: Any]) throws(BitgetError) -> [[String: Any]] {
        guard let list = body["orderList"] as? [[String: Any]], !list.isEmpty else { throw .empty("orderList") }
        guard list.count <= batchMaximum else { throw .batchTooLarge }
        return list
    }

    static func limit(_ text: String?) throws(BitgetError) -> Int {
        guard let text else { return 100 }
        guard let value = Int(text), (1...100).contains(value) else { throw .parameter("limit") }
        return value
    }

    /// Filled and cancelled orders, newest first (spot `history-orders`, futures `orders-history`).
    static func closedOrders(_ call: BitgetCall, _ state: inout EngineState, kind: MarketKind, symbol: String?, limit: Int)
        -> [JSONValue]
    {
        for key in state.marketKeys(exchange: .bitget, kind: kind) { _ = state.market(key, now: call.now) }
        guard let account = state.accounts[call.accountID] else { return [] }
        let frozen = state
        return account.orders.values.filter { order in
            order.kind == kind && !order.status.isOpen && (symbol == nil || order.symbol == symbol)
        }.sorted { $0.id > $1.id }.prefix(limit).map { orderJSON($0, call, frozen) }
    }

    static func openOrders(_ call: BitgetCall, _ state: inout EngineState, kind: MarketKind, symbol: String?, limit: Int)
        -> [JSONValue]
    {
        for key in state.marketKeys(exchange: .bitget, kind: kind) { _ = state.market(key, now: call.now) }
        guard let account = state.accounts[call.accountID] else { return [] }
        let frozen = state
        return account.openOrders(symbol: symbol, kind: kind).sorted { $0.id > $1.id }.prefix(limit).map {
            orderJSON($0, call, frozen)
        }
    }
}
