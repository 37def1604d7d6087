import SentinelCore
import SentinelNet

/// Binance (global) and Binance.US: one protocol, two companies.
struct BinanceModule: ExchangeModule {
    var exchanges: [ExchangeID] { [.binance, .binanceUS] }
    var acceptsRecvWindow: Bool { true }
    var hasConnector: Bool { true }

    func signer(for venue: Venue, credentials: Credentials, recvWindow: Int?) throws(SentinelError)
        -> any RequestSigner
    {
        try BinanceSigner(
            credentials: credentials, venue: venue, recvWindow: recvWindow ?? BinanceEndpoints.defaultRecvWindow)
    }

    func client(
        for venue: Venue, credentials: Credentials, transport: any HTTPTransport, configuration: ClientConfiguration
    ) throws(SentinelError) -> (any ExchangeClient)? {
        try BinanceClient(venue: venue, credentials: credentials, transport: transport, configuration: configuration)
    }

    /// A binance.com key used on Binance.US and the other way round: the classic domain mix-up.
    func siblings(of venue: Venue) -> [Venue] {
        guard venue.product == .spot, venue.environment.customEndpoint == nil else { return [] }
        switch venue.exchange {
        case .binance: return (try? Venue(.binanceUS, .spot, .live)).map { [$0] } ?? []
        case .binanceUS: return (try? Venue(.binance, .spot, .live)).map { [$0] } ?? []
        default: return []
        }
    }

    /// A binance.com key works on spot and USDⓈ-M alike (live, and demo trading); spot's -2015 does not name the
    /// caller's IP, USDⓈ-M's does. Spot and futures testnets issue separate keys, and Binance.US has no futures.
    func ipProbeVenues(of venue: Venue) -> [Venue] {
        guard venue.exchange == .binance, venue.product == .spot, venue.environment.customEndpoint == nil,
            venue.environment.kind != .testnet
        else { return [] }
        return (try? Venue(.binance, .linear, Environment(venue.environment.kind))).map { [$0] } ?? []
    }

    func product(ofPath path: String) -> Product? { BinanceEndpoints.product(ofPath: path) }

    var demoKeys: [DemoKey] {
        [
            DemoKey("binance-good", .binance, .spot, .good, problem: "good key"),
            DemoKey("binance-usdm-good", .binance, .linear, .good, problem: "good key"),
            DemoKey("binance-us-good", .binanceUS, .spot, .good, problem: "good key"),
            DemoKey("binance-withdraw", .binance, .spot, .withdrawEnabled, problem: "withdraw enabled"),
            DemoKey("binance-whitespace", .binance, .spot, .pastedWhitespace, problem: "pasted whitespace"),
            DemoKey("binance-clock", .binance, .spot, .skewedClock(milliseconds: 2_500), problem: "skewed clock"),
            // USDⓈ-M names the refused IP in its -2015 message; spot does not, so for a spot key the doctor asks
            // USDⓈ-M with the same key.
            DemoKey("binance-usdm-ip", .binance, .linear, .ipNotWhitelisted, problem: "IP not whitelisted"),
            DemoKey("binance-spot-ip", .binance, .spot, .ipNotWhitelisted, problem: "IP not whitelisted"),
            DemoKey("binance-wrong-env", .binance, .spot, .wrongEnvironment(.demo), problem: "demo key used on live"),
            DemoKey("binance-expired", .binance, .spot, .expired, problem: "expired key"),
            DemoKey(
                "binance-us-key-on-global", .binance, .spot, .siblingKey(.binanceUS),
                problem: "Binance.US key used on Binance"),
        ]
    }

    func guidance(for exchange: ExchangeID) -> ExchangeGuidance { exchange == .binanceUS ? .binanceUS : .binance }
}
