import Foundation
import SentinelCore
import Testing
@testable import SentinelSimulator

/// Bybit V5 market data, wallet, positions and orders over HTTP, in the exchange's shapes.
@Suite struct BybitTradingTests {
    @Test func publicMarketDataOnEveryEnvironment() async throws {
        try await withSimulator { simulator in
            for prefix in ["", "/testnet", "/demo"] {
                let client = BybitTestClient(
                    baseURL: simulator.url(for: .bybit) + prefix, apiKey: "", signer: .hmac(secret: ""))
                let time = try await client.get("/v5/market/time")
                #expect(time.retCode == 0 && time.retMsg == "OK")
                #expect((time.result["timeSecond"] as? String)?.count == 10)
                #expect(time.object["time"] is Int && time.object["retExtInfo"] is [String: Any])
                let spot = try await client.get("/v5/market/instruments-info", query: "category=spot").list
                let btc = try #require(spot.first { $0["symbol"] as? String == "BTCUSDT" })
                let lot = try #require(btc["lotSizeFilter"] as? [String: String])
                #expect(lot["basePrecision"] == "0.00001" && lot["minOrderAmt"] == "5")
                #expect((btc["priceFilter"] as? [String: String])?["tickSize"] == "0.01")
                let linear = try await client.get("/v5/market/instruments-info", query: "category=linear").list
                let perpetual = try #require(linear.first { $0["symbol"] as? String == "BTCUSDT" })
                #expect(perpetual["contractType"] as? String == "LinearPerpetual")
                #expect(perpetual["settleCoin"] as? String == "USDT")
                #expect((perpetual["lotSizeFilter"] as? [String: String])?["qtyStep"] == "0.001")
                #expect((perpetual["lotSizeFilter"] as? [String: String])?["minNotionalValue"] == "100")
                for category in ["inverse", "option"] {
                    let empty = try await client.get("/v5/market/instruments-info", query: "category=" + category)
                    #expect(empty.retCode == 0 && empty.list.isEmpty)
                }
                let book = try await client.get("/v5/market/orderbook", query: "category=linear&symbol=BTCUSDT").result
                #expect((book["b"] as? [[String]])?.count == 20 && (book["a"] as? [[String]])?.count == 20)
                #expect(book["s"] as? String == "BTCUSDT" && book["u"] is Int && book["seq"] is Int)
                let spotBook = try await client.get("/v5/market/orderbook", query: "category=spot&symbol=BTCUSDT")
                #expect((spotBook.result["b"] as? [[String]])?.count == 1, "spot depth defaults to 1")
                let ticker = try await client.get("/v5/market/tickers", query: "category=linear&symbol=BTCUSDT").list
                #expect(ticker.first?["markPrice"] is String && ticker.first?["bid1Price"] is String)
            }
        }
    }

