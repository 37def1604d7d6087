/// Paces requests so the exchange never has to complain, without doing I/O.
///
/// It counts each request's cost in every pool of the meters it spends, asks callers to wait for the next window
/// before a pool would pass `safetyFraction` of its limit, takes the exchange's own usage headers as the truth when
/// they arrive, and after a 429 or 418 (or an exchange's equivalent) refuses to let anything through until the
/// exchange's `Retry-After` has passed — a banned client never keeps knocking. An exchange without usage headers
/// (OKX) is paced from its published limits alone.
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

        /// What `entry` counts in the window that starts at `windowStart`: nothing once its own window has passed.
        static func used(_ entry: Usage?, inWindowStarting windowStart: Int64) -> Int {
            guard let entry, entry.windowStart == windowStart else { return 0 }
            return entry.used
        }
    }

    /// A counter of an instrument-scoped pool, which counts each instrument apart: the pool by its index in `pools`
    /// (hashing the whole pool, its String-backed meter included, was a tenth of an OKX order's own cost).
    struct CounterKey: Sendable, Hashable {
        let pool: Int
        let instrument: String?
    }

    public private(set) var pools: [RateLimitPool]
    /// The indexes in `pools` of each meter's pools: a request spends one or two meters, and an exchange has dozens
    /// of pools (OKX: one per endpoint), so each request looks up its meters instead of visiting every pool.
    private var poolsByMeter: [RateLimitPool.Meter: [Int]]
    public let safetyFraction: Double
    /// Longer waits than this are refused instead (a day window is not something to sleep through).
    public let maxWaitMs: Int64
    /// What each pool has used, by its index in `pools` (pools counted per instrument keep theirs apart): hashing a
    /// pool's key at each step was a sixth of an order's own cost.
    private var usage: [Usage?]
    private var usageByInstrument: [CounterKey: Usage] = [:]
    /// Scratch space of `acquire`: the pools a request spends, what each would have used, and where an instrument's
    /// counter already is.
    private var planned: [(index: Int, usage: Usage, slot: [CounterKey: Usage].Index?)] = []
    private(set) var blockedUntilMs: Int64 = 0
    private(set) var blockReason: Reason = .rateLimited

    public init(pools: [RateLimitPool], safetyFraction: Double = 0.9, maxWaitMs: Int64 = 65_000) {
        self.pools = pools
        self.poolsByMeter = Self.index(pools)
        self.usage = Array(repeating: nil, count: pools.count)
        self.safetyFraction = safetyFraction
        self.maxWaitMs = maxWaitMs
    }

    /// Asks to send a request with `costs` (per meter) at `nowMs`, on `instrument` where a pool counts per
    /// instrument. On `.proceed` the cost is counted.
    public mutating func acquire(
        costs: [RateLimitPool.Meter: Int], instrument: String? = nil, nowMs: Int64
    ) -> Decision {
        if nowMs < blockedUntilMs { return .refuse(untilMs: blockedUntilMs, reason: blockReason) }
        // One pass finds each pool the request spends and what it would have used, the next counts them all once
        // none would pass its budget: each meter and each counter is looked up once (three lookups per pool
        // before, a tenth of an OKX order's own cost). `planned` keeps its capacity from one request to the next.
        planned.removeAll(keepingCapacity: true)
        var waitUntil: Int64 = 0
        for (meter, cost) in costs where cost > 0 {
            guard let indexes = poolsByMeter[meter] else { continue }
            for index in indexes {
                let pool = pools[index]
                let windowStart = pool.windowStart(at: nowMs)
                // An instrument's counter is found once: the second step writes through its place in the dictionary
                // instead of hashing the key (a String) again.
                var slot: [CounterKey: Usage].Index?
                let entry: Usage?
                if pool.scope == .instrument {
                    slot = usageByInstrument.index(forKey: CounterKey(pool: index, instrument: instrument))
                    entry = slot.map { usageByInstrument.values[$0] }
                } else {
                    entry = usage[index]
                }
                let used = Usage.used(entry, inWindowStarting: windowStart) + cost
                if used > max(1, Int(Double(pool.limit) * safetyFraction)) {
                    waitUntil = max(waitUntil, windowStart + pool.windowMs)
                }
                planned.append((index, Usage(windowStart: windowStart, used: used), slot))
            }
        }
        if waitUntil > 0 {
            if waitUntil - nowMs > maxWaitMs { return .refuse(untilMs: waitUntil, reason: .poolExhausted) }
            return .wait(untilMs: waitUntil)
        }
        // Counters already present first: adding a new one may move the others, and their places with them.
        for step in planned.indices {
            if let slot = planned[step].slot { usageByInstrument.values[slot] = planned[step].usage }
        }
        for step in planned.indices where planned[step].slot == nil {
            store(planned[step].usage, planned[step].index, instrument)
        }
        return .proceed
    }

    /// The exchange announced its limits: count against these from now on, keeping what was used of pools that
    /// stay and any block in force.
    public mutating func replacePools(_ newPools: [RateLimitPool]) {
        usage = newPools.map { pool in pools.firstIndex(of: pool).flatMap { usage[$0] } }
        var kept: [CounterKey: Usage] = [:]
        for (key, entry) in usageByInstrument {
            guard let index = newPools.firstIndex(of: pools[key.pool]) else { continue }
            kept[CounterKey(pool: index, instrument: key.instrument)] = entry
        }
        usageByInstrument = kept
        pools = newPools
        poolsByMeter = Self.index(newPools)
    }

    /// Binance's two meters: request weight and orders.
    public mutating func acquire(weight: Int, orders: Int, nowMs: Int64) -> Decision {
        acquire(costs: [.weight: weight, .orders: orders], nowMs: nowMs)
    }

    /// The exchange reported `used` of the pool of meter `kind` with window `windowMs` (nil: every window of that
    /// meter), from a usage header.
    public mutating func observe(
        kind: RateLimitPool.Meter, windowMs: Int64?, used: Int, instrument: String? = nil, nowMs: Int64
    ) {
        for index in poolsByMeter[kind] ?? [] where windowMs == nil || pools[index].windowMs == windowMs {
            record(index, instrument, used: max(0, used), nowMs)
        }
    }

    /// HTTP 429 (or the exchange's "too many requests" code): back off for `retryAfterMs`.
    public mutating func rateLimited(retryAfterMs: Int64, nowMs: Int64) {
        block(until: nowMs + max(retryAfterMs, 1000), reason: .rateLimited)
    }

    /// HTTP 418 (Binance) or 403 (Bybit): the IP is banned until `untilMs`.
    public mutating func banned(untilMs: Int64) {
        block(until: untilMs, reason: .banned)
    }

    public func used(_ pool: RateLimitPool, _ nowMs: Int64, instrument: String? = nil) -> Int {
        guard let index = pools.firstIndex(of: pool) else { return 0 }
        return used(index, instrument, nowMs)
    }

    private func used(_ index: Int, _ instrument: String?, _ nowMs: Int64) -> Int {
        used(index, instrument, windowStart: pools[index].windowStart(at: nowMs))
    }

    /// What pool `index` has used in the window that starts at `windowStart`.
    private func used(_ index: Int, _ instrument: String?, windowStart: Int64) -> Int {
        let entry =
            pools[index].scope == .instrument
            ? usageByInstrument[CounterKey(pool: index, instrument: instrument)] : usage[index]
        return Usage.used(entry, inWindowStarting: windowStart)
    }

    private mutating func record(_ index: Int, _ instrument: String?, used: Int, _ nowMs: Int64) {
        store(Usage(windowStart: pools[index].windowStart(at: nowMs), used: used), index, instrument)
    }

    private mutating func store(_ entry: Usage, _ index: Int, _ instrument: String?) {
        if pools[index].scope == .instrument {
            usageByInstrument[CounterKey(pool: index, instrument: instrument)] = entry
        } else {
            usage[index] = entry
        }
    }

    private static func index(_ pools: [RateLimitPool]) -> [RateLimitPool.Meter: [Int]] {
        Dictionary(grouping: pools.indices, by: { pools[$0].kind })
    }

    private mutating func block(until: Int64, reason: Reason) {
        guard until > blockedUntilMs else { return }
        blockedUntilMs = until
        blockReason = reason
    }
}
