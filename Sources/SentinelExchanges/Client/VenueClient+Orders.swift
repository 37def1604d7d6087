import SentinelCore

extension VenueClient {
    public func cancelOrder(symbol: UnifiedSymbol, _ reference: OrderReference) async throws(SentinelError) -> Order {
        let market = try await market(symbol)
        do {
            var order = try await perform(connector.cancelOrder(reference, market: market))
            if connector.cancelAnswerIsAcknowledgement {
                // An acknowledgement by client id may carry no exchange id (KuCoin): read it back by what was sent.
                return try await self.order(symbol: symbol, order.id.isEmpty ? reference : .exchangeID(order.id))
            }
            order.symbol = market.symbol
            return order
        } catch {
            // No answer: the order's state decides whether the cancel took effect.
            guard error.kind == .ambiguousOutcome || error.kind == .exchangeUnavailable else { throw error }
            return try await order(symbol: symbol, reference)
        }
    }

    public func cancelAllOrders(symbol: UnifiedSymbol) async throws(SentinelError) -> Int {
        let market = try await market(symbol)
        let open = try await openOrders(symbol: symbol)
        guard !open.isEmpty else { return 0 }
        guard let size = connector.cancelListLimit, size > 0 else {
            try await perform(connector.cancelAllOrders(market: market))
            return open.count
        }
        var start = 0
        while start < open.count {
            try await perform(connector.cancelOrders(Array(open[start..<min(start + size, open.count)]), market: market))
            start += size
        }
        return open.count
    }

    public func order(symbol: UnifiedSymbol, _ reference: OrderReference) async throws(SentinelError) -> Order {
        let market = try await market(symbol)
        var order = try await perform(connector.order(reference, market: market))
        order.symbol = market.symbol
        return order
    }

    public func openOrders(symbol: UnifiedSymbol?) async throws(SentinelError) -> [Order] {
        guard let symbol else {
            _ = try await loadedDirectory()
            return try await perform(connector.openOrders(market: nil))
        }
        let market = try await market(symbol)
        return try await perform(connector.openOrders(market: market)).map { order in
            var order = order
            order.symbol = market.symbol
            return order
        }
    }

    public func recentOrders(symbol: UnifiedSymbol, sinceMs: Int64) async throws(SentinelError) -> [Order] {
        let market = try await market(symbol)
        guard let call = connector.recentOrders(market: market, sinceMs: sinceMs) else {
            throw SentinelError(
                .unsupported,
                Diagnosis(
                    cause: "Sentinel does not read \(venue.exchange.displayName) \(venue.product)'s order history yet.",
                    fix: ["Check the order history on \(venue.exchange.displayName)'s website."]))
        }
        return try await perform(call).map { order in
            var order = order
            order.symbol = market.symbol
            return order
        }
    }
}
