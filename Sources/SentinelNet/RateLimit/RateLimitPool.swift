/// One of an exchange's limits: a budget of some meter (request weight, orders, calls of one endpoint) per fixed
/// window, counted per scope. Windows are fixed (a minute window starts at :00), so usage resets at each boundary.
///
/// The exchanges define their limits in different shapes and all of them fit here: Binance's request weight per IP
/// and orders per account; Bybit's calls per UID per endpoint per second; OKX's calls per instrument per two
/// seconds; KuCoin's resource pools per 30 s; Bitget's calls per UID per endpoint per second.
public struct RateLimitPool: Sendable, Hashable, CustomStringConvertible {
    /// What a pool counts. Every endpoint states its cost in each meter it spends.
    public struct Meter: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }
        public var description: String { rawValue }

        /// Request weight (Binance, KuCoin).
        public static let weight: Meter = "weight"
        /// Orders placed.
        public static let orders: Meter = "orders"
        /// Calls of one endpoint: `endpoint("/v5/order/create")`.
        public static func endpoint(_ path: String) -> Meter { Meter(rawValue: "endpoint " + path) }
    }

    /// Who shares the budget.
    public enum Scope: String, Sendable, Hashable {
        /// Every request from this IP address.
        case ip
        /// Every key of the account (UID).
        case account
        /// Each instrument has its own budget (OKX order placement).
        case instrument
    }

    /// The name this type had when only Binance's two meters existed.
    public typealias Kind = Meter

    public let kind: Meter
    public let scope: Scope
    public let windowMs: Int64
    public let limit: Int

    public init(kind: Meter, scope: Scope? = nil, windowMs: Int64, limit: Int) {
        self.kind = kind
        self.scope = scope ?? (kind == .weight ? .ip : .account)
        self.windowMs = max(1, windowMs)
        self.limit = limit
    }

    public func windowStart(at nowMs: Int64) -> Int64 {
        nowMs - ((nowMs % windowMs) + windowMs) % windowMs
    }

    public var description: String { "\(limit) \(kind) per \(windowMs) ms per \(scope)" }
}
