import SentinelCore
import SentinelNet

struct BitgetModule: ExchangeModule {
    var exchanges: [ExchangeID] { [.bitget] }
    var hasConnector: Bool { true }

    func signer(for venue: Venue, credentials: Credentials, recvWindow: Int?) throws(SentinelError)
        -> any RequestSigner
    {
        try BitgetSigner(credentials: credentials, venue: venue)
    }

    func client(
        for venue: Venue, credentials: Credentials, transport: any HTTPTransport, configuration: ClientConfiguration
    ) throws(SentinelError) -> (any ExchangeClient)? {
        try BitgetClient(venue: venue, credentials: credentials, transport: transport, configuration: configuration)
    }

    /// Bitget's classic mistakes (bitget.md §1, §3, §7), each caught by its own doctor check.
    var demoKeys: [DemoKey] {
        [
            DemoKey("bitget-good", .bitget, .spot, .good, problem: "good key"),
            DemoKey("bitget-usdtm-good", .bitget, .linear, .good, problem: "good key"),
            DemoKey("bitget-withdraw", .bitget, .spot, .withdrawEnabled, problem: "withdraw enabled (wwow)"),
            DemoKey("bitget-read-only", .bitget, .linear, .readOnly, problem: "read-only key"),
            DemoKey("bitget-passphrase", .bitget, .spot, .wrongPassphrase, problem: "wrong passphrase"),
            // 40099: a demo key without `paptrading: 1`.
            DemoKey("bitget-demo-on-live", .bitget, .linear, .wrongEnvironment(.demo), problem: "demo key used on live"),
            DemoKey("bitget-clock", .bitget, .spot, .skewedClock(milliseconds: 2_500), problem: "skewed clock"),
            DemoKey("bitget-unbound", .bitget, .spot, .unboundIP, problem: "no IP bound"),
        ]
    }

    func guidance(for exchange: ExchangeID) -> ExchangeGuidance { .bitget }
}
