import SentinelCore
import SentinelNet

/// The one place that knows which type serves which exchange. Adding an exchange is one line per table.
public enum ExchangeRegistry {
    /// A signer for `venue` with `credentials`, after the credential checks every key goes through.
    /// `recvWindow` (ms) applies to Binance and Bybit, the exchanges that have one; nil keeps their default.
    public static func signer(for venue: Venue, credentials: Credentials, recvWindow: Int? = nil)
        throws(SentinelError) -> any RequestSigner
    {
        try CredentialCheck.validate(
            apiKey: credentials.apiKey, secret: credentials.secret, passphrase: credentials.passphrase,
            for: venue.exchange)
        guard venue.exchange.traits.keyTypes.contains(credentials.keyType) else {
            let offered = KeyType.allCases.filter(venue.exchange.traits.keyTypes.contains).map(\.rawValue)
            throw .invalidInput(
                "\(venue.exchange.displayName) does not take \(credentials.keyType) keys.",
                evidence: [.init("key types", offered.joined(separator: ", "))],
                fix: ["Create a key of type \(offered.joined(separator: " or ")) on \(venue.exchange.displayName)."])
        }
        if recvWindow != nil, venue.exchange != .binance, venue.exchange != .binanceUS, venue.exchange != .bybit {
            throw .invalidInput(
                "\(venue.exchange.displayName) has no recvWindow.", fix: ["Leave out the recvWindow setting."])
        }
        switch venue.exchange {
        case .binance, .binanceUS:
            return try BinanceSigner(
                credentials: credentials, venue: venue, recvWindow: recvWindow ?? BinanceEndpoints.defaultRecvWindow)
        case .bybit:
            return try BybitSigner(
                credentials: credentials, venue: venue, recvWindow: recvWindow ?? BybitEndpoints.defaultRecvWindow)
        case .okx: return try OKXSigner(credentials: credentials, venue: venue)
        case .kucoin: return try KuCoinSigner(credentials: credentials, venue: venue)
        case .bitget: return try BitgetSigner(credentials: credentials, venue: venue)
        }
    }
}

extension ExchangeRegistry {
    /// Exchanges with a full connector today. The others can already sign (`signer(for:)`).
    public static let connectorExchanges: Set<ExchangeID> = [.binance, .binanceUS]

    /// A ready client for `venue` with `credentials`.
    public static func client(
        for venue: Venue, credentials: Credentials, transport: (any HTTPTransport)? = nil,
        configuration: ClientConfiguration = ClientConfiguration()
    ) throws(SentinelError) -> any ExchangeClient {
        try CredentialCheck.validate(
            apiKey: credentials.apiKey, secret: credentials.secret, passphrase: credentials.passphrase,
            for: venue.exchange)
        switch venue.exchange {
        case .binance, .binanceUS:
            return try BinanceClient(
                venue: venue, credentials: credentials, transport: transport ?? AsyncHTTPTransport(),
                configuration: configuration)
        case .bybit, .okx, .kucoin, .bitget:
            throw SentinelError(
                .unsupported,
                Diagnosis(
                    cause: "Sentinel's \(venue.exchange.displayName) connector is not available yet.",
                    fix: [
                        "Binance and Binance.US are connected today.",
                        "`sentinel sign \(venue.exchange.rawValue) …` already shows exactly what a signed request "
                            + "to \(venue.exchange.displayName) looks like.",
                    ]))
        }
    }
}
