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

    func product(ofPath path: String) -> Product? { BinanceEndpoints.product(ofPath: path) }
}
