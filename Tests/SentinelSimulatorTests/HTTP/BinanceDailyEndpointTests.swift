import Foundation
import Testing
@testable import SentinelSimulator

/// The calls a bot and ccxt's default start-up make every day beyond orders: coins and margin pairs, candles,
/// best bid/ask, funding, order history, the public tape and fee rates (issue 15).
@Suite(.timeLimit(.minutes(5))) struct BinanceDailyEndpointTests {
    @Test func ccxtStartUpReadsCoinsMarginPairsAndAnEmptyCoinM() async throws {
        try await withSimulator { simulator in
            let spot = try await simulator.spotClient()
            let coins = try await spot.signed("GET", "/sapi/v1/capital/config/getall")
            #expect(coins.status == 200)
            #expect(coins.array.compactMap { $0["coin"] as? String } == ["BTC", "ETH", "USDT"])
            let usdt = try #require(coins.array.first { $0["coin"] as? String == "USDT" })
            #expect(usdt["free"] as? String == "10000.00000000")
            let networks = try #require(usdt["networkList"] as? [[String: Any]])
            #expect(Set(networks.compactMap { $0["network"] as? String }) == ["ETH", "TRX"])
            #expect(networks.filter { $0["isDefault"] as? Bool == true }.count == 1)
            #expect(networks.allSatisfy { $0["withdrawEnable"] as? Bool == true && $0["withdrawFee"] is String })
            // Signed: an unsigned call is refused as Binance refuses it.
            let unsigned = try await spot.get("/sapi/v1/capital/config/getall")
            #expect(unsigned.status == 401 && unsigned.code == -2014)

            // MARKET_DATA: the key header alone, no signature.
            let pairs = try await TestHTTP.send(
                "GET", spot.baseURL + "/sapi/v1/margin/allPairs", headers: ["X-MBX-APIKEY": spot.apiKey])
            #expect(pairs.status == 200)
            #expect(pairs.array.compactMap { $0["symbol"] as? String } == ["BTCUSDT", "ETHUSDT"])
            #expect(pairs.array.first?["isMarginTrade"] as? Bool == true)
            let anonymous = try await spot.get("/sapi/v1/margin/allPairs")
            #expect(anonymous.status == 401 && anonymous.code == -2014)
            let isolated = try await spot.signed("GET", "/sapi/v1/margin/isolated/allPairs", [("symbol", "ETHUSDT")])
            #expect(isolated.array.count == 1 && isolated.array.first?["base"] as? String == "ETH")

            let futures = try await simulator.futuresClient()
            let coinM = try await futures.get("/dapi/v1/exchangeInfo")
            #expect(coinM.status == 200)
            #expect((coinM.object["symbols"] as? [Any])?.isEmpty == true)
            #expect((coinM.object["rateLimits"] as? [Any])?.isEmpty == false)
        }
    }

    @Test func klinesJoinUpEndAtTheLivePriceAndValidateTheirParameters() async throws {
        let clock = SimulatorManualClock.startingNow()
        try await withSimulator(clock: clock) { simulator in
            let spot = try await simulator.spotClient()
            let hours = try await spot.get("/api/v3/klines", [("symbol", "BTCUSDT"), ("interval", "1h"), ("limit", "48")])
            let rows = try #require(hours.json as? [[Any]])
            #expect(rows.count == 48)
            for (earlier, later) in zip(rows, rows.dropFirst()) {
                #expect(later[0] as? Int64 == (earlier[0] as? Int64).map { $0 + 3_600_000 })
                #expect(later[1] as? String == earlier[4] as? String, "each candle opens at the previous close")
                #expect(earlier[6] as? Int64 == (earlier[0] as? Int64).map { $0 + 3_599_999 })
            }
            for row in rows {
                let open = try #require(Decimal(string: row[1] as? String ?? ""))
                let high = try #require(Decimal(string: row[2] as? String ?? ""))
                let low = try #require(Decimal(string: row[3] as? String ?? ""))
                let close = try #require(Decimal(string: row[4] as? String ?? ""))
                #expect(low <= min(open, close) && max(open, close) <= high)
            }
            let last = try #require(rows.last)
            let ticker = try await spot.get("/api/v3/ticker/price", [("symbol", "BTCUSDT")])
            #expect(last[4] as? String == ticker.object["price"] as? String, "the open candle closes at the live price")
            #expect((last[0] as? Int64).map { $0 <= clock.milliseconds && clock.milliseconds < $0 + 3_600_000 } == true)

            // A fill shows in its minute's candle: volume and trade count.
            try await simulator.setPrice(exchange: "binance", symbol: "BTCUSDT", price: "65000")
            let bought = try await spot.signed(
                "POST", "/api/v3/order",
                [("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "MARKET"), ("quantity", "0.01")], inBody: true)
            #expect(bought.object["status"] as? String == "FILLED")
            let minute = try await spot.get("/api/v3/klines", [("symbol", "BTCUSDT"), ("interval", "1m"), ("limit", "1")])
            let current = try #require((minute.json as? [[Any]])?.first)
            #expect(current[5] as? String == "0.01000000" && current[8] as? Int64 == 1)

            let from = try #require(rows.first?[0] as? Int64)
            let forward = try await spot.get(
                "/api/v3/klines", [("symbol", "BTCUSDT"), ("interval", "15m"), ("startTime", String(from + 1)), ("limit", "3")])
            #expect((forward.json as? [[Any]])?.first?[0] as? Int64 == from + 900_000, "from startTime forward, on the grid")
            let weekly = try await spot.get("/api/v3/klines", [("symbol", "BTCUSDT"), ("interval", "1w"), ("limit", "2")])
            let monday = try #require((weekly.json as? [[Any]])?.first?[0] as? Int64)
            #expect((monday / 86_400_000 + 3) % 7 == 0, "weeks open on Monday 00:00 UTC")

            let badInterval = try await spot.get("/api/v3/klines", [("symbol", "BTCUSDT"), ("interval", "7m")])
            #expect(badInterval.status == 400 && badInterval.code == -1120)
            let noInterval = try await spot.get("/api/v3/klines", [("symbol", "BTCUSDT")])
            #expect(noInterval.status == 400 && noInterval.code == -1102)
            let tooMany = try await spot.get("/api/v3/klines", [("symbol", "BTCUSDT"), ("interval", "1m"), ("limit", "1001")])
            #expect(tooMany.status == 400)

            let futures = try await simulator.futuresClient()
            let perpetual = try await futures.get(
                "/fapi/v1/klines", [("symbol", "BTCUSDT"), ("interval", "1d"), ("limit", "1500")])
            #expect((perpetual.json as? [[Any]])?.count == 1500)
            #expect(((perpetual.json as? [[Any]])?.last?[1] as? String)?.split(separator: ".").last?.count == 2)
        }
    }

    @Test func bookTickerAveragePriceFuturesTickerAndFunding() async throws {
        let clock = SimulatorManualClock.startingNow()
        try await withSimulator(clock: clock) { simulator in
            try await simulator.setPrice(exchange: "binance", symbol: "BTCUSDT", price: "65000")
            let spot = try await simulator.spotClient()
            let book = try await spot.get("/api/v3/ticker/bookTicker", [("symbol", "BTCUSDT")])
            #expect(book.object["bidPrice"] as? String == "64999.50000000")
            #expect(book.object["askPrice"] as? String == "65000.50000000")
            #expect(Set(book.object.keys) == ["symbol", "bidPrice", "bidQty", "askPrice", "askQty"])
            let average = try await spot.get("/api/v3/avgPrice", [("symbol", "BTCUSDT")])
            #expect(average.object["mins"] as? Int == 5 && average.object["price"] as? String == "65000.00000000")

            let futures = try await simulator.futuresClient()
            let ticker = try await futures.get("/fapi/v1/ticker/24hr", [("symbol", "BTCUSDT")])
            #expect(ticker.object["lastPrice"] as? String == "65000.00")
            #expect(ticker.object["bidPrice"] == nil, "USDⓈ-M's 24-hour ticker has no book")
            let all = try await futures.get("/fapi/v1/ticker/24hr")
            #expect(all.array.count == 2)
            let futuresBook = try await futures.get("/fapi/v1/ticker/bookTicker", [("symbol", "BTCUSDT")])
            #expect(futuresBook.object["time"] as? Int64 == clock.milliseconds)

            let premium = try await futures.get("/fapi/v1/premiumIndex", [("symbol", "BTCUSDT")])
            #expect(premium.object["markPrice"] as? String == "65000.00")
            let next = try #require(premium.object["nextFundingTime"] as? Int64)
            #expect(next % 28_800_000 == 0 && next > clock.milliseconds && next - clock.milliseconds <= 28_800_000)
            let history = try await futures.get("/fapi/v1/fundingRate", [("symbol", "BTCUSDT"), ("limit", "3")])
            let times = history.array.compactMap { $0["fundingTime"] as? Int64 }
            #expect(times.count == 3 && times == times.sorted() && times.last == next - 28_800_000)
            #expect(history.array.allSatisfy { $0["fundingRate"] as? String == "0.00010000" })
            let fromStart = try await futures.get(
                "/fapi/v1/fundingRate", [("symbol", "BTCUSDT"), ("startTime", String(times[0] - 1)), ("limit", "2")])
            #expect(fromStart.array.compactMap { $0["fundingTime"] as? Int64 } == Array(times.prefix(2)))
        }
    }

    @Test func orderHistoryTheTapeAndFeeRates() async throws {
        try await withSimulator { simulator in
            try await simulator.setPrice(exchange: "binance", symbol: "BTCUSDT", price: "65000")
            let spot = try await simulator.spotClient()
            let resting = try await spot.signed(
                "POST", "/api/v3/order", BinanceSpotOrderTests.limit("BUY", "60000", "0.01", id: "resting"), inBody: true)
            let restingID = try #require(resting.object["orderId"] as? Int64)
            _ = try await spot.signed("DELETE", "/api/v3/order", [("symbol", "BTCUSDT"), ("orderId", String(restingID))])
            let market = try await spot.signed(
                "POST", "/api/v3/order",
                [("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "MARKET"), ("quantity", "0.01")], inBody: true)
            #expect(market.object["status"] as? String == "FILLED")

            let history = try await spot.signed("GET", "/api/v3/allOrders", [("symbol", "BTCUSDT")])
            #expect(history.array.compactMap { $0["status"] as? String } == ["CANCELED", "FILLED"])
            let fromSecond = try await spot.signed(
                "GET", "/api/v3/allOrders", [("symbol", "BTCUSDT"), ("orderId", String(restingID + 1))])
            #expect(fromSecond.array.count == 1)
            let noSymbol = try await spot.signed("GET", "/api/v3/allOrders")
            #expect(noSymbol.status == 400 && noSymbol.code == -1102)

            // Another account sees the fill on the public tape; the buyer took a resting seller.
            let tape = try await spot.get("/api/v3/trades", [("symbol", "BTCUSDT")])
            #expect(tape.array.count == 1)
            #expect(tape.array.first?["isBuyerMaker"] as? Bool == false)
            #expect(tape.array.first?["qty"] as? String == "0.01000000")
            let aggregated = try await spot.get("/api/v3/aggTrades", [("symbol", "BTCUSDT")])
            #expect(aggregated.array.first?["m"] as? Bool == false && aggregated.array.first?["q"] as? String == "0.01000000")

            let commission = try await spot.signed("GET", "/api/v3/account/commission", [("symbol", "BTCUSDT")])
            #expect((commission.object["standardCommission"] as? [String: String])?["taker"] == "0.00100000")
            let tradeFee = try await spot.signed("GET", "/sapi/v1/asset/tradeFee", [("symbol", "BTCUSDT")])
            #expect(tradeFee.array.first?["makerCommission"] as? String == "0.001")

            let futures = try await simulator.futuresClient()
            let rate = try await futures.signed("GET", "/fapi/v1/commissionRate", [("symbol", "BTCUSDT")])
            #expect(rate.object["makerCommissionRate"] as? String == "0.0002")
            #expect(rate.object["takerCommissionRate"] as? String == "0.0005")
            let futuresHistory = try await futures.signed("GET", "/fapi/v1/allOrders", [("symbol", "BTCUSDT")])
            #expect(futuresHistory.status == 200 && futuresHistory.array.isEmpty)
        }
    }
}

/// Wire details that widely used clients run into (issue 15 §3).
@Suite(.timeLimit(.minutes(5))) struct BinanceWireDetailTests {
    @Test func mismatchedIDsDepthAboveTheMaximumAndLowerCaseBatchCancelNames() async throws {
        try await withSimulator { simulator in
            try await simulator.setPrice(exchange: "binance", symbol: "BTCUSDT", price: "65000")
            let spot = try await simulator.spotClient()
            let placed = try await spot.signed(
                "POST", "/api/v3/order", BinanceSpotOrderTests.limit("BUY", "60000", "0.01", id: "mine"), inBody: true)
            let id = try #require(placed.object["orderId"] as? Int64)
            let mismatch = try await spot.signed(
                "GET", "/api/v3/order", [("symbol", "BTCUSDT"), ("orderId", String(id)), ("origClientOrderId", "other")])
            #expect(mismatch.status == 400 && mismatch.code == -2039)
            let cancelMismatch = try await spot.signed(
                "DELETE", "/api/v3/order", [("symbol", "BTCUSDT"), ("orderId", String(id)), ("origClientOrderId", "other")])
            #expect(cancelMismatch.code == -2039)
            let agreeing = try await spot.signed(
                "GET", "/api/v3/order", [("symbol", "BTCUSDT"), ("orderId", String(id)), ("origClientOrderId", "mine")])
            #expect(agreeing.object["status"] as? String == "NEW")

            let deep = try await spot.get("/api/v3/depth", [("symbol", "BTCUSDT"), ("limit", "6000")])
            #expect(deep.status == 200 && (deep.object["bids"] as? [Any])?.isEmpty == false)
            let zero = try await spot.get("/api/v3/depth", [("symbol", "BTCUSDT"), ("limit", "0")])
            #expect(zero.status == 400)

            let futures = try await simulator.futuresClient()
            var ids: [Int64] = []
            for price in ["60000", "60001"] {
                let order = try await futures.signed(
                    "POST", "/fapi/v1/order",
                    BinanceFuturesTests.order("BUY", "LIMIT", "0.002", price: price, tif: "GTC"))
                ids.append(try #require(order.object["orderId"] as? Int64))
            }
            let cancelled = try await futures.signed(
                "DELETE", "/fapi/v1/batchOrders",
                [("symbol", "BTCUSDT"), ("orderidlist", "[\(ids.map(String.init).joined(separator: ","))]")])
            #expect(cancelled.array.compactMap { $0["status"] as? String } == ["CANCELED", "CANCELED"])
        }
    }

    @Test func anExpiredTradingAuthorityStopsSpotOrdersButNotFutures() async throws {
        let clock = SimulatorManualClock.startingNow()
        try await withSimulator(clock: clock) { simulator in
            try await simulator.setPrice(exchange: "binance", symbol: "BTCUSDT", price: "65000")
            let key = SimulatedKeyRequest(
                exchange: "binance", permissions: ["read", "trade", "futures"], expiresAt: clock.milliseconds - 1)
            let spot = try await simulator.binanceClient(key)
            let refused = try await spot.signed(
                "POST", "/api/v3/order", BinanceSpotOrderTests.limit("BUY", "60000", "0.01"), inBody: true)
            #expect(refused.status == 401 && refused.code == -2015)
            var futures = spot
            futures.baseURL = simulator.url(for: .binanceUSDM)
            let accepted = try await futures.signed(
                "POST", "/fapi/v1/order", BinanceFuturesTests.order("BUY", "LIMIT", "0.002", price: "60000", tif: "GTC"))
            #expect(accepted.status == 200, "\(accepted.body)")
        }
    }
}

/// The order caps Binance enforces besides rates: unfilled-order counts given back on fills (spot), NOTIONAL's
/// maximum, and MAX_NUM_ORDERS open orders a symbol (issue 15).
@Suite(.timeLimit(.minutes(5))) struct BinanceOrderCapTests {
    @Test func aFilledSpotOrderIsGivenBackToTheUnfilledCount() async throws {
        try await withSimulator { simulator in
            try await simulator.setPrice(exchange: "binance", symbol: "BTCUSDT", price: "65000")
            let spot = try await simulator.spotClient()
            let filled = try await spot.signed(
                "POST", "/api/v3/order", [("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "MARKET"), ("quantity", "0.001")],
                inBody: true)
            #expect(filled.headers["x-mbx-order-count-10s"] == "1")
            let resting = try await spot.signed(
                "POST", "/api/v3/order", BinanceSpotOrderTests.limit("BUY", "60000", "0.001"), inBody: true)
            #expect(resting.headers["x-mbx-order-count-10s"] == "1", "the filled order no longer counts")
            let next = try await spot.signed(
                "POST", "/api/v3/order", BinanceSpotOrderTests.limit("BUY", "60000", "0.001"), inBody: true)
            #expect(next.headers["x-mbx-order-count-10s"] == "2", "a resting order still counts")
            // Both resting orders fill when the market falls through them: each is given back at its first fill.
            try await simulator.setPrice(exchange: "binance", symbol: "BTCUSDT", price: "59000")
            let afterFills = try await spot.signed(
                "POST", "/api/v3/order", BinanceSpotOrderTests.limit("BUY", "50000", "0.001"), inBody: true)
            #expect(afterFills.headers["x-mbx-order-count-10s"] == "1", "resting orders that filled no longer count")
            let huge = try await spot.signed(
                "POST", "/api/v3/order", BinanceSpotOrderTests.limit("BUY", "60000", "200"), inBody: true)
            #expect(huge.code == -1013 && huge.message == "Filter failure: NOTIONAL")
        }
    }

    @Test func theTwoHundredAndFirstOpenFuturesOrderIsRefused() async throws {
        try await withSimulator { simulator in
            try await simulator.setPrice(exchange: "binance", symbol: "BTC/USDT:USDT", price: "65000")
            let futures = try await simulator.futuresClient()
            for index in 0..<200 {
                let placed = try await futures.signed(
                    "POST", "/fapi/v1/order",
                    BinanceFuturesTests.order("BUY", "LIMIT", "0.002", price: String(60000 - index), tif: "GTC"))
                try #require(placed.status == 200, "order \(index): \(placed.body)")
            }
            let capped = try await futures.signed(
                "POST", "/fapi/v1/order", BinanceFuturesTests.order("BUY", "LIMIT", "0.002", price: "59000", tif: "GTC"))
            #expect(capped.code == -2025 && capped.message == "Reach max open order limit.")
            let eth = try await futures.signed(
                "POST", "/fapi/v1/order",
                [("symbol", "ETHUSDT"), ("side", "BUY"), ("type", "LIMIT"), ("timeInForce", "GTC"), ("quantity", "0.010"),
                 ("price", "3000")])
            #expect(eth.status == 200, "the cap is per symbol")
        }
    }
}
