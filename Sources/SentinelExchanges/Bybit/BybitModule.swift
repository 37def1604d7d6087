import SentinelCore
import SentinelNet

/// Bybit V5: spot, linear and inverse on one host per environment (mainnet, testnet, demo).
struct BybitModule: ExchangeModule {
    var exchanges: [ExchangeID] { [.bybit] }
    var acceptsRecvWindow: Bool { true }
    var hasConnector: Bool { true }

    func signer(for venue: Venue, credentials: Credentials, recvWindow: Int?) throws(SentinelError)
        -> any RequestSigner
    {
        try BybitSigner(credentials: credentials, venue: venue, recvWindow: recvWindow ?? BybitEndpoints.defaultRecvWindow)
    }

    func client(
        for venue: Venue, credentials: Credentials, transport: any HTTPTransport, configuration: ClientConfiguration
    ) throws(SentinelError) -> (any ExchangeClient)? {
        try BybitClient(venue: venue, credentials: credentials, transport: transport, configuration: configuration)
    }

    var demoKeys: [DemoKey] {
        [
            DemoKey("bybit-good", .bybit, .spot, .good, problem: "good key"),
            DemoKey("bybit-linear-good", .bybit, .linear, .good, problem: "good key"),
            DemoKey("bybit-withdraw", .bybit, .spot, .withdrawEnabled, problem: "withdraw enabled"),
            // Bybit keys bound to no IP work from anywhere and lapse after 90 days: a warning, not a failure.
            DemoKey("bybit-unbound", .bybit, .linear, .unboundIP, problem: "bound to no IP"),
            DemoKey("bybit-read-only", .bybit, .linear, .readOnly, problem: "read-only key"),
            DemoKey("bybit-wrong-env", .bybit, .spot, .wrongEnvironment(.demo), problem: "demo key used on mainnet"),
            DemoKey("bybit-clock", .bybit, .linear, .skewedClock(milliseconds: 2_500), problem: "skewed clock"),
            DemoKey("bybit-wrong-secret", .bybit, .spot, .wrongSecret, problem: "wrong secret"),
        ]
    }

    func guidance(for exchange: ExchangeID) -> ExchangeGuidance { .bybit }
}
