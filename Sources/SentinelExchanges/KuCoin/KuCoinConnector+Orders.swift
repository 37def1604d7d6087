import SentinelCore
import SentinelNet

extension KuCoinConnector {
    public func placeOrder(_ request: OrderRequest, market: Market) -> VenueCall<Order> {
        let endpoint = isFutures ? KuCoinEndpoint.futuresPlace : KuCoinEndpoint.spotPlace
        // Only what the answer needs is captured: the whole market and this connector were copied for every order.
        let symbol = market.symbol
        return VenueCall(endpoint, .json(KuCoinOrderMapping.body(request, market: market)), instrument: market.nativeSymbol) {
            body, _ throws(SentinelError) in
            if case .string(let orderId)? = JSONPeek.scalar(at: [.member("data"), .member("orderId")], in: body) {
                return KuCoinOrderMapping.acknowledged(request, symbol: symbol, orderId: orderId)
            }
            let placed = try Self.data(KuCoinWire.Placed.self, body, endpoint)
            return KuCoinOrderMapping.acknowledged(request, symbol: symbol, orderId: placed.orderId ?? "")
        }
    }

    /// Spot `POST /api/v1/hf/orders/multi` (`{"orderList":[…]}`, ≤5, `success`/`failMsg` per item) or futures
    /// `POST /api/v1/orders/multi` (a JSON array, ≤20, `code`/`msg` per item).
    public func placeOrders(_ orders: [(request: OrderRequest, market: Market)]) -> VenueCall<[BatchItemResult]>? {
        let venue = venue
        var json = JSONWriter(capacity: 256 * (orders.count + 1))
        if !isFutures { json.openObject() }
        json.openArray(isFutures ? nil : "orderList")
        for order in orders { KuCoinOrderMapping.write(order.request, market: order.market, to: &json) }
        json.closeArray()
        if !isFutures { json.closeObject() }
        let body = json.rendered
        if isFutures {
            let endpoint = KuCoinEndpoint.futuresBatch
            return VenueCall(endpoint, .json(body), instrument: orders.first?.market.nativeSymbol) {
                body, _ throws(SentinelError) in
                let answers = try Self.data([KuCoinWire.FuturesBatchItem].self, body, endpoint)
                return orders.enumerated().map { index, sent in
                    guard index < answers.count else { return Self.missingBatchItem }
                    let item = answers[index]
                    guard let code = item.code, code != "200000" else {
                        return .placed(KuCoinOrderMapping.acknowledged(sent.request, symbol: sent.market.symbol, orderId: item.orderId ?? ""))
                    }
                    return .refused(KuCoinErrors.map(code: code, message: item.msg ?? "", context: .init(venue: venue, httpStatus: 200, path: endpoint.path, clockSummary: nil, retryAfterSeconds: nil)))
                }
            }
        }
        let endpoint = KuCoinEndpoint.spotBatch
        return VenueCall(endpoint, .json(body), instrument: orders.first?.market.nativeSymbol) {
            body, _ throws(SentinelError) in
            let answers = try Self.data([KuCoinWire.SpotBatchItem].self, body, endpoint)
            return orders.enumerated().map { index, sent in
                guard index < answers.count else { return Self.missingBatchItem }
                let item = answers[index]
                if item.success == true {
                    return .placed(KuCoinOrderMapping.acknowledged(sent.request, symbol: sent.market.symbol, orderId: item.orderId ?? ""))
                }
                // HF batch refusals carry only a message, no code.
                return .refused(
                    SentinelError(
                        .invalidOrder,
                        Diagnosis(
                            cause: "KuCoin refused this order of the batch: \(item.failMsg ?? "no reason given").",
                            evidence: [.init("exchange said", item.failMsg ?? ""), .init("endpoint", endpoint.path)],
                            fix: ["Check the order against the market's rules (`sentinel markets`)."])))
            }
        }
    }

