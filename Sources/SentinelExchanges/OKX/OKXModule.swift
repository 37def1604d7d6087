import SentinelCore
import SentinelNet

struct OKXModule: ExchangeModule {
    var exchanges: [ExchangeID] { [.okx] }
    var hasConnector: Bool { true }

    func signer(for venue: Venue, credentials: Credentials, recvWindow: Int?) throws(SentinelError)
        -> any RequestSigner
    {
        try OKXSigner(credentials: credentials, venue: venue)
    }

    func client(
        for venue: Venue, credentials: Credentials, transport: any HTTPTransport, configuration: ClientConfiguration
    ) throws(SentinelError) -> (any ExchangeClient)? {
        try OKXClient(venue: venue, credentials: credentials, transport: transport, configuration: configuration)
    }

    var demoKeys: [DemoKey] {
        [
            DemoKey("okx-good", .okx, .spot, .good, problem: "good key"),
            DemoKey("okx-swap-good", .okx, .linear, .good, problem: "good key"),
            DemoKey("okx-withdraw", .okx, .spot, .withdrawEnabled, problem: "withdraw enabled"),
            DemoKey("okx-passphrase", .okx, .spot, .wrongPassphrase, problem: "wrong passphrase"),
            DemoKey("okx-demo-on-live", .okx, .spot, .wrongEnvironment(.demo), problem: "demo key used on live"),
            // 50110 names the refused IP, so the doctor can say which address to add.
            DemoKey("okx-ip", .okx, .linear, .ipNotWhitelisted, problem: "IP not whitelisted"),
            DemoKey("okx-clock", .okx, .spot, .skewedClock(milliseconds: 2_500), problem: "skewed clock"),
            DemoKey("okx-whitespace", .okx, .spot, .pastedWhitespace, problem: "pasted whitespace"),
        ]
    }

    func guidance(for exchange: ExchangeID) -> ExchangeGuidance { .okx }
}
