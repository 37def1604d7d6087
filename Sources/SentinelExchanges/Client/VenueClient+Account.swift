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
}
