import SentinelCore

extension VenueClient {
    public func balances() async throws(SentinelError) -> [Balance] {
        try await perform(connector.balances())
    }

    public func positions() async throws(SentinelError) -> [Position] {
        guard let call = connector.positions() else { return [] }
        _ = try await loadedDirectory()
        return try await perform(call)
    }

    public func permissions() async throws(SentinelError) -> KeyPermissions {
        try await perform(try connector.permissions())
    }

    public func withdrawals(sinceMs: Int64) async throws(SentinelError) -> [Withdrawal] {
        guard let call = connector.withdrawals(sinceMs: sinceMs) else {
            throw SentinelError(
                .unsupported,
                Diagnosis(
                    cause: "Sentinel does not read \(venue.exchange.displayName) \(venue.product)'s withdrawal history yet.",
                    fix: ["Check the withdrawal history on \(venue.exchange.displayName)'s website."]))
        }
        return try await perform(call)
    }
}
