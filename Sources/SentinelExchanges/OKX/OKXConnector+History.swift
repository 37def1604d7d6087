import SentinelCore

extension OKXConnector {
    /// `GET /api/v5/trade/orders-history`: finished orders of the last 7 days, created from `begin` on, the newest 100.
    public func recentOrders(market: Market, sinceMs: Int64) -> VenueCall<[Order]>? {
        let endpoint = OKXEndpoint.make(.GET, "/api/v5/trade/orders-history", .signed)
        let parameters = [
            ("instType", OKXMarkets.instrumentType(for: venue.product)), ("instId", market.nativeSymbol),
            ("begin", String(sinceMs)), ("limit", "100"),
        ]
        return VenueCall(endpoint, .pairs(parameters)) { body, _ throws(SentinelError) in
            try Self.data(OKXWire.Order.self, body, endpoint).map { row in
                OKXOrderMapping.order(row, market: market, symbol: market.symbol)
            }
        }
    }
}
