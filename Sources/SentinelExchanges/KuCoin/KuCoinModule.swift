import SentinelCore
import SentinelNet

struct KuCoinModule: ExchangeModule {
    var exchanges: [ExchangeID] { [.kucoin] }
    var hasConnector: Bool { true }

    func signer(for venue: Venue, credentials: Credentials, recvWindow: Int?) throws(SentinelError)
        -> any RequestSigner
    {
        try KuCoinSigner(credentials: credentials, venue: venue)
    }

    func client(
        for venue: Venue, credentials: Credentials, transport: any HTTPTransport, configuration: ClientConfiguration
    ) throws(SentinelError) -> (any ExchangeClient)? {
        try KuCoinClient(venue: venue, credentials: credentials, transport: transport, configuration: configuration)
    }

    /// A spot key used on the futures host and the other way round: the classic KuCoin mix-up. The doctor tries the
    /// other host to name it.
    func siblings(of venue: Venue) -> [Venue] {
        guard venue.environment.customEndpoint == nil else { return [] }
        let other: Product = venue.product == .spot ? .linear : .spot
        return (try? Venue(.kucoin, other, venue.environment)).map { [$0] } ?? []
    }

    /// KuCoin's classic mistakes, each caught by its own doctor check. The IP case is left out: KuCoin's 400006 does
    /// not name the refused address, so the doctor can only say which check failed (auth), not which IP to add.
    var demoKeys: [DemoKey] {
        [
            DemoKey("kucoin-good", .kucoin, .spot, .good, problem: "good key"),
            DemoKey("kucoin-futures-good", .kucoin, .linear, .good, problem: "good key"),
            DemoKey("kucoin-withdraw", .kucoin, .spot, .withdrawEnabled, problem: "withdraw enabled"),
            DemoKey("kucoin-passphrase", .kucoin, .spot, .wrongPassphrase, problem: "wrong passphrase"),
            DemoKey("kucoin-spot-on-futures", .kucoin, .linear, .spotOnly, problem: "spot key used on futures"),
            DemoKey("kucoin-clock", .kucoin, .linear, .skewedClock(milliseconds: 2_500), problem: "skewed clock"),
            DemoKey("kucoin-whitespace", .kucoin, .spot, .pastedWhitespace, problem: "pasted whitespace"),
        ]
    }

    func guidance(for exchange: ExchangeID) -> ExchangeGuidance { .kucoin }
}