    public func order(_ reference: OrderReference, market: Market) -> VenueCall<Order> {
        let endpoint: VenueEndpoint
        var query: [(String, String)] = []
        switch (reference, isFutures) {
        case (.exchangeID(let id), false):
            endpoint = KuCoinEndpoint.spotOrder(Self.segment(id))
            query = [("symbol", market.nativeSymbol)]
        case (.clientOrderID(let id), false):
            endpoint = KuCoinEndpoint.spotOrder(clientOid: Self.segment(id))
            query = [("symbol", market.nativeSymbol)]
        case (.exchangeID(let id), true):
            endpoint = KuCoinEndpoint.futuresOrder(Self.segment(id))
        case (.clientOrderID(let id), true):
            endpoint = KuCoinEndpoint.futuresByClientOid
            query = [("clientOid", id)]
        }
        return VenueCall(endpoint, .pairs(query), instrument: market.nativeSymbol) { body, _ throws(SentinelError) in
            KuCoinOrderMapping.order(try Self.data(KuCoinWire.Order.self, body, endpoint), market: market, symbol: market.symbol)
        }
    }

    /// Cancels answer with the ids only (`cancelAnswerIsAcknowledgement`: the client reads the order back).
    public func cancelOrder(_ reference: OrderReference, market: Market) -> VenueCall<Order> {
        let endpoint: VenueEndpoint
        var query: [(String, String)] = [("symbol", market.nativeSymbol)]
        var knownID = ""
        var knownClientID: String?
        switch (reference, isFutures) {
        case (.exchangeID(let id), false):
            endpoint = KuCoinEndpoint.spotCancel(Self.segment(id))
            knownID = id
        case (.clientOrderID(let id), false):
            endpoint = KuCoinEndpoint.spotCancel(clientOid: Self.segment(id))
            knownClientID = id
        case (.exchangeID(let id), true):
            endpoint = KuCoinEndpoint.futuresCancel(Self.segment(id))
            query = []
            knownID = id
        case (.clientOrderID(let id), true):
            endpoint = KuCoinEndpoint.futuresCancel(clientOid: Self.segment(id))
            knownClientID = id
        }
        return VenueCall(endpoint, .pairs(query), instrument: market.nativeSymbol) { [knownID, knownClientID] body, _ throws(SentinelError) in
            _ = try Self.data(KuCoinWire.Acknowledgement.self, body, endpoint)
            return Order(
                symbol: market.symbol, id: knownID, clientOrderID: knownClientID, side: .buy, type: .limit,
                status: .canceled, price: nil, quantity: .zero, filledQuantity: .zero, averagePrice: nil,
                timeInForce: nil, postOnly: false, reduceOnly: false, createdAt: nil, updatedAt: nil)
        }
    }

    public func cancelAllOrders(market: Market) -> VenueCall<Void> {
        let endpoint = isFutures ? KuCoinEndpoint.futuresCancelAll : KuCoinEndpoint.spotCancelAll
        return VenueCall(endpoint, .pairs([("symbol", market.nativeSymbol)]), instrument: market.nativeSymbol) {
            _, _ throws(SentinelError) in
        }
    }

    /// Spot: the HF active orders of one symbol (every listed spot market otherwise is too many calls: the legacy
    /// list serves all symbols). Futures: `status=active`, one page of up to 1000.
    public func openOrders(market: Market?) -> VenueCall<[Order]> {
        if !isFutures, let market {
            let endpoint = KuCoinEndpoint.spotActive
            return VenueCall(endpoint, .pairs([("symbol", market.nativeSymbol)])) { body, markets throws(SentinelError) in
                Self.convert(try Self.data([KuCoinWire.Order].self, body, endpoint), market, markets)
            }
        }
        let endpoint = isFutures ? KuCoinEndpoint.futuresList : KuCoinEndpoint.spotList
        var query = [("status", "active"), ("pageSize", isFutures ? "1000" : "500")]
        if let market { query.append(("symbol", market.nativeSymbol)) }
        return VenueCall(endpoint, .pairs(query)) { body, markets throws(SentinelError) in
            Self.convert(try Self.data(KuCoinWire.Page<KuCoinWire.Order>.self, body, endpoint).items, market, markets)
        }
    }

    static let missingBatchItem = BatchItemResult.refused(
        SentinelError(.badResponse, Diagnosis(cause: "KuCoin's batch answer has no item for this order.")))

    static func convert(_ rows: [KuCoinWire.Order], _ market: Market?, _ markets: MarketDirectory) -> [Order] {
        rows.map { row in
            let known = market ?? markets.byNative[row.symbol]
            return KuCoinOrderMapping.order(row, market: known, symbol: known?.symbol ?? markets.symbol(native: row.symbol))
        }
    }
}
