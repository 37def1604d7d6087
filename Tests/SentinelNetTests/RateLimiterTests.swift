import PropertyBased
import SentinelNet
import Testing

@Suite struct RateLimiterTests {
    let minute = RateLimitPool(kind: .weight, windowMs: 60_000, limit: 100)
    let tenSeconds = RateLimitPool(kind: .orders, windowMs: 10_000, limit: 10)
    let day = RateLimitPool(kind: .orders, windowMs: 86_400_000, limit: 20)

    @Test func pacesBeforeTheExchangeComplainsThenResetsAtTheWindow() {
        var limiter = RateLimiterStateMachine(pools: [minute], safetyFraction: 0.9)
        for _ in 0..<9 { #expect(limiter.acquire(weight: 10, orders: 0, nowMs: 120_500) == .proceed) }
        // 90 used of a 90 budget: the next 10 would pass it, so wait for the next minute (fixed windows).
        #expect(limiter.acquire(weight: 10, orders: 0, nowMs: 121_000) == .wait(untilMs: 180_000))
        #expect(limiter.acquire(weight: 10, orders: 0, nowMs: 180_000) == .proceed)
        #expect(limiter.used(minute, 180_000) == 10)
    }

    @Test func theExchangesUsageHeaderIsTheTruth() {
        var limiter = RateLimiterStateMachine(pools: [minute])
        #expect(limiter.acquire(weight: 1, orders: 0, nowMs: 1_000) == .proceed)
        limiter.observe(kind: .weight, windowMs: 60_000, used: 89, nowMs: 1_100)
        #expect(limiter.acquire(weight: 2, orders: 0, nowMs: 1_200) == .wait(untilMs: 60_000))
    }

    @Test func ordersCountInEveryOrderPool() {
        var limiter = RateLimiterStateMachine(pools: [minute, tenSeconds], safetyFraction: 1.0)
        for _ in 0..<10 { #expect(limiter.acquire(weight: 0, orders: 1, nowMs: 5_000) == .proceed) }
        #expect(limiter.acquire(weight: 0, orders: 1, nowMs: 5_001) == .wait(untilMs: 10_000))
        // Reads do not spend the order budget.
        #expect(limiter.acquire(weight: 1, orders: 0, nowMs: 5_002) == .proceed)
    }

    /// A request that must wait spends nothing: not in the pools that had room either, nor twice in any pool.
    @Test func aRequestThatWaitsCountsInNoPool() {
        var limiter = RateLimiterStateMachine(pools: [minute, tenSeconds, day], safetyFraction: 1.0)
        for _ in 0..<10 { #expect(limiter.acquire(weight: 2, orders: 1, nowMs: 5_000) == .proceed) }
        #expect(limiter.used(minute, 5_000) == 20)
        #expect(limiter.used(day, 5_000) == 10)
        #expect(limiter.acquire(weight: 2, orders: 1, nowMs: 5_001) == .wait(untilMs: 10_000))
        #expect(limiter.used(minute, 5_001) == 20)
        #expect(limiter.used(day, 5_001) == 10)
        #expect(limiter.acquire(weight: 2, orders: 1, nowMs: 10_000) == .proceed)
        #expect(limiter.used(minute, 10_000) == 22)
        #expect(limiter.used(tenSeconds, 10_000) == 1)
        #expect(limiter.used(day, 10_000) == 11)
        // What a waiting request planned is not counted later by another request on other pools either.
        #expect(limiter.acquire(weight: 0, orders: 9, nowMs: 10_001) == .proceed)
        // The day's 20 orders are used up: refused until the day turns (longer than any wait).
        #expect(limiter.acquire(weight: 1, orders: 1, nowMs: 10_002) == .refuse(untilMs: 86_400_000, reason: .poolExhausted))
        #expect(limiter.acquire(weight: 5, orders: 0, nowMs: 10_003) == .proceed)
        #expect(limiter.used(tenSeconds, 10_003) == 10)
        #expect(limiter.used(day, 10_003) == 20)
        #expect(limiter.used(minute, 10_003) == 27)
    }

    @Test func anInstrumentPoolCountsEachInstrumentApartAcrossNewPools() {
        let perInstrument = RateLimitPool(kind: "place", scope: .instrument, windowMs: 2_000, limit: 3)
        var limiter = RateLimiterStateMachine(pools: [perInstrument], safetyFraction: 1.0)
        for _ in 0..<3 { #expect(limiter.acquire(costs: ["place": 1], instrument: "BTC-USDT", nowMs: 100) == .proceed) }
        #expect(limiter.acquire(costs: ["place": 1], instrument: "BTC-USDT", nowMs: 101) == .wait(untilMs: 2_000))
        #expect(limiter.acquire(costs: ["place": 1], instrument: "ETH-USDT", nowMs: 101) == .proceed)
        // New pools put the same pool at another place and drop none of what it counted.
        limiter.replacePools([minute, tenSeconds, perInstrument])
        #expect(limiter.used(perInstrument, 102, instrument: "BTC-USDT") == 3)
        #expect(limiter.used(perInstrument, 102, instrument: "ETH-USDT") == 1)
        #expect(limiter.acquire(costs: ["place": 1], instrument: "BTC-USDT", nowMs: 103) == .wait(untilMs: 2_000))
        // A pool that is gone takes its counts with it.
        limiter.replacePools([minute])
        limiter.replacePools([perInstrument])
        #expect(limiter.used(perInstrument, 104, instrument: "BTC-USDT") == 0)
    }

    /// Against a model that counts every pool and instrument in its own dictionary entry: two instrument pools and a
    /// global one spent by one request, over more instruments than a dictionary holds before it grows (so counters
    /// are added, and the others moved, in the middle of requests), across window turns, usage reports and waits.
    @Test func countsEveryPoolAndInstrumentAsAModelDoes() {
        let pools = [
            RateLimitPool(kind: "place", scope: .instrument, windowMs: 2_000, limit: 7),
            RateLimitPool(kind: "place", scope: .instrument, windowMs: 5_000, limit: 12),
            RateLimitPool(kind: "place", windowMs: 1_000, limit: 40),
            RateLimitPool(kind: "read", scope: .instrument, windowMs: 3_000, limit: 9),
        ]
        var limiter = RateLimiterStateMachine(pools: pools, safetyFraction: 1.0, maxWaitMs: 10_000)
        var model: [String: (windowStart: Int64, used: Int)] = [:]
        func key(_ pool: Int, _ instrument: String) -> String {
            pools[pool].scope == .instrument ? "\(pool) \(instrument)" : "\(pool)"
        }
        var random = Xoshiro(seed: (0x5EED, 1, 2, 3))  // seeded, so that a failure can be replayed
        var now: Int64 = 0
        var waits = 0
        for _ in 0..<4_000 {
            now += Int64(random.next() % 40)
            let instrument = "I-\(random.next() % 60)"
            if random.next() % 25 == 0 {
                let used = Int(random.next() % 8)
                limiter.observe(kind: "place", windowMs: 2_000, used: used, instrument: instrument, nowMs: now)
                model[key(0, instrument)] = (now / 2_000 * 2_000, used)
                continue
            }
            let costs: [RateLimitPool.Meter: Int] = ["place": Int(random.next() % 3), "read": Int(random.next() % 2)]
            var expectedWait: Int64 = 0
            var spent: [(String, (Int64, Int))] = []
            for (index, pool) in pools.enumerated() {
                let cost = costs[pool.kind] ?? 0
                guard cost > 0 else { continue }
                let windowStart = now / pool.windowMs * pool.windowMs
                let entry = model[key(index, instrument)]
                let used = (entry?.windowStart == windowStart ? entry?.used ?? 0 : 0) + cost
                if used > pool.limit { expectedWait = max(expectedWait, windowStart + pool.windowMs) }
                spent.append((key(index, instrument), (windowStart, used)))
            }
            let decision = limiter.acquire(costs: costs, instrument: instrument, nowMs: now)
            if expectedWait > 0 {
                waits += 1
                #expect(decision == .wait(untilMs: expectedWait))
            } else {
                #expect(decision == .proceed)
                for (name, entry) in spent { model[name] = entry }
            }
            for (index, pool) in pools.enumerated() {
                let entry = model[key(index, instrument)]
                let windowStart = now / pool.windowMs * pool.windowMs
                #expect(
                    limiter.used(pool, now, instrument: instrument)
                        == (entry?.windowStart == windowStart ? entry?.used ?? 0 : 0))
            }
        }
        #expect(waits > 100)
    }

    /// A request that spends an instrument's counter already present and adds a new one, at every size of the
    /// counters' dictionary up to 200: wherever adding the new counter makes the dictionary grow (and move the others),
    /// both are counted once.
    @Test func aNewCounterThatGrowsTheDictionaryKeepsTheOthersCounts() {
        let place = RateLimitPool(kind: "place", scope: .instrument, windowMs: 60_000, limit: 100)
        let read = RateLimitPool(kind: "read", scope: .instrument, windowMs: 60_000, limit: 100)
        for size in 0..<200 {
            var limiter = RateLimiterStateMachine(pools: [place, read], safetyFraction: 1.0)
            for other in 0..<size { _ = limiter.acquire(costs: ["read": 1], instrument: "I-\(other)", nowMs: 1_000) }
            #expect(limiter.acquire(costs: ["place": 1], instrument: "X", nowMs: 1_000) == .proceed)
            #expect(limiter.acquire(costs: ["place": 2, "read": 3], instrument: "X", nowMs: 1_000) == .proceed)
            #expect(limiter.used(place, 1_000, instrument: "X") == 3, "at \(size) counters")
            #expect(limiter.used(read, 1_000, instrument: "X") == 3, "at \(size) counters")
            if size > 0 { #expect(limiter.used(read, 1_000, instrument: "I-0") == 1) }
        }
    }

    @Test func longWaitsAreRefusedNotSlept() {
        var limiter = RateLimiterStateMachine(pools: [day], safetyFraction: 1.0, maxWaitMs: 65_000)
        for _ in 0..<20 { _ = limiter.acquire(weight: 0, orders: 1, nowMs: 1_000) }
        #expect(limiter.acquire(weight: 0, orders: 1, nowMs: 2_000) == .refuse(untilMs: 86_400_000, reason: .poolExhausted))
    }

    @Test func after429NothingIsSentUntilRetryAfter() {
        var limiter = RateLimiterStateMachine(pools: [minute])
        limiter.rateLimited(retryAfterMs: 30_000, nowMs: 10_000)
        #expect(limiter.acquire(weight: 1, orders: 0, nowMs: 39_999) == .refuse(untilMs: 40_000, reason: .rateLimited))
        #expect(limiter.acquire(weight: 1, orders: 0, nowMs: 40_000) == .proceed)
    }

    @Test func aBannedClientNeverKeepsKnocking() {
        var limiter = RateLimiterStateMachine(pools: [minute])
        limiter.banned(untilMs: 130_000)
        for now in stride(from: Int64(0), to: 130_000, by: 10_000) {
            #expect(limiter.acquire(weight: 1, orders: 0, nowMs: now) == .refuse(untilMs: 130_000, reason: .banned))
        }
        // A shorter 429 afterwards does not shorten the ban.
        limiter.rateLimited(retryAfterMs: 1_000, nowMs: 5_000)
        #expect(limiter.acquire(weight: 1, orders: 0, nowMs: 7_000) == .refuse(untilMs: 130_000, reason: .banned))
        #expect(limiter.acquire(weight: 1, orders: 0, nowMs: 130_000) == .proceed)
    }

    @Test func backoffStaysWithinItsCeiling() {
        let policy = RetryPolicy(maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 350)
        var generator = SystemRandomNumberGenerator()
        for attempt in 1...10 {
            let delay = policy.delayMs(after: attempt, using: &generator)
            #expect(delay >= 0 && delay <= min(350, 100 << (attempt - 1)))
        }
        #expect(policy.allowsRetry(after: 3))
        #expect(!policy.allowsRetry(after: 4))
        #expect(!RetryPolicy.none.allowsRetry(after: 1))
    }
}

