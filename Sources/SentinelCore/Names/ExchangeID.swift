/// The exchanges Sentinel speaks to, by the names a person types (design.md §2).
public enum ExchangeID: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case binance
    case binanceUS = "binance-us"
    case bybit
    case okx
    case kucoin
    case bitget

    public var description: String { rawValue }

    /// Parses a name as typed, case-insensitively, accepting the common spellings (`binanceus`, `binance.us`).
    public init?(name: String) {
        let folded = name.lowercased()
        switch folded {
        case "binanceus", "binance.us", "binance_us": self = .binanceUS
        default:
            guard let value = ExchangeID(rawValue: folded) else { return nil }
            self = value
        }
    }

    public var displayName: String {
        switch self {
        case .binance: "Binance"
        case .binanceUS: "Binance.US"
        case .bybit: "Bybit"
        case .okx: "OKX"
        case .kucoin: "KuCoin"
        case .bitget: "Bitget"
        }
    }
}
