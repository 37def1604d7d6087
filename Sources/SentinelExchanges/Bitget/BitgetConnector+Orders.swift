import SentinelCore
import SentinelNet

extension BitgetConnector {
    var placeEndpoint: VenueEndpoint { isSpot ? BitgetEndpoint.spotPlace : BitgetEndpoint.mixPlace }

    public func placeOrder(_ request: OrderRequest, market: Market) -> VenueCall<Order> {
        let endpoint = BitgetOrderMapping.isSpotMarketBuy(request, market: market)
            ? BitgetEndpoint.spotMarketBuy : placeEndpoint
        let body = BitgetOrderMapping.body(request, market: market)
        // Only what the answer needs is captured: the whole market and this connector were copied for every order.
        let symbol = market.symbol
        return VenueCall(endpoint, .json(body), instrument: market.nativeSymbol) { body, _ throws(SentinelError) in
            if let orderId = JSONPeek.scalar(at: [.member("data"), .member("orderId")], in: body)?.id {
                return BitgetOrderMapping.acknowledged(request, symbol: symbol, orderId: orderId)
            }
            let ids = try Self.data(BitgetWire.OrderIDs.self, body, endpoint)
            return BitgetOrderMapping.acknowledged(request, symbol: symbol, orderId: ids.orderId?.value ?? "")
        }
    }

    /// Spot `batch-orders` (`batchMode` multiple: a symbol per order) or futures `batch-place-order` (one symbol): up
    /// to 50 orders; the answer lists successes and failures by `clientOid`. Orders that cannot go in the batch — spot
    /// market buys, futures orders on another symbol than the first — are refused without being sent.
    public func placeOrders(_ orders: [(request: OrderRequest, market: Market)]) -> VenueCall<[BatchItemResult]>? {
        guard let first = orders.first else { return nil }
        let endpoint = isSpot ? BitgetEndpoint.spotBatch : BitgetEndpoint.mixBatch
        var refusals: [Int: SentinelError] = [:]
        for (index, sent) in orders.enumerated() {
            if BitgetOrderMapping.isSpotMarketBuy(sent.request, market: sent.market) {
                refusals[index] = BitgetOrderMapping.spotMarketBuyRefusal
            } else if !isSpot, sent.market.nativeSymbol != first.market.nativeSymbol {
                refusals[index] = SentinelError(
                    .unsupported,
                    Diagnosis(
                        cause: "Bitget's futures batch takes orders on one symbol; this one is on "
                            + "\(sent.market.nativeSymbol), the batch on \(first.market.nativeSymbol).",
                        fix: ["Send the orders of each symbol in their own batch."]))
            }
        }
        let refused = refusals
        let included = orders.enumerated().filter { refused[$0.offset] == nil }.map(\.element)
        let context = context(endpoint)
        let body = BitgetOrderMapping.batchBody(included, spotMultiple: isSpot)
        return VenueCall(endpoint, .json(body), instrument: first.market.nativeSymbol) { body, _ throws(SentinelError) in
            let answer = try Self.data(BitgetWire.Batch.self, body, endpoint)
            var placed: [String: String] = [:]
            for item in answer.successList ?? [] { if let id = item.clientOid { placed[id] = item.orderId?.value ?? "" } }
            var failed: [String: BitgetWire.BatchFailure] = [:]
            for item in answer.failureList ?? [] { if let id = item.clientOid { failed[id] = item } }
            return orders.enumerated().map { index, sent in
                if let refusal = refused[index] { return .refused(refusal) }
                let id = sent.request.clientOrderID.rawValue
                if let orderId = placed[id] {
                    return .placed(BitgetOrderMapping.acknowledged(sent.request, symbol: sent.market.symbol, orderId: orderId))
                }
                if let failure = failed[id] {
                    return .refused(
                        BitgetErrors.map(
                            code: failure.errorCode?.value ?? "", message: failure.errorMsg ?? "", context: context))
                }
                return .refused(
                    SentinelError(.badResponse, Diagnosis(cause: "Bitget's batch answer does not mention this order (\(id)).")))
            }
        }
    }

