import Foundation
import Testing
@testable import SentinelSimulator

@Suite(.timeLimit(.minutes(5))) struct BinancePublicEndpointTests {
    @Test func spotPublicEndpoints() async throws {
        // The weight counter is read across requests: a clock that stands still keeps them in one window.
        let clock = SimulatorManualClock.startingNow()
        try await withSimulator(clock: clock) { simulator in
            let client = try await simulator.spotClient()
            let ping = try await client.get("/api/v3/ping")
            #expect(ping.status == 200 && ping.body == "{}")
            #expect(ping.headers["x-mbx-used-weight-1m"] == "1")
            let time = try await client.get("/api/v3/time")
            let serverTime = try #require(time.object["serverTime"] as? Int64)
            #expect(serverTime == clock.milliseconds)
            #expect(time.headers["x-mbx-used-weight-1m"] == "2")

            let info = try await client.get("/api/v3/exchangeInfo")
            let symbols = try #require(info.object["symbols"] as? [[String: Any]])
            #expect(symbols.compactMap { $0["symbol"] as? String } == ["BTCUSDT", "ETHUSDT"])
            let filters = try #require(symbols.first?["filters"] as? [[String: Any]])
            #expect(filters.contains { $0["filterType"] as? String == "PRICE_FILTER" && $0["tickSize"] as? String == "0.01000000" })
            #expect(filters.contains { $0["filterType"] as? String == "NOTIONAL" })
            #expect(info.headers["x-mbx-used-weight-1m"] == "22")
            let one = try await client.get("/api/v3/exchangeInfo", [("symbol", "ETHUSDT")])
            #expect((one.object["symbols"] as? [Any])?.count == 1)
            let unknown = try await client.get("/api/v3/exchangeInfo", [("symbol", "DOGEUSDT")])
            #expect(unknown.status == 400 && unknown.code == -1121)

            try await simulator.setPrice(exchange: "binance", symbol: "BTC/USDT", price: "65000")
            let depth = try await client.get("/api/v3/depth", [("symbol", "BTCUSDT"), ("limit", "5")])
            #expect((depth.object["bids"] as? [[String]])?.first == ["64999.50000000", "0.02000000"])
            #expect((depth.object["asks"] as? [[String]])?.count == 5)
            #expect(depth.object["lastUpdateId"] is Int)
            try #expect(Set(depth.object.keys) == Fixture.keys("spot-depth"))

            let ticker = try await client.get("/api/v3/ticker/24hr", [("symbol", "BTCUSDT")])
            #expect(ticker.object["lastPrice"] as? String == "65000.00000000")
            try #expect(Fixture.keys("spot-ticker-24hr").isSubset(of: Set(ticker.object.keys)))
            let all = try await client.get("/api/v3/ticker/24hr")
            #expect(all.array.count == 2)
            let price = try await client.get("/api/v3/ticker/price", [("symbol", "BTCUSDT")])
            #expect(price.object["price"] as? String == "65000.00000000")
            let listed = try await client.get("/api/v3/ticker/price", [("symbols", "[\"BTCUSDT\",\"ETHUSDT\"]")])
            #expect(listed.array.count == 2)

            let missing = try await client.get("/api/v3/historicalTrades")
            #expect(missing.status == 404 && missing.code == -5000)
        }
    }

    @Test func futuresPublicEndpoints() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.futuresClient()
            let time = try await client.get("/fapi/v1/time")
            #expect(time.object["serverTime"] is Int64)
            let info = try await client.get("/fapi/v1/exchangeInfo")
            let symbols = try #require(info.object["symbols"] as? [[String: Any]])
            #expect(symbols.allSatisfy { $0["contractType"] as? String == "PERPETUAL" && $0["marginAsset"] as? String == "USDT" })
            let filters = try #require(symbols.first?["filters"] as? [[String: Any]])
            #expect(filters.contains { $0["filterType"] as? String == "MIN_NOTIONAL" && $0["notional"] as? String == "100" })
            try await simulator.setPrice(exchange: "binance", symbol: "BTC/USDT:USDT", price: "65000")
            let depth = try await client.get("/fapi/v1/depth", [("symbol", "BTCUSDT"), ("limit", "5")])
            #expect((depth.object["asks"] as? [[String]])?.first == ["65000.50", "0.050"])
            try #expect(Set(depth.object.keys) == Fixture.keys("futures-depth"))
            let badLimit = try await client.get("/fapi/v1/depth", [("symbol", "BTCUSDT"), ("limit", "7")])
            #expect(badLimit.status == 400 && badLimit.code == -1102)
            let price = try await client.get("/fapi/v1/ticker/price", [("symbol", "BTCUSDT")])
            #expect(price.object["price"] as? String == "65000.00")
            let spotPathOnFutures = try await client.get("/api/v3/time")
            #expect(spotPathOnFutures.status == 404)
        }
    }

    @Test func everyListenerAnswersAnotherExchangesPathWithItsOwn404() async throws {
        try await withSimulator { simulator in
            // Another exchange's path is KuCoin's own 404, never a borrowed answer.
            for venue in [SimulatorVenue.kucoin, .kucoinFutures] {
                let answer = try await TestHTTP.send("GET", simulator.url(for: venue) + "/api/v5/public/time")
                #expect(answer.status == 404 && answer.object["code"] as? String == "404000")
            }
        }
    }
}
