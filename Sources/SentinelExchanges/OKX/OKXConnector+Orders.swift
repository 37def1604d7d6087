import SentinelCore
import SentinelNet

extension OKXConnector {
    public func placeOrder(_ request: OrderRequest, market: Market) -> VenueCall<Order> {
        let endpoint = OKXEndpoint.placeOrder
        // The answer needs the request and the market's symbol only: capturing the whole market and this connector
        // copied both into the closure's context for every order.
        let symbol = market.symbol
        return VenueCall(endpoint, .json(OKXOrderMapping.body(request, market: market)), instrument: market.nativeSymbol) {
            body, _ throws(SentinelError) in
            if case .string(let ordId)? = JSONPeek.scalar(at: [.member("data"), .first, .member("ordId")], in: body) {
                return OKXOrderMapping.acknowledged(request, symbol: symbol, ordId: ordId)
            }
            let item = try Self.first(OKXWire.ItemStatus.self, body, endpoint)
            return OKXOrderMapping.acknowledged(request, symbol: symbol, ordId: item.ordId ?? "")
        }
    }

    /// `POST /api/v5/trade/batch-orders`: up to 20 orders as one JSON array; each answer item has its own `sCode`.
    public func placeOrders(_ orders: [(request: OrderRequest, market: Market)]) -> VenueCall<[BatchItemResult]>? {
        let endpoint = OKXEndpoint.batchOrders
        let venue = venue
        var json = JSONWriter(capacity: 256 * orders.count)
        json.openArray()
        for order in orders { OKXOrderMapping.write(order.request, market: order.market, to: &json) }
        json.closeArray()
        let body = json.rendered
        return VenueCall(endpoint, .json(body), instrument: orders.first?.market.nativeSymbol) {
            body, _ throws(SentinelError) in
            let items = try Self.data(OKXWire.ItemStatus.self, body, endpoint)
            return orders.enumerated().map { index, sent in
                guard index < items.count else {
                    return .refused(SentinelError(.badResponse, Diagnosis(cause: "OKX's batch answer has no item for this order.")))
                }
                let item = items[index]
                guard let code = item.sCode, code != "0" else {
                    return .placed(OKXOrderMapping.acknowledged(sent.request, symbol: sent.market.symbol, ordId: item.ordId ?? ""))
                }
                return .refused(
                    OKXErrors.map(
                        code: code, message: item.sMsg ?? "",
                        context: .init(venue: venue, httpStatus: 200, path: endpoint.path, clockSummary: nil, retryAfterSeconds: nil)))
            }
        }
    }

    public func order(_ reference: OrderReference, market: Market) -> VenueCall<Order> {
        let endpoint = OKXEndpoint.order
        let known = Self.knownClientID(reference)
        return VenueCall(endpoint, .pairs([("instId", market.nativeSymbol), Self.reference(reference)]), instrument: market.nativeSymbol) {
            body, _ throws(SentinelError) in
            OKXOrderMapping.order(
                try Self.first(OKXWire.Order.self, body, endpoint), market: market, symbol: market.symbol, knownClientID: known)
        }
    }

    /// OKX answers a cancel with the ids only; `cancelAnswerIsAcknowledgement` makes the client read the order back.
    public func cancelOrder(_ reference: OrderReference, market: Market) -> VenueCall<Order> {
        let endpoint = OKXEndpoint.cancelOrder
        let (name, value) = Self.reference(reference)
        let body = OrderedJSON.object([("instId", .string(market.nativeSymbol)), (name, .string(value))]).rendered
        return VenueCall(endpoint, .json(body), instrument: market.nativeSymbol) { body, _ throws(SentinelError) in
            let item = try Self.first(OKXWire.ItemStatus.self, body, endpoint)
            return Order(
                symbol: market.symbol, id: item.ordId ?? "", clientOrderID: OKXOrderMapping.unifiedClientID(item.clOrdId),
                side: .buy, type: .limit, status: .canceled, price: nil, quantity: .zero, filledQuantity: .zero,
                averagePrice: nil, timeInForce: nil, postOnly: false, reduceOnly: false, createdAt: nil, updatedAt: nil)
        }
    }

    /// OKX has no cancel-all for spot and swaps (its mass-cancel is for options): the client cancels the open orders it
    /// listed through `cancelOrders`, 20 per call. This call is the same batch cancel with nothing listed.
    public func cancelAllOrders(market: Market) -> VenueCall<Void> {
        cancelOrders([], market: market)
    }

    public func cancelOrders(_ orders: [Order], market: Market) -> VenueCall<Void> {
        let endpoint = OKXEndpoint.cancelBatch
        let body = OrderedJSON.array(
            orders.map { .object([("instId", .string(market.nativeSymbol)), ("ordId", .string($0.id))]) }
        ).rendered
        let venue = venue
        return VenueCall(endpoint, .json(body), instrument: market.nativeSymbol) { body, _ throws(SentinelError) in
            let items = try Self.data(OKXWire.ItemStatus.self, body, endpoint)
            // An order that filled or was cancelled meanwhile (51400) is no longer open: that is what was wanted.
            if let refused = items.first(where: { ($0.sCode ?? "0") != "0" && $0.sCode != "51400" }), let code = refused.sCode {
                throw OKXErrors.map(
                    code: code, message: refused.sMsg ?? "",
                    context: .init(venue: venue, httpStatus: 200, path: endpoint.path, clockSummary: nil, retryAfterSeconds: nil))
            }
        }
    }

    public func openOrders(market: Market?) -> VenueCall<[Order]> {
        let endpoint = OKXEndpoint.pending
        var parameters = [("instType", OKXMarkets.instrumentType(for: venue.product))]
        if let market { parameters.append(("instId", market.nativeSymbol)) }
        return VenueCall(endpoint, .pairs(parameters)) { body, markets throws(SentinelError) in
            try Self.data(OKXWire.Order.self, body, endpoint).map { row in
                let known = market ?? markets.byNative[row.instId]
                return OKXOrderMapping.order(row, market: known, symbol: known?.symbol ?? markets.symbol(native: row.instId))
            }
        }
    }

    static func reference(_ reference: OrderReference) -> (String, String) {
        switch reference {
        case .exchangeID(let id): ("ordId", id)
        case .clientOrderID(let id): ("clOrdId", OKXOrderMapping.wireClientID(id))
        }
    }

    static func knownClientID(_ reference: OrderReference) -> String? {
        if case .clientOrderID(let id) = reference { return id }
        return nil
    }
}
