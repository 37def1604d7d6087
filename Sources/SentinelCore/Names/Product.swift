/// What is traded: spot, linear (USDⓈ-M / USDT-M / USDT perpetual) or inverse (Coin-M) derivatives.
public enum Product: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case spot
    case linear
    case inverse

    public var description: String { rawValue }

    public init?(name: String) {
        switch name.lowercased() {
        case "spot": self = .spot
        case "linear", "usdm", "usdt-m", "usdtm", "swap", "futures", "perp", "perpetual": self = .linear
        case "inverse", "coinm", "coin-m": self = .inverse
        default: return nil
        }
    }
}
