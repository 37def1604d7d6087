import SentinelCore
import SentinelExchanges
import SentinelNet

/// The key under examination, exactly as the user gave it (whitespace and all: finding it is the doctor's job).
public struct DoctorSubject: Sendable {
    public let name: String
    public let venue: Venue
    public let apiKey: String
    public let secret: SecretText
    public let passphrase: SecretText?
    /// The declared key type, or nil to read it from the secret.
    public let keyType: KeyType?
    /// When the key was stored (for the rotation reminder), in ms.
    public let storedAtMs: Int64?

    public init(
        name: String, venue: Venue, apiKey: String, secret: SecretText, passphrase: SecretText?, keyType: KeyType?,
        storedAtMs: Int64? = nil
    ) {
        self.name = name
        self.venue = venue
        self.apiKey = apiKey
        self.secret = secret
        self.passphrase = passphrase
        self.keyType = keyType
        self.storedAtMs = storedAtMs
    }
}

/// What the doctor may use besides the client: how to make clients, where else a key might belong, and the
/// simulator's controls when it runs against the simulator.
public struct DoctorEnvironment: Sendable {
    public var makeClient: @Sendable (Venue, Credentials) throws(SentinelError) -> any ExchangeClient
    /// The exchange's other environments, tried with the key when it is refused here.
    public var alternativeVenues: @Sendable (Venue) -> [Venue]
    /// Another company's venues a key is classically confused with (Binance ↔ Binance.US). The key goes there only
    /// when `maySendKeyToSiblings` is true (the user asked, or every venue is the local simulator).
    public var siblingVenues: @Sendable (Venue) -> [Venue]
    public var maySendKeyToSiblings: Bool
    /// The same exchange's venues asked with the key when this one refuses it without naming the refused IP (the
    /// key goes nowhere it does not already belong).
    public var ipProbeVenues: @Sendable (Venue) -> [Venue]
    /// True when talking to the local simulator: the position test always runs there.
    public var isSimulator: Bool
    /// Breaks the client's connection from the server side (the simulator's `reset` fault); nil to close the
    /// client's own connections instead.
    public var injectConnectionReset: (@Sendable () async throws -> Void)?
    public var now: @Sendable () -> Int64

    public init(
        makeClient: @escaping @Sendable (Venue, Credentials) throws(SentinelError) -> any ExchangeClient,
        alternativeVenues: @escaping @Sendable (Venue) -> [Venue] = DoctorEnvironment.standardAlternatives,
        siblingVenues: @escaping @Sendable (Venue) -> [Venue] = DoctorEnvironment.registeredSiblings,
        maySendKeyToSiblings: Bool = false,
        ipProbeVenues: @escaping @Sendable (Venue) -> [Venue] = DoctorEnvironment.registeredIPProbes,
        isSimulator: Bool = false, injectConnectionReset: (@Sendable () async throws -> Void)? = nil,
        now: @escaping @Sendable () -> Int64 = SystemClock.nowMs
    ) {
        self.makeClient = makeClient
        self.alternativeVenues = alternativeVenues
        self.siblingVenues = siblingVenues
        self.maySendKeyToSiblings = maySendKeyToSiblings
        self.ipProbeVenues = ipProbeVenues
        self.isSimulator = isSimulator
        self.injectConnectionReset = injectConnectionReset
        self.now = now
    }

    /// The exchange's other environments, on the exchange's own hosts.
    @Sendable public static func standardAlternatives(_ venue: Venue) -> [Venue] {
        var venues: [Venue] = []
        for kind in EnvironmentKind.allCases where kind != venue.environment.kind {
            if let other = try? Venue(venue.exchange, venue.product, Environment(kind)) { venues.append(other) }
        }
        return venues
    }

    /// The siblings the exchange's module names (Binance ↔ Binance.US), on their own hosts.
    @Sendable public static func registeredSiblings(_ venue: Venue) -> [Venue] {
        ExchangeModules.module(for: venue.exchange).siblings(of: venue)
    }

    /// The venues the exchange's module asks to name a refused IP (Binance spot → USDⓈ-M), on their own hosts.
    @Sendable public static func registeredIPProbes(_ venue: Venue) -> [Venue] {
        ExchangeModules.module(for: venue.exchange).ipProbeVenues(of: venue)
    }

    /// For a custom endpoint (the simulator): where the exchange selects its environment by host, the other
    /// environments are the same base URL with a `/testnet` or `/demo` prefix (design.md §2); where it selects by a
    /// header (OKX, Bitget), the same URL, and the signer sends the header.
    @Sendable public static func prefixedAlternatives(_ venue: Venue) -> [Venue] {
        guard let endpoint = venue.environment.customEndpoint else { return standardAlternatives(venue) }
        let byHost = venue.exchange.traits.environmentSelection == .host
        var base = endpoint
        if byHost { for suffix in ["/testnet", "/demo"] where base.hasSuffix(suffix) { base.removeLast(suffix.count) } }
        var venues: [Venue] = []
        for kind in EnvironmentKind.allCases where kind != venue.environment.kind {
            let url = !byHost || kind == .live ? base : base + "/" + kind.rawValue
            if let other = try? Venue(venue.exchange, venue.product, Environment(kind, customEndpoint: url)) {
                venues.append(other)
            }
        }
        return venues
    }
}
