import SentinelCore
import SentinelExchanges
import Testing

/// The library keeps the CLI's endpoint rule: a key goes over TLS, or over plain HTTP only to this machine, unless
/// the caller allowed insecure HTTP by name.
@Suite struct EndpointRuleTests {
    let credentials = Credentials(apiKey: "key-0123456789abcdef", secret: SecretText("secret-0123456789"))

    @Test(arguments: ["http://192.0.2.10:8900", "http://127.example.com", "http://user@127.0.0.1:8900"])
    func aClientForAPlainHTTPEndpointElsewhereIsRefused(endpoint: String) throws {
        let venue = try Venue(.binance, .spot, Environment(.live, customEndpoint: endpoint))
        #expect(throws: SentinelError.self) {
            try ExchangeRegistry.client(for: venue, credentials: credentials, transport: ScriptedTransport { _ in
                Issue.record("nothing may be sent")
                return .success(ScriptedTransport.json(500, "{}"))
            })
        }
    }

    @Test func namingTheRiskAllowsIt() throws {
        let venue = try Venue(.binance, .spot, Environment(.live, customEndpoint: "http://192.0.2.10:8900"))
        _ = try ExchangeRegistry.client(
            for: venue, credentials: credentials, transport: ScriptedTransport { _ in .success(ScriptedTransport.json(500, "{}")) },
            configuration: ClientConfiguration(allowsInsecureHTTP: true))
    }

    @Test(arguments: ["http://127.0.0.1:8900", "https://api.example.com", "http://localhost:1"])
    func loopbackAndTLSNeedNothing(endpoint: String) throws {
        let venue = try Venue(.binance, .spot, Environment(.live, customEndpoint: endpoint))
        _ = try ExchangeRegistry.client(
            for: venue, credentials: credentials, transport: ScriptedTransport { _ in .success(ScriptedTransport.json(500, "{}")) })
    }
}
