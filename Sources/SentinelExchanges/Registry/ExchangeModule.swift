import SentinelCore
import SentinelNet

/// Everything Sentinel knows of one exchange family, behind one value: how it signs, whether it has a connector and
/// how to make one, its guidance, the companies its keys are confused with. The doctor, the CLI, `sentinel demo`
/// and `sentinel sim` read `ExchangeModules.all` instead of naming exchanges; adding an exchange is its own folder
/// and one line there.
public protocol ExchangeModule: Sendable {
    /// The exchanges this module serves (Binance serves binance.com and Binance.US).
    var exchanges: [ExchangeID] { get }
    /// Whether the exchange takes a `recvWindow`-like setting on signed requests.
    var acceptsRecvWindow: Bool { get }
    func signer(for venue: Venue, credentials: Credentials, recvWindow: Int?) throws(SentinelError) -> any RequestSigner
    /// True once the module has a connector (`client(for:…)` returns one).
    var hasConnector: Bool { get }
    /// A client for `venue`, or nil while the module has no connector.
    func client(
        for venue: Venue, credentials: Credentials, transport: any HTTPTransport, configuration: ClientConfiguration
    ) throws(SentinelError) -> (any ExchangeClient)?
    /// Another company's venues a key of `venue` is classically confused with (Binance ↔ Binance.US). Sentinel
    /// never sends a key there without the user's consent.
    func siblings(of venue: Venue) -> [Venue]
    /// Where `venue` refuses a key without saying which IP it saw: venues of the same exchange that accept the
    /// same key and name the refused IP (Binance spot → USDⓈ-M), so the doctor can tell an IP whitelist apart
    /// from an unknown key. Only the exchange's own hosts; empty for a custom endpoint.
    func ipProbeVenues(of venue: Venue) -> [Venue]
    /// The product a request path belongs to where the path says it (`/fapi/…` is USDⓈ-M on Binance).
    func product(ofPath path: String) -> Product?
    /// How to make, store and fix a key for `exchange`, step by step (shared by `sentinel guide`, `connect` and the
    /// doctor's fixes).
    func guidance(for exchange: ExchangeID) -> ExchangeGuidance
    /// The keys `sentinel demo` tries on this exchange's simulator listeners; empty until it has a connector and a
    /// simulator dialect.
    var demoKeys: [DemoKey] { get }
}

extension ExchangeModule {
    public var acceptsRecvWindow: Bool { false }
    public var hasConnector: Bool { false }
    public func siblings(of venue: Venue) -> [Venue] { [] }
    public func ipProbeVenues(of venue: Venue) -> [Venue] { [] }
    public func product(ofPath path: String) -> Product? { nil }
    public var demoKeys: [DemoKey] { [] }
    public func client(
        for venue: Venue, credentials: Credentials, transport: any HTTPTransport, configuration: ClientConfiguration
    ) throws(SentinelError) -> (any ExchangeClient)? { nil }
}

/// The registered exchange modules: one line per exchange.
public enum ExchangeModules {
    public static let all: [any ExchangeModule] = [
        BinanceModule(),
        BybitModule(),
        OKXModule(),
        KuCoinModule(),
        BitgetModule(),
    ]

    public static func module(for exchange: ExchangeID) -> any ExchangeModule {
        // Every ExchangeID has a module; a missing one is a programming error caught by the registry's tests.
        all.first { $0.exchanges.contains(exchange) }!
    }
}
