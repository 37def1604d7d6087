import Foundation
import SentinelCore
import SentinelNet

extension BinanceConnector {
    public func placeOrder(_ request: OrderRequest, market: Market) -> VenueCall<Order> {
        orderCall(endpoints.placeOrder, .pairs(BinanceOrderMapping.parameters(request, market: market)), market)
    }

    public func order(_ reference: OrderReference, market: Market) -> VenueCall<Order> {
        orderCall(
            endpoints.queryOrder, .pairs([("symbol", market.nativeSymbol), BinanceOrderMapping.reference(reference)]),
            market)
    }

    public func cancelOrder(_ reference: OrderReference, market: Market) -> VenueCall<Order> {
        orderCall(
            endpoints.cancelOrder, .pairs([("symbol", market.nativeSymbol), BinanceOrderMapping.reference(reference)]),
            market)
    }

    public func cancelAllOrders(market: Market) -> VenueCall<Void> {
        VenueCall(endpoints.cancelAll, .pairs([("symbol", market.nativeSymbol)])) { _, _ in }
    }

    public func openOrders(market: Market?) -> VenueCall<[Order]> {
        let endpoint = market == nil ? endpoints.openOrdersAllSymbols : endpoints.openOrders
        let payload = market.map { VenuePayload.pairs([("symbol", $0.nativeSymbol)]) } ?? .empty
        return VenueCall(endpoint, payload) { body, markets throws(SentinelError) in
            try decode([BinanceWire.OrderBody].self, body, endpoint).map { row in
                BinanceOrderMapping.order(row, symbol: market?.symbol ?? markets.symbol(native: row.symbol))
            }
        }
    }

    /// `allOrders` from `sinceMs` on (spot weight 20, USDⓈ-M 5), at most 1000. USDⓈ-M answers at most 7 days from
    /// `startTime`; the watch asks for less.
    public func recentOrders(market: Market, sinceMs: Int64) -> VenueCall<[Order]>? {
        let spot = venue.product == .spot
        let endpoint = VenueEndpoint(.GET, spot ? "/api/v3/allOrders" : "/fapi/v1/allOrders", .signed, weight: spot ? 20 : 5)
        let payload = VenuePayload.pairs([("symbol", market.nativeSymbol), ("startTime", String(sinceMs)), ("limit", "1000")])
        return VenueCall(endpoint, payload) { body, _ throws(SentinelError) in
            try decode([BinanceWire.OrderBody].self, body, endpoint).map { BinanceOrderMapping.order($0, symbol: market.symbol) }
        }
    }

    /// `POST /fapi/v1/batchOrders`: up to five orders as one JSON array in the `batchOrders` parameter.
    public func placeOrders(_ orders: [(request: OrderRequest, market: Market)]) -> VenueCall<[BatchItemResult]>? {
        guard let endpoint = endpoints.batchOrders else { return nil }
        let objects = orders.map { request, market in
            Dictionary(BinanceOrderMapping.parameters(request, market: market), uniquingKeysWith: { first, _ in first })
        }
        let data = (try? JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys])) ?? Data()
        let venue = venue
        let symbols = orders.map(\.market.symbol)
        return VenueCall(endpoint, .pairs([("batchOrders", String(decoding: data, as: UTF8.self))])) {
            body, _ throws(SentinelError) in
            try decode([BatchItem].self, body, endpoint).enumerated().map { index, item in
                if let order = item.order {
                    return .placed(BinanceOrderMapping.order(order, symbol: symbols[min(index, symbols.count - 1)]))
                }
                return .refused(
                    BinanceErrors.map(
                        code: item.code ?? 0, message: item.msg ?? "rejected",
                        context: .init(
                            venue: venue, httpStatus: 400, path: endpoint.path, clockSummary: nil,
                            retryAfterSeconds: nil)))
            }
        }
    }

    private func orderCall(_ endpoint: VenueEndpoint, _ payload: VenuePayload, _ market: Market) -> VenueCall<Order> {
        // Only what the answer needs is captured: capturing this connector copied it into every call's closure.
        let symbol = market.symbol
        let exchange = venue.exchange
        return VenueCall(endpoint, payload) { body, _ throws(SentinelError) in
            guard let order = BinanceWire.OrderBody(peeking: body) else {
                let decoded = try WireDecoding.decode(
                    BinanceWire.OrderBody.self, from: body, exchange: exchange, endpoint: endpoint.path)
                return BinanceOrderMapping.order(decoded, symbol: symbol)
            }
            return BinanceOrderMapping.order(order, symbol: symbol)
        }
    }

    /// One entry of a `batchOrders` answer: an order, or `{code, msg}`.
    struct BatchItem: Decodable {
        let order: BinanceWire.OrderBody?
        let code: Int?
        let msg: String?

        init(from decoder: any Decoder) throws {
            order = try? BinanceWire.OrderBody(from: decoder)
            let container = try decoder.container(keyedBy: Keys.self)
            code = try? container.decode(Int.self, forKey: .code)
            msg = try? container.decode(String.self, forKey: .msg)
        }

        enum Keys: String, CodingKey { case code, msg }
    }
}
