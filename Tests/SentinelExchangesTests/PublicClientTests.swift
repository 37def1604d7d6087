import SentinelCore
import SentinelNet
import Testing

@testable import SentinelExchanges

/// A client made without a key reads public data and refuses anything signed before it is sent.
@Suite struct PublicClientTests {
    @Test(arguments: [ExchangeID.binance, .bybit, .okx])
    func signedCallsStopBeforeTheNetworkAndNoKeyHeaderLeaves(_ exchange: ExchangeID) async throws {
        let transport = ScriptedTransport { _ in .success(ScriptedTransport.json(500, "{}")) }
        let client = try ExchangeRegistry.publicClient(
            for: try Venue(exchange, .spot, .live), transport: transport,
            configuration: ClientConfiguration(readRetry: RetryPolicy(maxAttempts: 1)))
        do {
            _ = try await client.balances()
            Issue.record("a keyless client read balances")
        } catch {
            #expect(error.kind == .invalidInput)
            #expect(error.diagnosis.cause.contains("This needs an API key"))
        }
        #expect(transport.requests.isEmpty, "nothing may be sent for a signed call")
        _ = try? await client.serverTime()
        #expect(transport.requests.count == 1)
        let headers = transport.requests.flatMap { $0.headers.map { $0.name.lowercased() } }
        #expect(!headers.contains { $0.contains("key") || $0.contains("sign") || $0.contains("passphrase") })
        await client.shutdown()
    }
}
