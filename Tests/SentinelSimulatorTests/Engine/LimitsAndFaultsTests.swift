import Testing
@testable import SentinelSimulator

@Suite struct RateLimitTests {
    @Test func windowsAlignToTheMinute() {
        var counter = FixedWindowCounter(windowMilliseconds: 60_000)
        #expect(counter.add(5, at: 60_000) == 5)
        #expect(counter.add(5, at: 119_999) == 10)
        #expect(counter.secondsUntilReset(at: 119_000) == 1)
        #expect(counter.add(1, at: 120_000) == 1)
    }

    @Test func warnsThenBans() {
        var limiter = RequestWeightLimiter(limit: 10)
        #expect(limiter.admit(weight: 10, at: 0) == .allowed(usedWeight: 10))
        #expect(limiter.admit(weight: 1, at: 1000) == .rateLimited(usedWeight: 11, retryAfterSeconds: 59))
        #expect(limiter.admit(weight: 1, at: 2000) == .rateLimited(usedWeight: 12, retryAfterSeconds: 58))
        #expect(limiter.admit(weight: 1, at: 3000) == .rateLimited(usedWeight: 13, retryAfterSeconds: 57))
        #expect(limiter.admit(weight: 1, at: 4000) == .banned(usedWeight: 14, until: 124_000, retryAfterSeconds: 120))
        // Still banned in the next window; the ban outlives the window.
        #expect(limiter.admit(weight: 1, at: 61_000) == .banned(usedWeight: 0, until: 124_000, retryAfterSeconds: 63))
        #expect(limiter.admit(weight: 1, at: 124_000) == .allowed(usedWeight: 1))
    }

    @Test func bansGrowLonger() {
        var limiter = RequestWeightLimiter(limit: 0)
        for _ in 0..<4 { _ = limiter.admit(weight: 1, at: 0) }
        #expect(limiter.bannedUntil == 120_000)
        for _ in 0..<4 { _ = limiter.admit(weight: 1, at: 180_000) }
        #expect(limiter.bannedUntil == 180_000 + 240_000)
    }

    @Test func orderWindows() {
        var limiter = OrderRateLimiter(limits: [("10S", 10_000, 2), ("1D", 86_400_000, 100)])
        #expect(limiter.admit(orders: 1, at: 0) == .allowed(counts: ["10S": 1, "1D": 1]))
        #expect(limiter.admit(orders: 1, at: 1) == .allowed(counts: ["10S": 2, "1D": 2]))
        #expect(limiter.admit(orders: 1, at: 2) == .rejected(label: "10S", limit: 2, retryAfterSeconds: 10))
        #expect(limiter.admit(orders: 1, at: 10_000) == .allowed(counts: ["10S": 1, "1D": 3]))
    }
}

@Suite struct FaultInjectorTests {
    func rule(_ kind: FaultKind, path: String? = nil, count: Int? = nil, probability: Double? = nil) -> FaultRule {
        FaultRule(scope: "binance", kind: kind, path: path, remaining: count, probability: probability, latencyMilliseconds: nil)
    }

    @Test func countRetiresTheRule() {
        var injector = FaultInjector(seed: 1)
        injector.add(rule(.error5xx, count: 2))
        #expect(injector.select(listener: "binance", exchange: "binance", path: "/api/v3/time", streams: false)?.kind == .error5xx)
        #expect(injector.select(listener: "binance", exchange: "binance", path: "/api/v3/time", streams: false)?.kind == .error5xx)
        #expect(injector.select(listener: "binance", exchange: "binance", path: "/api/v3/time", streams: false) == nil)
    }

    @Test func pathAndScopeFilter() {
        var injector = FaultInjector(seed: 1)
        injector.add(rule(.reset, path: "/api/v3/order"))
        #expect(injector.select(listener: "binance", exchange: "binance", path: "/api/v3/account", streams: false) == nil)
        #expect(injector.select(listener: "bybit", exchange: "bybit", path: "/api/v3/order", streams: false) == nil)
        #expect(injector.select(listener: "binance-usdm", exchange: "binance", path: "/api/v3/order", streams: false) != nil)
    }

    @Test func probabilityIsSeeded() {
        func draws() -> [Bool] {
            var injector = FaultInjector(seed: 99)
            injector.add(rule(.latency, probability: 0.5))
            return (0..<200).map { _ in
                injector.select(listener: "binance", exchange: "binance", path: "/", streams: false) != nil
            }
        }
        let first = draws()
        #expect(first == draws())
        let hits = first.filter { $0 }.count
        #expect((60...140).contains(hits))
    }

    @Test func streamFaultsNeverHitHTTP() {
        var injector = FaultInjector(seed: 1)
        injector.add(rule(.wsDrop))
        injector.add(rule(.sequenceGap))
        #expect(injector.select(listener: "binance", exchange: "binance", path: "/ws", streams: false) == nil)
        #expect(injector.select(listener: "binance", exchange: "binance", path: "/ws", streams: true)?.kind == .wsDrop)
    }

    @Test func adminValidation() {
        #expect(throws: SimulatorError.self) {
            try RunningSimulator.validateFault(SimulatedFault(exchange: "binance", kind: "meteor"))
        }
        #expect(throws: SimulatorError.self) {
            try RunningSimulator.validateFault(SimulatedFault(exchange: "binance", kind: "latency"))
        }
        #expect(throws: SimulatorError.self) {
            try RunningSimulator.validateFault(SimulatedFault(exchange: "binance", kind: "reset", count: 1, probability: 0.5))
        }
        #expect(throws: Never.self) {
            try RunningSimulator.validateFault(SimulatedFault(exchange: "binance-usdm", kind: "seq-gap", count: 1))
        }
    }
}
