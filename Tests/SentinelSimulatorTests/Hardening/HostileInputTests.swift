import AsyncHTTPClient
import Foundation
import NIOCore
import Testing
@testable import SentinelSimulator

/// Issue 17, finding 1: no admin input can make the simulator overflow; every number is bounded, with a 400 that
/// names the field.
@Suite(.timeLimit(.minutes(5))) struct HostileInputTests {
    @Test func theClockSaturatesInsteadOfOverflowing() {
        var clock = SimulatorClock()
        clock.setSkew(milliseconds: .max)
        #expect(clock.skewMilliseconds == 86_400_000)
        #expect(clock.now(hostMilliseconds: .max) == .max)
        clock.setSkew(milliseconds: .min)
        #expect(clock.skewMilliseconds == -86_400_000)
        #expect(clock.now(hostMilliseconds: .min) == .min)
        #expect(clock.now(hostMilliseconds: 1_000_000_000_000) == 1_000_000_000_000 - 86_400_000)
    }

    @Test func anOverflowingSkewIsRefusedAndTheVenuesKeepAnswering() async throws {
        try await withSimulator { simulator in
            for skew in ["9223372036854775807", "-9223372036854775808", "86400001", "-86400001"] {
                let answer = try await TestHTTP.postJSON(simulator.adminURL + "/clock", #"{"skewMs":\#(skew)}"#)
                #expect(answer.status == 400, "\(skew)")
                #expect((answer.object["error"] as? String)?.contains("skewMs") == true, "\(skew): \(answer.body)")
            }
            let edge = try await TestHTTP.postJSON(simulator.adminURL + "/clock", #"{"skewMs":86400000}"#)
            #expect(edge.status == 200)
            // The request that used to kill the process: the venue computes "now" with the skew.
            let time = try await TestHTTP.send("GET", simulator.url(for: .binance) + "/api/v3/time")
            #expect(time.status == 200)
            let client = try await simulator.spotClient()
            let account = try await client.signed("GET", "/api/v3/account", timestamp: Int64.max / 2)
            #expect(account.status == 400, "a far-future timestamp is refused, not overflowed: \(account.body)")
            let health = try await TestHTTP.send("GET", simulator.adminURL + "/health")
            #expect(health.status == 200)
        }
    }

    @Test func everyNumericAdminInputIsBoundedAndNamed() async throws {
        try await withSimulator { simulator in
            let cases: [(path: String, body: String, field: String)] = [
                ("/keys", #"{"exchange":"binance","expiresAt":9223372036854775807}"#, "expiresAt"),
                ("/keys", #"{"exchange":"binance","expiresAt":-1}"#, "expiresAt"),
                ("/markets/binance/BTC%2FUSDT/price", #"{"price":"99999999999999999999999999"}"#, "price"),
                ("/markets/binance/BTC%2FUSDT/price", #"{"price":"0.000000001"}"#, "price"),
                ("/markets/binance/BTC%2FUSDT/price", #"{"price":"1e30"}"#, "price"),
                ("/faults", #"{"exchange":"binance","kind":"error5xx","count":9223372036854775807}"#, "count"),
                ("/faults", #"{"exchange":"binance","kind":"latency","latencyMs":9223372036854775807}"#, "latencyMs"),
                ("/clock", #"{"skewMs":1e300}"#, "skewMs"),
            ]
            for (path, body, field) in cases {
                let answer = try await TestHTTP.postJSON(simulator.adminURL + path, body)
                #expect(answer.status == 400, "\(path) \(body): \(answer.status) \(answer.body)")
                #expect((answer.object["error"] as? String)?.contains(field) == true, "\(body): \(answer.body)")
            }
            // Trading still works at the edges that were accepted.
            let moved = try await TestHTTP.postJSON(
                simulator.adminURL + "/markets/binance/BTC%2FUSDT/price", #"{"price":"1000000"}"#)
            #expect(moved.status == 200, "\(moved.body)")
            let client = try await simulator.spotClient()
            let order = try await client.signed(
                "POST", "/api/v3/order",
                [("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "MARKET"), ("quantity", "0.001")])
            #expect(order.status == 200 || order.status == 400, "\(order.body)")
            let health = try await TestHTTP.send("GET", simulator.adminURL + "/health")
            #expect(health.status == 200)
        }
    }
}
