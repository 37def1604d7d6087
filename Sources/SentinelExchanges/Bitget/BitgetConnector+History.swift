import SentinelCore

extension BitgetConnector {
    /// Finished orders from `startTime` on, the newest 100: spot `history-orders` (a list), futures
    /// `orders-history` (`entrustedList`, null when empty).
    public func recentOrders(market: Market, sinceMs: Int64) -> VenueCall<[Order]>? {
        let spot = isSpot
        let endpoint = BitgetEndpoint.make(
            .GET, spot ? "/api/v2/spot/trade/history-orders" : "/api/v2/mix/order/orders-history", .signed)
        var parameters = [("symbol", market.nativeSymbol), ("startTime", String(sinceMs)), ("limit", "100")]
        if !spot { parameters.insert(("productType", productType), at: 0) }
        return VenueCall(endpoint, .pairs(parameters)) { body, _ throws(SentinelError) in
            let rows = spot
                ? try Self.data([BitgetWire.Order].self, body, endpoint)
                : (try Self.data(BitgetWire.PendingOrders.self, body, endpoint).entrustedList ?? [])
            return rows.map { BitgetOrderMapping.order($0, symbol: market.symbol, spot: spot) }
        }
    }
}
