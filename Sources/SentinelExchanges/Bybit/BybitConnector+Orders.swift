import SentinelCore
import SentinelNet

extension BybitConnector {
    /// `POST /v5/order/create` answers ids only: the order as acknowledged, its state from a lookup.
    public func placeOrder(_ request: OrderRequest, market: Market) -> VenueCall<Order> {
        let endpoint = BybitEndpoint.placeOrder
        var json = JSONWriter()
        json.openObject()
        json.member("category", category)
        BybitOrderMapping.writeMembers(request, market: market, to: &json)
        json.closeObject()
        // Only what the answer needs is captured: the whole market and this connector were copied for every order.
        let symbol = market.symbol
        return VenueCall(endpoint, .json(json.rendered)) { answer, _ throws(SentinelError) in
            if let orderID = JSONPeek.scalar(at: [.member("result"), .member("orderId")], in: answer)?.id,
                case .value(let linkID) = OptionalMember(
                    JSONPeek.scalar(at: [.member("result"), .member("orderLinkId")], in: answer), \.string)
            {
                return BybitOrderMapping.acknowledged(orderID: orderID, linkID: linkID, request: request, symbol: symbol)
            }
            let ack = try Self.result(BybitWire.Ack.self, answer, endpoint)
            return BybitOrderMapping.acknowledged(
                orderID: ack.orderId.value, linkID: ack.orderLinkId, request: request, symbol: symbol)
        }
    }

    /// By id Bybit's realtime list also finds recently closed orders; older ones are in the history.
    public func order(_ reference: OrderReference, market: Market) -> VenueCall<Order> {
        let endpoint = BybitEndpoint.openOrders
        let symbol = market.symbol
        let payload = VenuePayload.pairs([
            ("category", category), ("symbol", market.nativeSymbol), BybitOrderMapping.reference(reference),
        ])
        return VenueCall(endpoint, payload) { body, _ throws(SentinelError) in
            guard let row = try Self.result(BybitWire.Listing<BybitWire.OrderRow>.self, body, endpoint).list.first else {
                throw SentinelError(
                    .orderNotFound,
                    Diagnosis(
                        cause: "Bybit has no \(reference) on \(symbol).",
                        evidence: [.init("endpoint", endpoint.path)],
                        fix: ["Check the symbol and the id; an order placed elsewhere may be on another product."]))
            }
            return BybitOrderMapping.order(row, symbol: symbol)
        }
    }

    /// The cancel answers ids only; the order is reported cancelled, as Bybit has accepted the cancel.
    public func cancelOrder(_ reference: OrderReference, market: Market) -> VenueCall<Order> {
        let endpoint = BybitEndpoint.cancelOrder
        let (name, value) = BybitOrderMapping.reference(reference)
        let body = OrderedJSON.object([
            ("category", .string(category)), ("symbol", .string(market.nativeSymbol)), (name, .string(value)),
        ])
        let symbol = market.symbol
        return VenueCall(endpoint, .json(body.rendered)) { answer, _ throws(SentinelError) in
            let ack = try Self.result(BybitWire.Ack.self, answer, endpoint)
            var order = Order(
                symbol: symbol, id: ack.orderId.value, clientOrderID: ack.orderLinkId.flatMap { $0.isEmpty ? nil : $0 },
                side: .buy, type: .limit, status: .canceled, price: nil, quantity: .zero, filledQuantity: .zero,
                averagePrice: nil, timeInForce: nil, postOnly: false, reduceOnly: false, createdAt: nil, updatedAt: nil)
            order.symbol = symbol
            return order
        }
    }

    public func cancelAllOrders(market: Market) -> VenueCall<Void> {
        let body = OrderedJSON.object([("category", .string(category)), ("symbol", .string(market.nativeSymbol))])
        return VenueCall(BybitEndpoint.cancelAll, .json(body.rendered)) { _, _ in }
    }

    /// Open orders of one market, or of every market of the product (derivatives by settle coin).
    public func openOrders(market: Market?) -> VenueCall<[Order]> {
        let endpoint = BybitEndpoint.openOrders
        var parameters = [("category", category), ("openOnly", "0"), ("limit", "50")]
        if let market {
            parameters.append(("symbol", market.nativeSymbol))
        } else if venue.product == .linear {
            parameters.append(("settleCoin", "USDT"))
        }
        return VenueCall(endpoint, .pairs(parameters)) { body, markets throws(SentinelError) in
            try Self.result(BybitWire.Listing<BybitWire.OrderRow>.self, body, endpoint).list.map { row in
                BybitOrderMapping.order(row, symbol: market?.symbol ?? markets.symbol(native: row.symbol))
            }
        }
    }

    /// `POST /v5/order/create-batch`: `result.list[i]` and `retExtInfo.list[i]` answer order i.
    public func placeOrders(_ orders: [(request: OrderRequest, market: Market)]) -> VenueCall<[BatchItemResult]>? {
        let endpoint = BybitEndpoint.placeBatch
        var json = JSONWriter(capacity: 256 * (orders.count + 1))
        json.openObject()
        json.member("category", category)
        json.openArray("request")
        for order in orders {
            json.openObject()
            BybitOrderMapping.writeMembers(order.request, market: order.market, to: &json)
            json.closeObject()
        }
        json.closeArray()
        json.closeObject()
        let venue = venue
        return VenueCall(endpoint, .json(json.rendered)) { answer, _ throws(SentinelError) in
            let batch = try WireDecoding.decode(
                BybitWire.BatchAnswer.self, from: answer, exchange: .bybit, endpoint: endpoint.path)
            let codes = batch.retExtInfo?.list ?? []
            return batch.result.list.enumerated().map { index, item in
                let code = index < codes.count ? codes[index].code.value : 0
                guard code == 0, let id = item.orderId, !id.isEmpty, index < orders.count else {
                    return .refused(
                        BybitErrors.map(
                            code: Int(code), message: index < codes.count ? codes[index].msg ?? "" : "rejected",
                            context: ErrorContext(
                                venue: venue, httpStatus: 200, path: endpoint.path, clockSummary: nil,
                                retryAfterSeconds: nil)))
                }
                let (request, market) = orders[index]
                return .placed(
                    BybitOrderMapping.acknowledged(orderID: id, linkID: item.orderLinkId, request: request, symbol: market.symbol))
            }
        }
    }
}
