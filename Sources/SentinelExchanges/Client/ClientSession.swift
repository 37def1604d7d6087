import SentinelCore
import SentinelNet
import Synchronization

/// The mutable state one client keeps between requests: clock offset, rate-limit usage, markets.
///
/// A lock, not an actor: every step here is a few dictionary operations, and an actor would cost two executor hops
/// (a thread wake-up each) per step, several times per order.
final class ClientSession: Sendable {
    struct State {
        var clock = ClockEstimate.unsynchronized
        var limiter: RateLimiterStateMachine
        var timestampRecovery = TimestampRecovery()
        var directory = MarketDirectory.empty
        var marketsLoadedAtMs: Int64 = 0
        /// Recent reference prices for the price-band check, so an order costs one request, not two.
        var references: [UnifiedSymbol: (price: Price, atMs: Int64)] = [:]
    }

    static let referenceLifetimeMs: Int64 = 3_000
    private let state: Mutex<State>

    init(pools: [RateLimitPool]) {
        state = Mutex(State(limiter: RateLimiterStateMachine(pools: pools)))
    }

    var clock: ClockEstimate { state.withLock { $0.clock } }
    var directory: MarketDirectory { state.withLock { $0.directory } }

    /// One market, looked up under the lock: copying the whole directory out first cost more than the lookup.
    func market(_ symbol: UnifiedSymbol) -> Market? { state.withLock { $0.directory.bySymbol[symbol] } }

    func setClock(_ estimate: ClockEstimate) { state.withLock { $0.clock = estimate } }

    func acquire(costs: [RateLimitPool.Meter: Int], instrument: String?, nowMs: Int64)
        -> RateLimiterStateMachine.Decision
    {
        state.withLock { $0.limiter.acquire(costs: costs, instrument: instrument, nowMs: nowMs) }
    }

    func apply(_ report: UsageReport, instrument: String?, nowMs: Int64) {
        guard !report.isEmpty else { return }
        state.withLock { state in
            for observation in report.observations {
                state.limiter.observe(
                    kind: observation.meter, windowMs: observation.windowMs, used: observation.used,
                    instrument: instrument, nowMs: nowMs)
            }
            switch report.throttle {
            case .rateLimited(let retryAfterMs): state.limiter.rateLimited(retryAfterMs: retryAfterMs, nowMs: nowMs)
            case .banned(let forMs): state.limiter.banned(untilMs: nowMs + forMs)
            case nil: break
            }
        }
    }

    func replacePools(_ pools: [RateLimitPool]) {
        guard !pools.isEmpty else { return }
        state.withLock { $0.limiter.replacePools(pools) }
    }

    func timestampRejected() -> TimestampRecovery.Action { state.withLock { $0.timestampRecovery.timestampRejected() } }
    func requestSucceeded() { state.withLock { $0.timestampRecovery.requestSucceeded() } }

    func reference(_ symbol: UnifiedSymbol, nowMs: Int64) -> Price? {
        state.withLock { state in
            guard let entry = state.references[symbol], nowMs - entry.atMs < Self.referenceLifetimeMs else { return nil }
            return entry.price
        }
    }

    func remember(reference: Price, for symbol: UnifiedSymbol, nowMs: Int64) {
        state.withLock { $0.references[symbol] = (reference, nowMs) }
    }

    func store(markets: [Market], nowMs: Int64) {
        let directory = MarketDirectory(markets)
        state.withLock {
            $0.directory = directory
            $0.marketsLoadedAtMs = nowMs
        }
    }
}
