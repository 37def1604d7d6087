import SentinelCore
import SentinelExchanges
import SentinelNet
import SentinelVault

extension VaultEntry {
    /// A ready client for this stored key: `let client = try vault.requireEntry(named: "bot-1").client()`.
    /// `product` defaults to the first product the key is stored for.
    public func client(
        product: Product? = nil, configuration: ClientConfiguration = ClientConfiguration()
    ) throws(SentinelError) -> any ExchangeClient {
        let venue = try venue(for: product ?? products.first ?? .spot)
        // The same rule as the CLI's: a stored endpoint gets the key only over TLS, or plain HTTP on this machine.
        if let endpoint = venue.environment.customEndpoint { _ = try EndpointURL(endpoint) }
        return try ExchangeRegistry.client(for: venue, credentials: credentials, configuration: configuration)
    }
}

/// Checks a key by asking the exchange: a signed read on every product the key is stored for. For exchanges
/// without a connector yet it checks what can be checked offline and says so (`checksWithExchange` is false).
public struct ExchangeCredentialVerifier: CredentialVerifier {
    public init() {}

    public var checksWithExchange: Bool { true }

    public func verify(_ entry: VaultEntry) async throws(SentinelError) {
        for venue in try entry.venues {
            let client = try ExchangeRegistry.client(for: venue, credentials: entry.credentials)
            do {
                _ = try await client.balances()
                await client.shutdown()
            } catch {
                await client.shutdown()
                throw error
            }
        }
    }

    public static func canCheck(_ exchange: ExchangeID) -> Bool {
        ExchangeRegistry.connectorExchanges.contains(exchange)
    }
}
