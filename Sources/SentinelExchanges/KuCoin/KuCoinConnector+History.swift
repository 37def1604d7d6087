import SentinelCore

extension KuCoinConnector {
    /// The order list with `status=done` (spot and futures hosts alike) from `startAt` on, one page of the newest.
    public func recentOrders(market: Market, sinceMs: Int64) -> VenueCall<[Order]>? {
        let endpoint = isFutures ? KuCoinEndpoint.futuresList : KuCoinEndpoint.spotList
        let query = [
            ("status", "done"), ("symbol", market.nativeSymbol), ("startAt", String(sinceMs)),
            ("pageSize", isFutures ? "1000" : "500"),
        ]
        return VenueCall(endpoint, .pairs(query)) { body, markets throws(SentinelError) in
            Self.convert(try Self.data(KuCoinWire.Page<KuCoinWire.Order>.self, body, endpoint).items, market, markets)
        }
    }
}
