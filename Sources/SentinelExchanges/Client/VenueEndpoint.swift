import SentinelNet

/// One REST endpoint of a venue: where it is, whether it is signed, and what it costs in each of the exchange's
/// rate-limit meters.
public struct VenueEndpoint: Sendable, Hashable, CustomStringConvertible {
    public enum Security: Sendable, Hashable {
        /// No key, no signature.
        case none
        /// Key, timestamp and signature.
        case signed
    }

    public let method: HTTPMethod
    public let path: String
    public let security: Security
    /// The cost in each meter this endpoint spends (`.weight`, `.orders`, `.endpoint(path)`, …).
    public let costs: [RateLimitPool.Meter: Int]
    /// Safe to send again after a failure without asking the exchange first (reads).
    public let idempotent: Bool

    public init(
        _ method: HTTPMethod, _ path: String, _ security: Security, costs: [RateLimitPool.Meter: Int],
        idempotent: Bool? = nil
    ) {
        self.method = method
        self.path = path
        self.security = security
        self.costs = costs
        self.idempotent = idempotent ?? (method == .GET)
    }

    /// Binance's shape: request weight per IP and orders per account.
    public init(_ method: HTTPMethod, _ path: String, _ security: Security, weight: Int, orders: Int = 0) {
        self.init(method, path, security, costs: [.weight: weight, .orders: orders])
    }

    public var description: String { "\(method) \(path)" }
}
