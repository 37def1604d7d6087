// SentinelSimulator: an independent implementation of the five exchanges' wire protocols over one engine.
// It must not import SentinelExchanges or SentinelNet (design.md §1).
import SentinelCore

/// The simulator's listeners and their offsets from the port base (design.md §2).
public enum SimulatorVenue: String, Sendable, CaseIterable, Codable {
    case binance
    case binanceUSDM = "binance-usdm"
    case binanceUS = "binance-us"
    case bybit
    case okx
    case kucoin
    case kucoinFutures = "kucoin-futures"
    case bitget

    public var portOffset: Int {
        switch self {
        case .binance: 0
        case .binanceUSDM: 1
        case .binanceUS: 2
        case .bybit: 3
        case .okx: 4
        case .kucoin: 5
        case .kucoinFutures: 6
        case .bitget: 7
        }
    }

    public static let adminPortOffset = 99
}

extension SimulatorVenue {
    /// The wire protocol spoken on this listener. Exchanges not simulated yet answer a JSON 404.
    var dialect: any VenueDialect {
        switch self {
        case .binance: BinanceDialect(flavor: .spot)
        case .binanceUSDM: BinanceDialect(flavor: .usdm)
        case .binanceUS: BinanceDialect(flavor: .us)
        case .bybit: BybitDialect()
        case .okx: OKXDialect()
        case .kucoin: KuCoinDialect(futures: false)
        case .kucoinFutures: KuCoinDialect(futures: true)
        case .bitget: BitgetDialect()
        }
    }
}
