import SentinelCore

/// The three Binance listeners: spot (`/api`, `/sapi`), USDⓈ-M futures (`/fapi`) and Binance.US (spot, its own keys).
enum BinanceFlavor: Sendable {
    case spot
    case usdm
    case us

    var exchange: ExchangeID { self == .us ? .binanceUS : .binance }
    var kind: MarketKind { self == .usdm ? .perpetual : .spot }
    var listenerName: String {
        switch self {
        case .spot: SimulatorVenue.binance.rawValue
        case .usdm: SimulatorVenue.binanceUSDM.rawValue
        case .us: SimulatorVenue.binanceUS.rawValue
        }
    }

    /// Environments on this listener; all but live are selected by a leading `/testnet` or `/demo` path segment,
    /// because on the real exchange they are separate hosts. Binance.US has only live.
    var environments: [EnvironmentKind] { self == .us ? [.live] : [.live, .testnet, .demo] }

    /// Request weight per IP per minute (fact sheet §5).
    var weightLimit: Int {
        switch self {
        case .spot: 6000
        case .usdm: 2400
        case .us: 1200
        }
    }

    /// Requests per IP per 5 minutes, whatever their weight (RAW_REQUESTS, fact sheet §5); USDⓈ-M lists none.
    var rawRequestLimit: Int? {
        switch self {
        case .spot: 61_000
        case .usdm: nil
        case .us: 5_000
        }
    }

    /// Order-count windows per account, labelled as in the `X-MBX-ORDER-COUNT-*` headers.
    var orderLimits: [(label: String, milliseconds: Int64, limit: Int)] {
        switch self {
        case .spot: [("10S", 10_000, 50), ("1D", 86_400_000, 160_000)]
        case .usdm: [("10S", 10_000, 300), ("1M", 60_000, 1200)]
        case .us: [("10S", 10_000, 100), ("1D", 86_400_000, 200_000)]
        }
    }

    /// What the exchange says for a key it does not know in this environment.
    var unknownKeyError: BinanceError {
        self == .usdm ? .invalidAPIKeyID : .rejectedKey(requestIP: nil)
    }
}