    public func order(_ reference: OrderReference, market: Market) -> VenueCall<Order> {
        let spot = isSpot
        let endpoint = spot ? BitgetEndpoint.spotOrder : BitgetEndpoint.mixOrder
        var parameters: [(String, String)] = []
        if !spot { parameters += [("symbol", market.nativeSymbol), ("productType", productType)] }
        parameters.append(Self.reference(reference))
        return VenueCall(endpoint, .pairs(parameters), instrument: market.nativeSymbol) { body, _ throws(SentinelError) in
            let row: BitgetWire.Order?
            // Spot answers a list, futures one object (bitget.md §4).
            row = spot ? try Self.data([BitgetWire.Order].self, body, endpoint).first : try Self.data(BitgetWire.Order.self, body, endpoint)
            guard let row, row.symbol == market.nativeSymbol else {
                throw SentinelError(
                    .orderNotFound,
                    Diagnosis(
                        cause: "Bitget has no \(reference) on \(market.nativeSymbol).",
                        fix: ["Check the symbol and the order id."]))
            }
            return BitgetOrderMapping.order(row, symbol: market.symbol, spot: spot)
        }
    }

    /// Bitget answers a cancel with the ids only: the order is reported cancelled.
    public func cancelOrder(_ reference: OrderReference, market: Market) -> VenueCall<Order> {
        let endpoint = isSpot ? BitgetEndpoint.spotCancel : BitgetEndpoint.mixCancel
        let (name, value) = Self.reference(reference)
        var json = JSONWriter()
        json.openObject()
        json.member("symbol", market.nativeSymbol)
        if !isSpot { BitgetOrderMapping.writeFuturesScope(market, to: &json) }
        json.member(name, value)
        json.closeObject()
        return VenueCall(endpoint, .json(json.rendered), instrument: market.nativeSymbol) {
            body, _ throws(SentinelError) in
            let ids = try Self.data(BitgetWire.OrderIDs.self, body, endpoint)
            return Order(
                symbol: market.symbol, id: ids.orderId?.value ?? "",
                clientOrderID: ids.clientOid.flatMap { $0.isEmpty ? nil : $0 }, side: .buy, type: .limit,
                status: .canceled, price: nil, quantity: .zero, filledQuantity: .zero, averagePrice: nil,
                timeInForce: nil, postOnly: false, reduceOnly: false, createdAt: nil, updatedAt: nil)
        }
    }

    /// Spot `cancel-symbol-order`; futures `cancel-all-orders` for the symbol's productType and margin coin.
    public func cancelAllOrders(market: Market) -> VenueCall<Void> {
        let endpoint = isSpot ? BitgetEndpoint.spotCancelSymbol : BitgetEndpoint.mixCancelAll
        var json = JSONWriter()
        json.openObject()
        json.member("symbol", market.nativeSymbol)
        if !isSpot { BitgetOrderMapping.writeFuturesScope(market, to: &json) }
        json.closeObject()
        return VenueCall(endpoint, .json(json.rendered), instrument: market.nativeSymbol) { _, _ in }
    }

    public var cancelAnswerIsAcknowledgement: Bool { true }

    public func openOrders(market: Market?) -> VenueCall<[Order]> {
        let spot = isSpot
        let endpoint = spot ? BitgetEndpoint.spotOpen : BitgetEndpoint.mixOpen
        var parameters: [(String, String)] = []
        if !spot { parameters.append(("productType", productType)) }
        if let market { parameters.append(("symbol", market.nativeSymbol)) }
        return VenueCall(endpoint, .pairs(parameters)) { body, markets throws(SentinelError) in
            let rows = spot
                ? try Self.data([BitgetWire.Order].self, body, endpoint)
                : (try Self.data(BitgetWire.PendingOrders.self, body, endpoint).entrustedList ?? [])
            return rows.map { row in
                BitgetOrderMapping.order(row, symbol: market?.symbol ?? markets.symbol(native: row.symbol), spot: spot)
            }
        }
    }

    static func reference(_ reference: OrderReference) -> (String, String) {
        switch reference {
        case .exchangeID(let id): ("orderId", id)
        case .clientOrderID(let id): ("clientOid", id)
        }
    }
}
