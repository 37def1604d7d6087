import AsyncHTTPClient
import Foundation
import Synchronization
import Testing
@testable import SentinelSimulator

/// Each fault kind over real HTTP.
@Suite(.timeLimit(.minutes(5))) struct FaultInjectionTests {
    @Test func latency() async throws {
        try await withSimulator { simulator in
            // Order of events, not a measured duration: a request sent while the delayed one is held is answered
            // first. The delay only has to outlast one plain request on a loaded machine (3 s did not, once).
            await simulator.addFault(SimulatedFault(exchange: "binance", kind: "latency", path: "/api/v3/time", count: 1, latencyMs: 15_000))
            let client = try await simulator.spotClient()
            let answers = Mutex<[String]>([])
            let delayed = Task {
                let answer = try await TestHTTP.send("GET", client.baseURL + "/api/v3/time", timeoutSeconds: 120)
                answers.withLock { $0.append("delayed") }
                return answer
            }
            // The fault is used up the moment the delayed request reaches the simulator.
            try await simulator.waitUntilFaultsAreUsedUp()
            #expect(try await client.get("/api/v3/time").status == 200)
            answers.withLock { $0.append("undelayed") }
            #expect(try await delayed.value.status == 200)
            #expect(answers.withLock { $0 } == ["undelayed", "delayed"])
        }
    }

    @Test func serverError() async throws {
        try await withSimulator { simulator in
            await simulator.addFault(SimulatedFault(exchange: "binance", kind: "error5xx", count: 1))
            let client = try await simulator.spotClient()
            let failed = try await client.get("/api/v3/ping")
            #expect(failed.status == 503 && failed.code == -1001)
            #expect(failed.headers["x-mbx-used-weight-1m"] != nil)
            #expect(try await client.get("/api/v3/ping").status == 200)
        }
    }

    @Test func rateLimitFault() async throws {
        try await withSimulator { simulator in
            await simulator.addFault(SimulatedFault(exchange: "binance-usdm", kind: "rate-limit", count: 1))
            let spot = try await simulator.spotClient()
            #expect(try await spot.get("/api/v3/ping").status == 200, "scoped to the futures listener")
            let futures = try await simulator.futuresClient()
            let limited = try await futures.get("/fapi/v1/time")
            #expect(limited.status == 429 && limited.code == -1003)
            #expect(limited.headers["retry-after"] == "1")
        }
    }

    @Test func reset() async throws {
        try await withSimulator { simulator in
            await simulator.addFault(SimulatedFault(exchange: "binance", kind: "reset", path: "/api/v3/time", count: 1))
            let client = try await simulator.spotClient()
            await #expect(throws: (any Error).self) { _ = try await client.get("/api/v3/time") }
            #expect(try await client.get("/api/v3/time").status == 200)
        }
    }

    /// `reset` and `error5xx` never reach the matching engine; their after-accept twins do, and keep the order.
    @Test(arguments: [
        ("reset", false), ("error5xx", false), ("reset-after-accept", true), ("error5xx-after-accept", true),
    ])
    func whetherAFaultedOrderWasAccepted(kind: String, accepted: Bool) async throws {
        try await withSimulator { simulator in
            try await simulator.setPrice(exchange: "binance", symbol: "BTCUSDT", price: "65000")
            await simulator.addFault(SimulatedFault(exchange: "binance", kind: kind, path: "/api/v3/order", count: 1))
            let client = try await simulator.spotClient()
            let id = "faulted-\(kind)"
            var answer: HTTPAnswer?
            do {
                answer = try await client.signed(
                    "POST", "/api/v3/order", BinanceSpotOrderTests.limit("BUY", "60000", "0.01", id: id), inBody: true)
            } catch {
                #expect(kind.hasPrefix("reset"), "only a reset ends without an answer: \(error)")
            }
            if kind.hasPrefix("error5xx") {
                #expect(answer?.status == 503 && answer?.code == -1001, "\(answer?.body ?? "no answer")")
            } else {
                #expect(answer == nil, "a reset gives no answer")
            }
            let open = try await client.signed("GET", "/api/v3/openOrders", [("symbol", "BTCUSDT")])
            #expect(open.status == 200)
            #expect(open.array.map { $0["clientOrderId"] as? String } == (accepted ? [id] : []))
        }
    }

    @Test func timeoutAfterAcceptKeepsTheOrder() async throws {
        try await withSimulator { simulator in
            try await simulator.setPrice(exchange: "binance", symbol: "BTCUSDT", price: "65000")
            // Held far longer than the test takes: the order is seen while its answer is still withheld.
            await simulator.addFault(
                SimulatedFault(exchange: "binance", kind: "timeout-after-accept", path: "/api/v3/order", count: 1, latencyMs: 120_000))
            let client = try await simulator.spotClient()
            let held = Task {
                try await client.signed(
                    "POST", "/api/v3/order", BinanceSpotOrderTests.limit("BUY", "60000", "0.01", id: "ambiguous"),
                    inBody: true, timeoutSeconds: 300)
            }
            // The fault's path also covers GET /api/v3/order: look only once the order request has met it.
            try await simulator.waitUntilFaultsAreUsedUp()
            var found = HTTPAnswer(status: 0, headers: [:], body: "")
            for _ in 0..<200 {
                found = try await client.signed("GET", "/api/v3/order", [("symbol", "BTCUSDT"), ("origClientOrderId", "ambiguous")])
                if found.status == 200 { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(found.status == 200 && found.object["status"] as? String == "NEW", "\(found.body)")
            held.cancel()
            let outcome = await held.result
            #expect((try? outcome.get()) == nil, "the held request never gets an answer")
        }
    }

    @Test func clientTimeoutWhileHeld() async throws {
        try await withSimulator { simulator in
            await simulator.addFault(SimulatedFault(exchange: "binance", kind: "timeout-after-accept", path: "/api/v3/time"))
            let client = try await simulator.spotClient()
            // The simulator holds for 30 s; the client's own 1 s deadline ends the wait (not the server closing).
            await #expect(throws: HTTPClientError.deadlineExceeded) {
                _ = try await TestHTTP.send("GET", client.baseURL + "/api/v3/time", timeoutSeconds: 1)
            }
            await simulator.clearFaults()
            #expect(try await client.get("/api/v3/time").status == 200)
        }
    }

    @Test func streamFaultsAreAcceptedAndLeaveHTTPAlone() async throws {
        try await withSimulator { simulator in
            for kind in ["ws-drop", "seq-gap"] {
                let added = try await TestHTTP.postJSON(simulator.adminURL + "/faults", #"{"exchange":"binance","kind":"\#(kind)","count":1}"#)
                #expect(added.status == 200)
            }
            #expect(try await TestHTTP.send("GET", simulator.url(for: .binance) + "/api/v3/ping").status == 200)
        }
    }

    @Test func probabilityFaultsFireSometimes() async throws {
        try await withSimulator { simulator in
            await simulator.addFault(SimulatedFault(exchange: "binance", kind: "error5xx", path: "/api/v3/ping", probability: 0.5))
            var failures = 0
            for _ in 0..<40 where try await TestHTTP.send("GET", simulator.url(for: .binance) + "/api/v3/ping").status == 503 {
                failures += 1
            }
            #expect((5...35).contains(failures))
        }
    }
}

@Suite(.timeLimit(.minutes(5))) struct RequestWeightTests {
    @Test func tooMuchWeightThenBan() async throws {
        // The simulator's clock stands still, so all 28 requests fall in one weight window whenever the test runs.
        let clock = SimulatorManualClock.startingNow()
        try await withSimulator(clock: clock) { simulator in
            let client = try await simulator.spotClient()
            var statuses: [Int] = []
            var last = HTTPAnswer(status: 0, headers: [:], body: "")
            // depth with limit 5000 weighs 250: the 25th request passes 6000.
            for _ in 0..<28 {
                last = try await client.get("/api/v3/depth", [("symbol", "BTCUSDT"), ("limit", "5000")])
                statuses.append(last.status)
                if last.status == 429 {
                    #expect(last.code == -1003)
                    #expect(Int(last.headers["retry-after"] ?? "") ?? 0 >= 1)
                }
            }
            #expect(Array(statuses.prefix(24)) == Array(repeating: 200, count: 24))
            #expect(statuses[24] == 429)
            #expect(statuses.last == 418)
            #expect(last.code == -1003)
            #expect(last.message?.contains("IP banned until") == true)
            #expect(last.headers["retry-after"] == "120")
            // Banned: even a ping is refused.
            #expect(try await client.get("/api/v3/ping").status == 418)
            // Other listeners count separately.
            #expect(try await TestHTTP.send("GET", simulator.url(for: .binanceUSDM) + "/fapi/v1/ping").status == 200)
            // The ban ends when its time has passed, on the simulator's clock.
            clock.advance(milliseconds: 119_000)
            #expect(try await client.get("/api/v3/ping").status == 418)
            clock.advance(milliseconds: 1_000)
            let after = try await client.get("/api/v3/ping")
            #expect(after.status == 200 && after.headers["x-mbx-used-weight-1m"] == "1")
        }
    }
}

@Suite(.timeLimit(.minutes(5))) struct UnenforcedLimitsTests {
    @Test func limitsCanBeSwitchedOffForBenchmarks() async throws {
        try await withSimulator(enforcesRateLimits: false, clock: .startingNow()) { simulator in
            let client = try await simulator.spotClient()
            var last = HTTPAnswer(status: 0, headers: [:], body: "")
            for _ in 0..<30 { last = try await client.get("/api/v3/depth", [("symbol", "BTCUSDT"), ("limit", "5000")]) }
            #expect(last.status == 200)
            #expect(last.headers["x-mbx-used-weight-1m"] == "7500")
        }
    }
}
