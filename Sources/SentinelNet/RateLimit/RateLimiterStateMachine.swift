/// Paces requests so the exchange never has to complain, without doing I/O.
///
/// It counts weight and orders in each of the exchange's pools, asks callers to wait for the next window before a
/// pool would pass `safetyFraction` of its limit, takes the exchange's own usage headers as the truth when they
/// arrive, and after a 429 or 418 refuses to let anything through until the exchange's `Retry-After` has passed —
/// a banned client never keeps knocking.
public struct RateLimiterStateMachine: Sendable {
    public enum Decision: Sendable, Equatable {
        case proceed
        /// Wait until this time, then ask again.
        case wait(untilMs: Int64)
        /// Do not send: the exchange has blocked this client until then (or a pool is exhausted for longer than a
        /// caller should wait).
        case refuse(untilMs: Int64, reason: Reason)
    }

    public enum Reason: String, Sendable, Equatable {
        case rateLimited = "rate-limited"
        case banned
        case poolExhausted = "pool-exhausted"
    }

    struct Usage: Sendable {
        var windowStart: Int64
        var used: Int
    }

    public let pools: [RateLimitPool]
    public let safetyFraction: Double
    /// Longer waits than this are refused instead (a day window is not something to sleep through).
    public let maxWaitMs: Int64
    private var usage: [RateLimitPool: Usage] = [:]
    private(set) var blockedUntilMs: Int64 = 0
    private(set) var blockReason: Reason = .rateLimited

    public init(pools: [RateLimitPool], safetyFraction: Double = 0.9, maxWaitMs: Int64 = 65_000) {
        self.pools = pools
        self.safetyFraction = safetyFraction
        self.maxWaitMs = maxWaitMs
    }

    /// Asks to send a request costing `weight` and placing `orders` orders at `nowMs`. On `.proceed` the cost is
    /// counted.
    public mutating func acquire(weight: Int, orders: Int, nowMs: Int64) -> Decision {
        if nowMs < blockedUntilMs { return .refuse(untilMs: blockedUntilMs, reason: blockReason) }
        var waitUntil: Int64 = 0
        for pool in pools {
            let cost = pool.kind == .weight ? weight : orders
            guard cost > 0 else { continue }
            let current = used(pool, nowMs)
            let budget = max(1, Int(Double(pool.limit) * safetyFraction))
            if current + cost > budget {
                waitUntil = max(waitUntil, pool.windowStart(at: nowMs) + pool.windowMs)
            }
        }
        if waitUntil > 0 {
            if waitUntil - nowMs > maxWaitMs { return .refuse(untilMs: waitUntil, reason: .poolExhausted) }
            return .wait(untilMs: waitUntil)
        }
        for pool in pools {
            let cost = pool.kind == .weight ? weight : orders
            guard cost > 0 else { continue }
            usage[pool] = Usage(windowStart: pool.windowStart(at: nowMs), used: used(pool, nowMs) + cost)
        }
        return .proceed
    }

    /// The exchange reported `used` for the pool of `kind` with window `windowMs` (a usage header).
    public mutating func observe(kind: RateLimitPool.Kind, windowMs: Int64, used: Int, nowMs: Int64) {
        for pool in pools where pool.kind == kind && pool.windowMs == windowMs {
            usage[pool] = Usage(windowStart: pool.windowStart(at: nowMs), used: used)
        }
    }

    /// HTTP 429: back off for `retryAfterMs`.
    public mutating func rateLimited(retryAfterMs: Int64, nowMs: Int64) {
        block(until: nowMs + max(retryAfterMs, 1000), reason: .rateLimited)
    }

    /// HTTP 418: the IP is banned until `untilMs`.
    public mutating func banned(untilMs: Int64) {
        block(until: untilMs, reason: .banned)
    }

    public func used(_ pool: RateLimitPool, _ nowMs: Int64) -> Int {
        guard let entry = usage[pool], entry.windowStart == pool.windowStart(at: nowMs) else { return 0 }
        return entry.used
    }

    private mutating func block(until: Int64, reason: Reason) {
        guard until > blockedUntilMs else { return }
        blockedUntilMs = until
        blockReason = reason
    }
}
