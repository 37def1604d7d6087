import SentinelCore

extension BybitConnector {
    /// `GET /v5/order/history` from `sinceMs` (Bybit answers at most 7 days from `startTime`; the watch asks for
    /// less), the newest 50.
    public func recentOrders(market: Market, sinceMs: Int64) -> VenueCall<[Order]>? {
        let endpoint = BybitEndpoint.signed(.GET, "/v5/order/history")
        let parameters = [
            ("category", category), ("symbol", market.nativeSymbol), ("startTime", String(sinceMs)), ("limit", "50"),
        ]
        return VenueCall(endpoint, .pairs(parameters)) { body, _ throws(SentinelError) in
            try Self.result(BybitWire.Listing<BybitWire.OrderRow>.self, body, endpoint).list.map { row in
                BybitOrderMapping.order(row, symbol: market.symbol)
            }
        }
    }
}
