import Foundation
import Testing
@testable import SentinelSimulator

@Suite(.timeLimit(.minutes(5))) struct BinanceSpotOrderTests {
    static func limit(_ side: String, _ price: String, _ quantity: String, tif: String = "GTC", id: String? = nil)
        -> [(String, String)]
    {
        var parameters = [
            ("symbol", "BTCUSDT"), ("side", side), ("type", "LIMIT"), ("timeInForce", tif), ("quantity", quantity),
            ("price", price),
        ]
        if let id { parameters.append(("newClientOrderId", id)) }
        return parameters
    }

    func pinnedClient(_ simulator: RunningSimulator) async throws -> BinanceTestClient {
        try await simulator.setPrice(exchange: "binance", symbol: "BTCUSDT", price: "65000")
        return try await simulator.spotClient()
    }

    @Test func placeQueryListCancel() async throws {
        try await withSimulator { simulator in
            let client = try await pinnedClient(simulator)
            let placed = try await client.signed("POST", "/api/v3/order", Self.limit("BUY", "60000", "0.01", id: "my-order_1"), inBody: true)
            #expect(placed.status == 200)
            #expect(placed.object["status"] as? String == "NEW")
            #expect(placed.object["clientOrderId"] as? String == "my-order_1")
            #expect(placed.object["price"] as? String == "60000.00000000")
            #expect(placed.headers["x-mbx-order-count-10s"] == "1")
            #expect(placed.headers["x-mbx-order-count-1d"] == "1")
            try #expect(Fixture.keys("spot-order-placed").subtracting(["icebergQty"]).isSubset(of: Set(placed.object.keys)))
            let orderID = try #require(placed.object["orderId"] as? Int64)

            let account = try await client.signed("GET", "/api/v3/account")
            let usdt = (account.object["balances"] as? [[String: String]])?.first { $0["asset"] == "USDT" }
            #expect(usdt?["free"] == "9400.00000000" && usdt?["locked"] == "600.00000000")

            let byID = try await client.signed("GET", "/api/v3/order", [("symbol", "BTCUSDT"), ("orderId", String(orderID))])
            #expect(byID.object["status"] as? String == "NEW")
            try #expect(Fixture.keys("spot-order-queried").isSubset(of: Set(byID.object.keys)))
            let byClientID = try await client.signed(
                "GET", "/api/v3/order", [("symbol", "BTCUSDT"), ("origClientOrderId", "my-order_1")])
            #expect(byClientID.object["orderId"] as? Int64 == orderID)
            let mismatch = try await client.signed(
                "GET", "/api/v3/order", [("symbol", "BTCUSDT"), ("orderId", String(orderID)), ("origClientOrderId", "other")])
            #expect(mismatch.code == -2039)
            let neither = try await client.signed("GET", "/api/v3/order", [("symbol", "BTCUSDT")])
            #expect(neither.code == -1102)

            let open = try await client.signed("GET", "/api/v3/openOrders", [("symbol", "BTCUSDT")])
            #expect(open.array.count == 1)
            #expect(open.headers["x-mbx-used-weight-1m"] != nil)
            try #expect(Fixture.keys("spot-open-orders").isSubset(of: Set(open.array[0].keys)))
            #expect(try await client.signed("GET", "/api/v3/openOrders").array.count == 1)

            let cancelled = try await client.signed(
                "DELETE", "/api/v3/order", [("symbol", "BTCUSDT"), ("origClientOrderId", "my-order_1")])
            #expect(cancelled.object["status"] as? String == "CANCELED")
            #expect(cancelled.object["origClientOrderId"] as? String == "my-order_1")
            #expect(try await client.signed("GET", "/api/v3/openOrders").array.isEmpty)
            let afterCancel = try await client.signed("GET", "/api/v3/account")
            let released = (afterCancel.object["balances"] as? [[String: String]])?.first { $0["asset"] == "USDT" }
            #expect(released?["free"] == "10000.00000000")
        }
    }

    @Test func cancelAllOpenOrders() async throws {
        try await withSimulator { simulator in
            let client = try await pinnedClient(simulator)
            for index in 0..<3 {
                _ = try await client.signed("POST", "/api/v3/order", Self.limit("BUY", "6000\(index)", "0.01"))
            }
            let cancelled = try await client.signed("DELETE", "/api/v3/openOrders", [("symbol", "BTCUSDT")])
            #expect(cancelled.array.count == 3)
            #expect(cancelled.array.allSatisfy { $0["status"] as? String == "CANCELED" })
            let none = try await client.signed("DELETE", "/api/v3/openOrders", [("symbol", "BTCUSDT")])
            #expect(none.code == -2011)
        }
    }

    @Test func marketOrderWalksTheLadder() async throws {
        try await withSimulator { simulator in
            let client = try await pinnedClient(simulator)
            let market = try await client.signed(
                "POST", "/api/v3/order", [("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "MARKET"), ("quantity", "0.1")])
            #expect(market.object["status"] as? String == "FILLED")
            let fills = try #require(market.object["fills"] as? [[String: Any]])
            #expect(fills.compactMap { $0["price"] as? String } == ["65000.50000000", "65001.00000000", "65001.50000000"])
            #expect(fills.compactMap { $0["qty"] as? String } == ["0.02000000", "0.04000000", "0.04000000"])
            #expect(fills.allSatisfy { $0["commissionAsset"] as? String == "BTC" })
            #expect(market.object["cummulativeQuoteQty"] as? String == "6500.11000000")
            let trades = try await client.signed("GET", "/api/v3/myTrades", [("symbol", "BTCUSDT")])
            #expect(trades.array.count == 3)
            try #expect(Fixture.keys("spot-my-trades").isSubset(of: Set(trades.array[0].keys)))
            let account = try await client.signed("GET", "/api/v3/account")
            let balances = try #require(account.object["balances"] as? [[String: String]])
            #expect(balances.first { $0["asset"] == "BTC" }?["free"] == "1.09990000")
            #expect(balances.first { $0["asset"] == "USDT" }?["free"] == "3499.89000000")
            // The next buyer finds the first levels consumed.
            let depth = try await client.get("/api/v3/depth", [("symbol", "BTCUSDT"), ("limit", "1")])
            #expect((depth.object["asks"] as? [[String]])?.first == ["65001.50000000", "0.02000000"])
            let byQuote = try await client.signed(
                "POST", "/api/v3/order", [("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "MARKET"), ("quoteOrderQty", "100")])
            #expect(byQuote.object["status"] as? String == "FILLED", "\(byQuote.body)")
        }
    }

    @Test func thinLadderFillsPartially() async throws {
        try await withSimulator { simulator in
            let client = try await pinnedClient(simulator)
            let ioc = try await client.signed("POST", "/api/v3/order", Self.limit("BUY", "65001.00", "0.1", tif: "IOC"))
            #expect(ioc.object["status"] as? String == "EXPIRED")
            #expect(ioc.object["executedQty"] as? String == "0.06000000")
            let fok = try await client.signed("POST", "/api/v3/order", Self.limit("BUY", "65001.50", "0.09", tif: "FOK"))
            #expect(fok.object["status"] as? String == "EXPIRED")
            #expect(fok.object["executedQty"] as? String == "0.00000000")
            let gtc = try await client.signed("POST", "/api/v3/order", Self.limit("SELL", "64999.00", "0.1"))
            #expect(gtc.object["status"] as? String == "PARTIALLY_FILLED")
            #expect(gtc.object["executedQty"] as? String == "0.06000000")
            #expect(try await client.signed("GET", "/api/v3/openOrders").array.count == 1)
        }
    }

    @Test func filterFailures() async throws {
        try await withSimulator { simulator in
            let client = try await pinnedClient(simulator)
            func reject(_ price: String, _ quantity: String) async throws -> (Int?, String?) {
                let answer = try await client.signed("POST", "/api/v3/order", Self.limit("BUY", price, quantity))
                #expect(answer.status == 400)
                return (answer.code, answer.message)
            }
            #expect(try await reject("60000.001", "0.01") == (-1013, "Filter failure: PRICE_FILTER"))
            #expect(try await reject("60000", "0.000015") == (-1013, "Filter failure: LOT_SIZE"))
            #expect(try await reject("60000", "9001") == (-1013, "Filter failure: LOT_SIZE"))
            #expect(try await reject("60000", "0.00001") == (-1013, "Filter failure: NOTIONAL"))
            #expect(try await reject("400000", "0.001") == (-1013, "Filter failure: PERCENT_PRICE_BY_SIDE"))
            #expect(try await reject("60000", "0.000000001") == (-1111, "Parameter 'quantity' has too much precision."))
            #expect(try await reject("60000", "1") == (-2010, "Account has insufficient balance for requested action."))
            #expect(try await reject("60000", "1,5").0 == -1100)
            let marketTooBig = try await client.signed(
                "POST", "/api/v3/order", [("symbol", "BTCUSDT"), ("side", "SELL"), ("type", "MARKET"), ("quantity", "101")])
            #expect(marketTooBig.message == "Filter failure: MARKET_LOT_SIZE")
        }
    }

    @Test func orderRequestRefusals() async throws {
        try await withSimulator { simulator in
            let client = try await pinnedClient(simulator)
            let first = try await client.signed("POST", "/api/v3/order", Self.limit("BUY", "60000", "0.01", id: "dup"))
            #expect(first.status == 200)
            let duplicate = try await client.signed("POST", "/api/v3/order", Self.limit("BUY", "60000", "0.01", id: "dup"))
            #expect(duplicate.code == -2010 && duplicate.message == "Duplicate order sent.")
            let tooLong = try await client.signed(
                "POST", "/api/v3/order", Self.limit("BUY", "60000", "0.01", id: String(repeating: "a", count: 37)))
            #expect(tooLong.code == -1100)
            #expect(tooLong.message == "Illegal characters found in parameter 'newClientOrderId'; legal range is '^[a-zA-Z0-9-_]{1,36}$'.")
            let maker = try await client.signed(
                "POST", "/api/v3/order", [("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "LIMIT_MAKER"), ("quantity", "0.01"),
                                         ("price", "65100")])
            #expect(maker.code == -2010 && maker.message == "Order would immediately match and take.")
            let restingMaker = try await client.signed(
                "POST", "/api/v3/order", [("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "LIMIT_MAKER"), ("quantity", "0.01"),
                                         ("price", "64000")])
            // LIMIT_MAKER answers ACK unless asked otherwise (FULL is the default only for LIMIT and MARKET).
            #expect(Set(restingMaker.object.keys) == ["symbol", "orderId", "orderListId", "clientOrderId", "transactTime"])
            let restingResult = try await client.signed(
                "POST", "/api/v3/order", [("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "LIMIT_MAKER"), ("quantity", "0.01"),
                                         ("price", "64000"), ("newOrderRespType", "RESULT")])
            #expect(restingResult.object["type"] as? String == "LIMIT_MAKER")
            let badSymbol = try await client.signed("POST", "/api/v3/order", [("symbol", "XYZ"), ("side", "BUY")])
            #expect(badSymbol.code == -1121)
            let noPrice = try await client.signed(
                "POST", "/api/v3/order", [("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "LIMIT"), ("timeInForce", "GTC"),
                                         ("quantity", "0.01")])
            #expect(noPrice.code == -1102)
            let unknownQuery = try await client.signed("GET", "/api/v3/order", [("symbol", "BTCUSDT"), ("orderId", "12345")])
            #expect(unknownQuery.status == 400 && unknownQuery.code == -2013 && unknownQuery.message == "Order does not exist.")
            let unknownCancel = try await client.signed("DELETE", "/api/v3/order", [("symbol", "BTCUSDT"), ("orderId", "12345")])
            #expect(unknownCancel.code == -2011 && unknownCancel.message == "Unknown order sent.")
        }
    }

    @Test func testOrderValidatesWithoutPlacing() async throws {
        try await withSimulator { simulator in
            let client = try await pinnedClient(simulator)
            let valid = try await client.signed("POST", "/api/v3/order/test", Self.limit("BUY", "60000", "0.01"))
            #expect(valid.status == 200 && valid.body == "{}")
            #expect(try await client.signed("GET", "/api/v3/openOrders").array.isEmpty)
            let invalid = try await client.signed("POST", "/api/v3/order/test", Self.limit("BUY", "60000.001", "0.01"))
            #expect(invalid.message == "Filter failure: PRICE_FILTER")
        }
    }

    @Test func orderCountLimit() async throws {
        try await withSimulator { simulator in
            let client = try await pinnedClient(simulator)
            // 50 orders per fixed 10 s window: the loop may straddle a window boundary (or a loaded machine may
            // slow it), so it sends until the refusal comes, within three windows' worth.
            var last = HTTPAnswer(status: 0, headers: [:], body: "")
            for _ in 0..<151 {
                last = try await client.signed("POST", "/api/v3/order", Self.limit("BUY", "60000", "0.0001"))
                if last.status != 200 { break }
            }
            #expect(last.status == 429 && last.code == -1015)
            #expect(last.headers["retry-after"] != nil)
        }
    }
}
