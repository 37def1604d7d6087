import SentinelCore
import SentinelNet

/// The mutable state one Binance client keeps between requests: clock offset, rate-limit usage, markets.
actor BinanceSession {
    var clock = ClockEstimate.unsynchronized
    var limiter: RateLimiterStateMachine
    var timestampRecovery = TimestampRecovery()
    var marketsByNative: [String: Market] = [:]
    var marketsBySymbol: [UnifiedSymbol: Market] = [:]
    var marketsLoadedAtMs: Int64 = 0

    init(pools: [RateLimitPool]) {
        limiter = RateLimiterStateMachine(pools: pools)
    }

    func setClock(_ estimate: ClockEstimate) { clock = estimate }

    func acquire(weight: Int, orders: Int, nowMs: Int64) -> RateLimiterStateMachine.Decision {
        limiter.acquire(weight: weight, orders: orders, nowMs: nowMs)
    }

    func observe(kind: RateLimitPool.Kind, windowMs: Int64, used: Int, nowMs: Int64) {
        limiter.observe(kind: kind, windowMs: windowMs, used: used, nowMs: nowMs)
    }

    func rateLimited(retryAfterMs: Int64, nowMs: Int64) { limiter.rateLimited(retryAfterMs: retryAfterMs, nowMs: nowMs) }
    func banned(untilMs: Int64) { limiter.banned(untilMs: untilMs) }
    func replacePools(_ pools: [RateLimitPool]) { limiter = RateLimiterStateMachine(pools: pools) }

    func timestampRejected() -> TimestampRecovery.Action { timestampRecovery.timestampRejected() }
    func requestSucceeded() { timestampRecovery.requestSucceeded() }

    func store(markets: [Market], nowMs: Int64) {
        marketsByNative = Dictionary(markets.map { ($0.nativeSymbol, $0) }, uniquingKeysWith: { a, _ in a })
        marketsBySymbol = Dictionary(markets.map { ($0.symbol, $0) }, uniquingKeysWith: { a, _ in a })
        marketsLoadedAtMs = nowMs
    }

    func market(_ symbol: UnifiedSymbol) -> Market? { marketsBySymbol[symbol] }
    func market(native: String) -> Market? { marketsByNative[native] }
    var allMarkets: [Market] { Array(marketsBySymbol.values) }
}