    @Test func badRequestsGetEnvelopes() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.bybitClient()
            let noCategory = try await client.get("/v5/market/instruments-info")
            #expect(noCategory.status == 200 && noCategory.retCode == 10001)
            let badCategory = try await client.get("/v5/market/tickers", query: "category=futures")
            #expect(badCategory.retCode == 10001)
            let unknownSymbol = try await client.get("/v5/market/orderbook", query: "category=spot&symbol=DOGEUSDT")
            #expect(unknownSymbol.retCode == 170121)
            let route = try await client.get("/v5/market/nothing")
            #expect(route.status == 404 && route.retCode == 10017)
            let notJSON = try await client.signedPost("/v5/order/create", body: "category=spot")
            #expect(notJSON.status == 200 && notJSON.retCode == 10001)
            let wallet = try await client.signedGet("/v5/account/wallet-balance", query: "accountType=SPOT")
            #expect(wallet.retCode == 10001)
        }
    }

    @Test func spotOrderLifecycleByClientID() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.bybitClient()
            let order =
                #"{"category":"spot","symbol":"BTCUSDT","side":"Buy","orderType":"Limit","qty":"0.001","price":"62000","timeInForce":"GTC","orderLinkId":"far-1"}"#
            let placed = try await client.signedPost("/v5/order/create", body: order)
            #expect(placed.retCode == 0, "\(placed.body)")
            #expect(placed.result["orderLinkId"] as? String == "far-1")
            let orderID = try #require(placed.result["orderId"] as? String)
            #expect(placed.headers["x-bapi-limit"] == "20")
            let duplicate = try await client.signedPost("/v5/order/create", body: order)
            #expect(duplicate.retCode == 170141)
            let open = try await client.signedGet("/v5/order/realtime", query: "category=spot&orderLinkId=far-1").list
            #expect(open.count == 1 && open.first?["orderStatus"] as? String == "New")
            #expect(open.first?["orderId"] as? String == orderID && open.first?["leavesQty"] as? String == "0.001")
            let wallet = try await client.signedGet("/v5/account/wallet-balance", query: "accountType=UNIFIED&coin=USDT")
            let usdt = try #require((wallet.list.first?["coin"] as? [[String: Any]])?.first)
            #expect((usdt["locked"] as? String).flatMap { ExactDecimal(exactly: $0) } == 62)
            let cancelled = try await client.signedPost(
                "/v5/order/cancel", body: #"{"category":"spot","symbol":"BTCUSDT","orderLinkId":"far-1"}"#)
            #expect(cancelled.retCode == 0 && cancelled.result["orderId"] as? String == orderID)
            let again = try await client.signedPost(
                "/v5/order/cancel", body: #"{"category":"spot","symbol":"BTCUSDT","orderId":"\#(orderID)"}"#)
            #expect(again.retCode == 170213)
            let byID = try await client.signedGet("/v5/order/realtime", query: "category=spot&orderId=" + orderID).list
            #expect(byID.first?["orderStatus"] as? String == "Cancelled")
            #expect(try await client.signedGet("/v5/order/realtime", query: "category=spot").list.isEmpty)
            let history = try await client.signedGet("/v5/order/history", query: "category=spot").list
            #expect(history.first?["orderLinkId"] as? String == "far-1")
            let spacedFilter = try await client.signedPost(
                "/v5/order/create",
                body: #"{"category": "spot", "symbol": "BTCUSDT", "side": "Buy", "orderType": "Limit", "qty": "0.001001", "price": "62000"}"#)
            #expect(spacedFilter.retCode == 170137, "not a multiple of basePrecision")
        }
    }

    @Test func linearPositionAndLeverage() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.bybitClient()
            let leverage = try await client.signedPost(
                "/v5/position/set-leverage",
                body: #"{"category":"linear","symbol":"BTCUSDT","buyLeverage":"10","sellLeverage":"10"}"#)
            #expect(leverage.retCode == 0)
            let same = try await client.signedPost(
                "/v5/position/set-leverage",
                body: #"{"category":"linear","symbol":"BTCUSDT","buyLeverage":"10","sellLeverage":"10"}"#)
            #expect(same.retCode == 110043)
            let market = try await client.signedPost(
                "/v5/order/create",
                body: #"{"category":"linear","symbol":"BTCUSDT","side":"Buy","orderType":"Market","qty":"0.002","orderLinkId":"open-1"}"#)
            #expect(market.retCode == 0, "\(market.body)")
            let positions = try await client.signedGet("/v5/position/list", query: "category=linear&settleCoin=USDT").list
            let position = try #require(positions.first)
            #expect(position["symbol"] as? String == "BTCUSDT" && position["side"] as? String == "Buy")
            #expect(position["size"] as? String == "0.002" && position["leverage"] as? String == "10")
            let missing = try await client.signedGet("/v5/position/list", query: "category=linear")
            #expect(missing.retCode == 10001)
            let reduce = try await client.signedPost(
                "/v5/order/create",
                body: #"{"category":"linear","symbol":"ETHUSDT","side":"Sell","orderType":"Market","qty":"0.01","reduceOnly":true}"#)
            #expect(reduce.retCode == 110017)
            let duplicate = try await client.signedPost(
                "/v5/order/create",
                body: #"{"category":"linear","symbol":"BTCUSDT","side":"Sell","orderType":"Market","qty":"0.002","orderLinkId":"open-1"}"#)
            #expect(duplicate.retCode == 110072)
        }
    }

    @Test func batchesAnswerPerItem() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.bybitClient()
            let body = #"""
                {"category":"linear","request":[
                {"symbol":"BTCUSDT","side":"Buy","orderType":"Limit","qty":"0.002","price":"60000","orderLinkId":"b-1"},
                {"symbol":"BTCUSDT","side":"Buy","orderType":"Limit","qty":"0.0001","price":"60000","orderLinkId":"b-2"}]}
                """#
            let answer = try await client.signedPost("/v5/order/create-batch", body: body)
            #expect(answer.retCode == 0)
            #expect(answer.list.count == 2 && answer.list[0]["orderLinkId"] as? String == "b-1")
            #expect((answer.list[0]["orderId"] as? String)?.isEmpty == false)
            #expect(answer.list[1]["orderId"] as? String == "")
            let codes = try #require((answer.object["retExtInfo"] as? [String: Any])?["list"] as? [[String: Any]])
            #expect(codes.map { $0["code"] as? Int } == [0, 10001])
            #expect(answer.headers["x-bapi-limit-status"] == "8", "each order of a batch spends one unit")
            let cancel = try await client.signedPost(
                "/v5/order/cancel-batch",
                body: #"{"category":"linear","request":[{"symbol":"BTCUSDT","orderLinkId":"b-1"},{"symbol":"BTCUSDT","orderLinkId":"b-9"}]}"#)
            let cancelCodes = try #require((cancel.object["retExtInfo"] as? [String: Any])?["list"] as? [[String: Any]])
            #expect(cancelCodes.map { $0["code"] as? Int } == [0, 110001])
            _ = try await client.signedPost(
                "/v5/order/create",
                body: #"{"category":"linear","symbol":"ETHUSDT","side":"Sell","orderType":"Limit","qty":"0.01","price":"3300","orderLinkId":"c-1"}"#)
            let all = try await client.signedPost("/v5/order/cancel-all", body: #"{"category":"linear","settleCoin":"USDT"}"#)
            #expect(all.retCode == 0 && all.list.map { $0["orderLinkId"] as? String } == ["c-1"])
            #expect(all.result["success"] as? String == "1")
        }
    }

    @Test func ccxtStartUpEndpoints() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.bybitClient()
            let info = try await client.signedGet("/v5/account/info")
            #expect(info.retCode == 0 && info.result["unifiedMarginStatus"] as? Int == 6)
            let coins = try await client.signedGet("/v5/asset/coin/query-info")
            #expect((coins.result["rows"] as? [[String: Any]])?.count == 3)
            let wallet = try await client.signedGet("/v5/account/wallet-balance", query: "accountType=UNIFIED")
            let account = try #require(wallet.list.first)
            #expect(account["accountType"] as? String == "UNIFIED")
            let coinList = try #require(account["coin"] as? [[String: Any]])
            let usdt = try #require(coinList.first { $0["coin"] as? String == "USDT" })
            #expect(usdt["walletBalance"] as? String == "20000", "spot and derivatives funds in one wallet")
        }
    }
}
