import SentinelCore
import SentinelNet

/// Signers and clients for any venue, from the registered exchange modules (`ExchangeModules.all`).
public enum ExchangeRegistry {
    /// A signer for `venue` with `credentials`, after the credential checks every key goes through.
    /// `recvWindow` (ms) applies to the exchanges that have one (Binance, Bybit); nil keeps their default.
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
        let module = ExchangeModules.module(for: venue.exchange)
        if recvWindow != nil, !module.acceptsRecvWindow {
            throw .invalidInput(
                "\(venue.exchange.displayName) has no recvWindow.", fix: ["Leave out the recvWindow setting."])
        }
        return try module.signer(for: venue, credentials: credentials, recvWindow: recvWindow)
    }

    /// Exchanges with a full connector today. The others can already sign (`signer(for:)`).
    public static var connectorExchanges: Set<ExchangeID> {
        Set(ExchangeModules.all.filter { $0.hasConnector }.flatMap { $0.exchanges })
    }

    /// A ready client for `venue` with `credentials`. A custom endpoint gets the key only over TLS, or over plain
    /// HTTP on this machine (`EndpointURL`), unless the configuration allows insecure HTTP.
    /// A client for public data without a key — markets, tickers, books — as every exchange allows. No key goes
    /// anywhere: the client holds none, and a call that must be signed fails before it is sent.
    public static func publicClient(
        for venue: Venue, transport: (any HTTPTransport)? = nil, configuration: ClientConfiguration = ClientConfiguration()
    ) throws(SentinelError) -> any ExchangeClient {
        var configuration = configuration
        configuration.publicDataOnly = true
        configuration.journal = nil
        if let endpoint = venue.environment.customEndpoint {
            _ = try EndpointURL(endpoint, allowInsecureHTTP: configuration.allowsInsecureHTTP)
        }
        // The signers need a key to be built; this one is never sent (signed calls stop above).
        let none = Credentials(
            apiKey: "no-key", secret: SecretText("no-key"), passphrase: SecretText("no-key-passphrase"))
        if let client = try ExchangeModules.module(for: venue.exchange).client(
            for: venue, credentials: none, transport: transport ?? KeepAliveHTTPTransport(), configuration: configuration)
        {
            return client
        }
        throw SentinelError(
            .unsupported, Diagnosis(cause: "Sentinel's \(venue.exchange.displayName) connector is not available yet."))
    }

    public static func client(
        for venue: Venue, credentials: Credentials, transport: (any HTTPTransport)? = nil,
        configuration: ClientConfiguration = ClientConfiguration()
    ) throws(SentinelError) -> any ExchangeClient {
        try CredentialCheck.validate(
            apiKey: credentials.apiKey, secret: credentials.secret, passphrase: credentials.passphrase,
            for: venue.exchange)
        if let endpoint = venue.environment.customEndpoint {
            _ = try EndpointURL(endpoint, allowInsecureHTTP: configuration.allowsInsecureHTTP)
        }
        let module = ExchangeModules.module(for: venue.exchange)
        if let client = try module.client(
            for: venue, credentials: credentials, transport: transport ?? KeepAliveHTTPTransport(),
            configuration: configuration)
        {
            return client
        }
        let connected = ExchangeID.allCases.filter { connectorExchanges.contains($0) }.map(\.displayName)
        throw SentinelError(
            .unsupported,
            Diagnosis(
                cause: "Sentinel's \(venue.exchange.displayName) connector is not available yet.",
                fix: [
                    "Connected today: \(connected.joined(separator: ", ")).",
                    "`sentinel sign \(venue.exchange.rawValue) …` already shows exactly what a signed request "
                        + "to \(venue.exchange.displayName) looks like.",
                ]))
    }
}
