import Foundation
import Testing
@testable import SentinelSimulator

@Suite(.timeLimit(.minutes(5))) struct AdminAPITests {
    @Test func keysWithDefaultsAndPassphrases() async throws {
        try await withSimulator { simulator in
            let binance = try await TestHTTP.postJSON(simulator.adminURL + "/keys", #"{"exchange":"binance"}"#)
            #expect(binance.status == 200)
            #expect((binance.object["apiKey"] as? String)?.count == 64)
            #expect((binance.object["secret"] as? String)?.count == 64)
            #expect(binance.object["passphrase"] == nil)
            let okx = try await TestHTTP.postJSON(simulator.adminURL + "/keys", #"{"exchange":"okx","environment":"demo"}"#)
            #expect((okx.object["passphrase"] as? String)?.isEmpty == false)
            let health = try await TestHTTP.send("GET", simulator.adminURL + "/health")
            #expect(health.object["ok"] as? Bool == true)
        }
    }

    @Test func badInputIsRefusedWithAReason() async throws {
        try await withSimulator { simulator in
            let cases = [
                #"{"exchange":"ftx"}"#, #"{"permissions":["read"]}"#, #"{"exchange":"binance","permissions":["root"]}"#,
                #"{"exchange":"binance","ipWhitelist":["not-an-ip"]}"#, #"{"exchange":"binance","keyType":"ed25519"}"#,
                #"{"exchange":"binance-us","environment":"demo"}"#, #"{"exchange":"binance","expiresAt":"soon"}"#,
                #"{"exchange":"binance","colour":"blue"}"#, "not json",
            ]
            for body in cases {
                let answer = try await TestHTTP.postJSON(simulator.adminURL + "/keys", body)
                #expect(answer.status == 400, "\(body)")
                #expect((answer.object["error"] as? String)?.isEmpty == false, "\(body)")
            }
            let badFault = try await TestHTTP.postJSON(simulator.adminURL + "/faults", #"{"exchange":"binance","kind":"meteor"}"#)
            #expect(badFault.status == 400)
            let badClock = try await TestHTTP.postJSON(simulator.adminURL + "/clock", #"{"skewMs":"late"}"#)
            #expect(badClock.status == 400)
            let badPrice = try await TestHTTP.postJSON(simulator.adminURL + "/markets/binance/DOGEUSDT/price", #"{"price":"1"}"#)
            #expect(badPrice.status == 400)
            let unknown = try await TestHTTP.send("GET", simulator.adminURL + "/nothing")
            #expect(unknown.status == 404)
        }
    }

    @Test func theDefaultClockIsTheHosts() async throws {
        try await withSimulator(clock: nil) { simulator in
            let before = BinanceTestClient.nowMilliseconds()
            let time = try await TestHTTP.send("GET", simulator.url(for: .binance) + "/api/v3/time")
            let after = BinanceTestClient.nowMilliseconds()
            let serverTime = try #require(time.object["serverTime"] as? Int64)
            #expect(before <= serverTime && serverTime <= after, "\(before) ≤ \(serverTime) ≤ \(after)")
        }
    }

    @Test func clockFaultsAndPrices() async throws {
        let manual = SimulatorManualClock(startingAt: 1_800_000_000_000)
        try await withSimulator(clock: manual) { simulator in
            let clock = try await TestHTTP.postJSON(simulator.adminURL + "/clock", #"{"skewMs":-30000}"#)
            #expect(clock.status == 200)
            let time = try await TestHTTP.send("GET", simulator.url(for: .binance) + "/api/v3/time")
            let serverTime = try #require(time.object["serverTime"] as? Int64)
            #expect(serverTime == 1_800_000_000_000 - 30_000)

            let moved = try await TestHTTP.postJSON(simulator.adminURL + "/markets/binance/BTC%2FUSDT/price", #"{"price":"50000"}"#)
            #expect(moved.status == 200, "\(moved.body)")
            let ticker = try await TestHTTP.send("GET", simulator.url(for: .binance) + "/api/v3/ticker/price?symbol=BTCUSDT")
            #expect(ticker.object["price"] as? String == "50000.00000000")
            let perpetual = try await TestHTTP.send("GET", simulator.url(for: .binanceUSDM) + "/fapi/v1/ticker/price?symbol=BTCUSDT")
            #expect(perpetual.status == 200, "\(perpetual.body)")
            let perpetualPrice = try #require(perpetual.object["price"] as? String)
            #expect(perpetualPrice != "50000.00", "BTC/USDT moves the spot market only")

            let fault = try await TestHTTP.postJSON(simulator.adminURL + "/faults", #"{"exchange":"binance","kind":"error5xx"}"#)
            #expect(fault.status == 200)
            #expect(try await TestHTTP.send("GET", simulator.url(for: .binance) + "/api/v3/ping").status == 503)
            #expect(try await TestHTTP.send("DELETE", simulator.adminURL + "/faults").status == 200)
            #expect(try await TestHTTP.send("GET", simulator.url(for: .binance) + "/api/v3/ping").status == 200)
        }
    }

    @Test func parallelSimulatorsAndTheReadyLine() async throws {
        try await withSimulator(clock: SimulatorManualClock(startingAt: 1_800_000_000_000)) { first in
            try await withSimulator(seed: 7, clock: SimulatorManualClock(startingAt: 1_800_000_000_000)) { second in
                #expect(first.adminURL != second.adminURL)
                let ready = try #require(
                    try JSONSerialization.jsonObject(with: Data(first.readyLine.utf8)) as? [String: Any])
                #expect(ready["ready"] as? Bool == true)
                #expect(ready["admin"] as? String == first.adminURL)
                let venues = try #require(ready["venues"] as? [String: String])
                #expect(Set(venues.keys) == Set(SimulatorVenue.allCases.map(\.rawValue)))
                await first.setClockSkew(milliseconds: 3_600_000)
                let skewed = try await TestHTTP.send("GET", first.url(for: .binance) + "/api/v3/time")
                let normal = try await TestHTTP.send("GET", second.url(for: .binance) + "/api/v3/time")
                let difference = (skewed.object["serverTime"] as? Int64 ?? 0) - (normal.object["serverTime"] as? Int64 ?? 0)
                #expect(difference == 3_600_000, "each simulator has its own clock")
            }
        }
    }

    @Test func refusesPublicInterfacesAndBusyPorts() async throws {
        await #expect(throws: SimulatorError.notLoopback(host: "0.0.0.0")) {
            _ = try await RunningSimulator.start(SimulatorConfiguration(host: "0.0.0.0", portBase: 28_900))
        }
        try await withSimulator { simulator in
            let adminPort = try #require(Int(simulator.adminURL.split(separator: ":").last ?? ""))
            let base = adminPort - SimulatorVenue.adminPortOffset
            try #require(base > 0, "the admin port \(adminPort) leaves no room for a port base")
            await #expect(throws: SimulatorError.self) {
                _ = try await RunningSimulator.start(SimulatorConfiguration(portBase: base))
            }
        }
    }
}
