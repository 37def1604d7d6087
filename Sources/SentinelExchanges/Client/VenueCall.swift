import SentinelCore
import SentinelNet

/// What a request carries besides its path: query parameters, or a body the venue writes itself (JSON for most
/// exchanges). The connector decides where each goes on the wire when it signs.
public enum VenuePayload: Sendable, Hashable {
    case parameters([Parameter])
    /// A JSON body, exactly as it will be sent and signed, written by the connector's own methods: the signer does
    /// not check it again.
    case json(String)

    public struct Parameter: Sendable, Hashable {
        public let name: String
        public let value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public static let empty = VenuePayload.parameters([])

    public static func pairs(_ pairs: [(String, String)]) -> VenuePayload {
        .parameters(pairs.map { Parameter($0.0, $0.1) })
    }
}

extension QueryString {
    /// The query of a payload's parameters, in their order.
    init(_ parameters: [VenuePayload.Parameter]) {
        self.init(count: parameters.count) { (parameters[$0].name, parameters[$0].value) }
    }
}

/// One operation of a venue: the endpoint, what to send, and how a successful answer decodes. Connectors build
/// these; the shared client sends them through one pipeline.
public struct VenueCall<Output: Sendable>: Sendable {
    public let endpoint: VenueEndpoint
    public let payload: VenuePayload
    /// The instrument, for pools counted per instrument.
    public let instrument: String?
    public let decode: @Sendable (_ body: [UInt8], _ markets: MarketDirectory) throws(SentinelError) -> Output

    public init(
        _ endpoint: VenueEndpoint, _ payload: VenuePayload = .empty, instrument: String? = nil,
        decode: @escaping @Sendable (_ body: [UInt8], _ markets: MarketDirectory) throws(SentinelError) -> Output
    ) {
        self.endpoint = endpoint
        self.payload = payload
        self.instrument = instrument
        self.decode = decode
    }
}

/// The markets a client has loaded, for answers that name only native symbols.
public struct MarketDirectory: Sendable {
    public let byNative: [String: Market]
    public let bySymbol: [UnifiedSymbol: Market]

    public init(_ markets: [Market]) {
        byNative = Dictionary(markets.map { ($0.nativeSymbol, $0) }, uniquingKeysWith: { first, _ in first })
        bySymbol = Dictionary(markets.map { ($0.symbol, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public static let empty = MarketDirectory([])

    public var isEmpty: Bool { byNative.isEmpty }

    /// The unified symbol for a native id; an unknown id keeps its native name so nothing is lost.
    public func symbol(native: String) -> UnifiedSymbol {
        byNative[native]?.symbol ?? UnifiedSymbol(base: native, quote: "?")
    }

    public var all: [Market] { bySymbol.values.sorted { $0.symbol.description < $1.symbol.description } }
}

/// The answer of a markets call: the markets, and the rate limits the exchange announced with them, if any.
public struct MarketsAnswer: Sendable {
    public let markets: [Market]
    public let pools: [RateLimitPool]

    public init(markets: [Market], pools: [RateLimitPool] = []) {
        self.markets = markets
        self.pools = pools
    }
}
