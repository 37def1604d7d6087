/// Which of an exchange's worlds a key belongs to. Keys never cross: a demo key fails on live and the other way.
public enum EnvironmentKind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Real money.
    case live
    /// A separate test exchange with its own site, keys and play money (Binance testnet, Bybit testnet).
    case testnet
    /// Paper trading on live prices with separate demo keys (Binance Demo Mode, Bybit demo, OKX simulated
    /// trading, Bitget paptrading).
    case demo

    public var description: String { rawValue }

    /// True where mistakes cost real money.
    public var isRealMoney: Bool { self == .live }
}

/// Where requests go: one of the exchange's own environments, or a custom base URL (the local simulator, a proxy)
/// that speaks the protocol of `kind`.
public struct Environment: Sendable, Hashable, Codable, CustomStringConvertible {
    public var kind: EnvironmentKind
    /// A base URL such as `http://127.0.0.1:8900` that replaces the exchange's own host.
    public var customEndpoint: String?

    public init(_ kind: EnvironmentKind, customEndpoint: String? = nil) {
        self.kind = kind
        self.customEndpoint = customEndpoint
    }

    public static let live = Environment(.live)
    public static let testnet = Environment(.testnet)
    public static let demo = Environment(.demo)

    public var description: String {
        customEndpoint.map { "\(kind.rawValue) at \($0)" } ?? kind.rawValue
    }
}
