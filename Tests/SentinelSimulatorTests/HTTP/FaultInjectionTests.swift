import Foundation
import Testing
@testable import SentinelSimulator

/// Each fault kind over real HTTP.
@Suite struct FaultInjectionTests {
    @Test func latency() async throws {
        try await withSimulator { simulator in
            // The delay is long enough that "the second request was not delayed" holds on a loaded machine too.
            await simulator.addFault(SimulatedFault(exchange: "binance", kind: "latency", path: "/api/v3/time", count: 1, latencyMs: 3_000))
            let client = try await simulator.spotClient()
            let start = ContinuousClock.now
            #expect(try await client.get("/api/v3/time").status == 200)
            #expect(ContinuousClock.now - start >= .milliseconds(3_000))
            let second = ContinuousClock.now
            _ = try await client.get("/api/v3/time")
            #expect(ContinuousClock.now - second < .milliseconds(3_000))
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

    @Test func timeoutAfterAcceptKeepsTheOrder() async throws {
        try await withSimulator { simulator in
            try await simulator.setPrice(exchange: "binance", symbol: "BTCUSDT", price: "65000")
            await simulator.addFault(
                SimulatedFault(exchange: "binance", kind: "timeout-after-accept", path: "/api/v3/order", count: 1, latencyMs: 400))
            let client = try await simulator.spotClient()
            let start = ContinuousClock.now
            await #expect(throws: (any Error).self) {
                _ = try await client.signed(
                    "POST", "/api/v3/order", BinanceSpotOrderTests.limit("BUY", "60000", "0.01", id: "ambiguous"), timeoutSeconds: 5)
            }
            #expect(ContinuousClock.now - start >= .milliseconds(400))
            let found = try await client.signed("GET", "/api/v3/order", [("symbol", "BTCUSDT"), ("origClientOrderId", "ambiguous")])
            #expect(found.status == 200 && found.object["status"] as? String == "NEW")
        }
    }

    @Test func clientTimeoutWhileHeld() async throws {
        try await withSimulator { simulator in
            await simulator.addFault(SimulatedFault(exchange: "binance", kind: "timeout-after-accept", path: "/api/v3/time"))
            let client = try await simulator.spotClient()
            let start = ContinuousClock.now
            await #expect(throws: (any Error).self) {
                _ = try await TestHTTP.send("GET", client.baseURL + "/api/v3/time", timeoutSeconds: 1)
            }
            #expect(ContinuousClock.now - start < .seconds(5))
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

@Suite struct RequestWeightTests {
    @Test func tooMuchWeightThenBan() async throws {
        try await withSimulator { simulator in
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
        }
    }
}

@Suite struct UnenforcedLimitsTests {
    @Test func limitsCanBeSwitchedOffForBenchmarks() async throws {
        try await withSimulator(enforcesRateLimits: false) { simulator in
            let client = try await simulator.spotClient()
            var last = HTTPAnswer(status: 0, headers: [:], body: "")
            for _ in 0..<30 { last = try await client.get("/api/v3/depth", [("symbol", "BTCUSDT"), ("limit", "5000")]) }
            #expect(last.status == 200)
            #expect(last.headers["x-mbx-used-weight-1m"] == "7500")
        }
    }
}
