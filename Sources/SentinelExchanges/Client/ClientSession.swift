import SentinelCore
import SentinelNet

/// The mutable state one client keeps between requests: clock offset, rate-limit usage, markets.
actor ClientSession {
    var clock = ClockEstimate.unsynchronized
    var limiter: RateLimiterStateMachine
    var timestampRecovery = TimestampRecovery()
    var directory = MarketDirectory.empty
    var marketsLoadedAtMs: Int64 = 0
    /// Recent reference prices for the price-band check, so an order costs one request, not two.
    var references: [UnifiedSymbol: (price: Price, atMs: Int64)] = [:]
    static let referenceLifetimeMs: Int64 = 3_000

    init(pools: [RateLimitPool]) {
        limiter = RateLimiterStateMachine(pools: pools)
    }

    func setClock(_ estimate: ClockEstimate) { clock = estimate }

    func acquire(costs: [RateLimitPool.Meter: Int], instrument: String?, nowMs: Int64)
        -> RateLimiterStateMachine.Decision
    {
        limiter.acquire(costs: costs, instrument: instrument, nowMs: nowMs)
    }

    func apply(_ report: UsageReport, instrument: String?, nowMs: Int64) {
        for observation in report.observations {
            limiter.observe(
                kind: observation.meter, windowMs: observation.windowMs, used: observation.used,
                instrument: instrument, nowMs: nowMs)
        }
        switch report.throttle {
        case .rateLimited(let retryAfterMs): limiter.rateLimited(retryAfterMs: retryAfterMs, nowMs: nowMs)
        case .banned(let forMs): limiter.banned(untilMs: nowMs + forMs)
        case nil: break
        }
    }

    func replacePools(_ pools: [RateLimitPool]) {
        guard !pools.isEmpty else { return }
        limiter.replacePools(pools)
    }

    func timestampRejected() -> TimestampRecovery.Action { timestampRecovery.timestampRejected() }
    func requestSucceeded() { timestampRecovery.requestSucceeded() }

    func reference(_ symbol: UnifiedSymbol, nowMs: Int64) -> Price? {
        guard let entry = references[symbol], nowMs - entry.atMs < Self.referenceLifetimeMs else { return nil }
        return entry.price
    }

    func remember(reference: Price, for symbol: UnifiedSymbol, nowMs: Int64) {
        references[symbol] = (reference, nowMs)
    }

    func store(markets: [Market], nowMs: Int64) {
        directory = MarketDirectory(markets)
        marketsLoadedAtMs = nowMs
    }
}
