/// One of an exchange's limits: a budget of request weight or orders per fixed window. Binance's windows are fixed
/// (a minute window starts at :00), so usage resets at each window boundary.
public struct RateLimitPool: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Request weight per IP.
        case weight
        /// Orders per account.
        case orders
    }

    public let kind: Kind
    public let windowMs: Int64
    public let limit: Int

    public init(kind: Kind, windowMs: Int64, limit: Int) {
        self.kind = kind
        self.windowMs = windowMs
        self.limit = limit
    }

    public func windowStart(at nowMs: Int64) -> Int64 {
        nowMs - ((nowMs % windowMs) + windowMs) % windowMs
    }
}
