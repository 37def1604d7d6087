import Foundation
import Testing
@testable import SentinelSimulator

/// KuCoin spot HF and futures order flows on the simulator (kucoin.md §4, Simulator notes 4–5).
// Serialized: each test runs its own simulator, and the whole test run already holds many sockets at once.
@Suite(.serialized, .timeLimit(.minutes(5))) struct KuCoinTradingTests {
    @Test func spotPlaceFindCancelByClientOid() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.kucoinClient()
            let body = #"{"clientOid":"far-buy-1","side":"buy","symbol":"BTC-USDT","type":"limit","price":"60000","size":"0.0001","postOnly":true}"#
            let placed = try await client.signed("POST", "/api/v1/hf/orders", body: body)
            let id = try #require(placed.kucoinObject["orderId"] as? String, "\(placed.body)")
            #expect(id.count == 24)
            let duplicate = try await client.signed("POST", "/api/v1/hf/orders", body: body)
            #expect(duplicate.status == 200 && duplicate.kucoinCode == "126044")
            let byClient = try await client.signed("GET", "/api/v1/hf/orders/client-order/far-buy-1?symbol=BTC-USDT")
            #expect(byClient.kucoinObject["id"] as? String == id && byClient.kucoinObject["active"] as? Bool == true)
            #expect(byClient.kucoinObject["size"] as? String == "0.0001")
            let active = try await client.signed("GET", "/api/v1/hf/orders/active?symbol=BTC-USDT")
            #expect(active.kucoinArray.count == 1)
            let noSymbol = try await client.signed("DELETE", "/api/v1/hf/orders/client-order/far-buy-1")
            #expect(noSymbol.status == 400 && noSymbol.kucoinCode == "400100")
            let cancel = try await client.signed("DELETE", "/api/v1/hf/orders/client-order/far-buy-1?symbol=BTC-USDT")
            #expect(cancel.kucoinObject["clientOid"] as? String == "far-buy-1", "\(cancel.body)")
            let after = try await client.signed("GET", "/api/v1/hf/orders/\(id)?symbol=BTC-USDT")
            #expect(after.kucoinObject["active"] as? Bool == false && after.kucoinObject["cancelExist"] as? Bool == true)
            let again = try await client.signed("DELETE", "/api/v1/hf/orders/\(id)?symbol=BTC-USDT")
            #expect(again.kucoinCode == "400100" && again.message == "order_not_exist_or_not_allow_to_cancel")
        }
    }

    @Test func spotSyncAndTestPlacement() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.kucoinClient()
            let checked = try await client.signed(
                "POST", "/api/v1/hf/orders/test",
                body: #"{"clientOid":"t-1","side":"buy","symbol":"BTC-USDT","type":"limit","price":"60000","size":"0.0001"}"#)
            #expect(checked.kucoinObject["clientOid"] as? String == "t-1", "\(checked.body)")
            #expect(try await client.signed("GET", "/api/v1/hf/orders/active?symbol=BTC-USDT").kucoinArray.isEmpty)
            let refused = try await client.signed(
                "POST", "/api/v1/hf/orders/test",
                body: #"{"side":"buy","symbol":"BTC-USDT","type":"limit","price":"60000","size":"0.000001"}"#)
            #expect(refused.message == "Order size below the minimum requirement.")
            let taken = try await client.signed(
                "POST", "/api/v1/hf/orders/sync",
                body: #"{"clientOid":"s-1","side":"buy","symbol":"BTC-USDT","type":"market","size":"0.001"}"#)
            #expect(taken.kucoinObject["status"] as? String == "done", "\(taken.body)")
            #expect(taken.kucoinObject["dealSize"] as? String == "0.001" && taken.kucoinObject["originSize"] as? String == "0.001")
            let resting = try await client.signed(
                "POST", "/api/v1/hf/orders/sync",
                body: #"{"clientOid":"s-2","side":"buy","symbol":"BTC-USDT","type":"limit","price":"60000","size":"0.0001"}"#)
            #expect(resting.kucoinObject["status"] as? String == "open" && resting.kucoinObject["remainSize"] as? String == "0.0001")
        }
    }

    @Test func spotFiltersAndBatch() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.kucoinClient()
            func place(_ price: String, _ size: String) async throws -> HTTPAnswer {
                try await client.signed(
                    "POST", "/api/v1/hf/orders",
                    body: #"{"side":"buy","symbol":"BTC-USDT","type":"limit","price":"\#(price)","size":"\#(size)"}"#)
            }
            #expect(try await place("60000", "0.000001").message == "Order size below the minimum requirement.")
            #expect(try await place("60000", "0.000010001").message == "Order size increment invalid.")
            #expect(try await place("60000.05", "0.0001").message == "Price increment invalid.")
            #expect(try await place("60000", "1000").kucoinCode == "126013")
            let order = #"{"clientOid":"b-%d","side":"sell","symbol":"BTC-USDT","type":"limit","price":"70000","size":"0.0001"}"#
            let six = (1...6).map { String(format: order, $0) }.joined(separator: ",")
            let tooMany = try await client.signed("POST", "/api/v1/hf/orders/multi", body: #"{"orderList":[\#(six)]}"#)
            #expect(tooMany.kucoinCode == "400100")
            let two = [String(format: order, 1), #"{"clientOid":"b-x","side":"sell","symbol":"BTC-USDT","type":"limit","price":"70000","size":"0"}"#]
            let batch = try await client.signed("POST", "/api/v1/hf/orders/multi", body: #"{"orderList":[\#(two.joined(separator: ","))]}"#)
            #expect(batch.kucoinArray.map { $0["success"] as? Bool } == [true, false], "\(batch.body)")
            #expect(batch.kucoinArray[1]["failMsg"] as? String == "Order size below the minimum requirement.")
            #expect(try await client.signed("DELETE", "/api/v1/hf/orders?symbol=BTC-USDT").kucoinData as? String == "success")
            #expect(try await client.signed("GET", "/api/v1/hf/orders/active?symbol=BTC-USDT").kucoinArray.isEmpty)
        }
    }

    /// The dialect's answers carry every field of KuCoin's recorded real answers.
    @Test func answersCarryEveryFieldOfTheRecordedOnes() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.kucoinClient()
            let futures = simulator.kucoinClient(sameKeyAs: client, futures: true)
            func keys(_ answer: HTTPAnswer) -> Set<String> {
                if let object = answer.kucoinData as? [String: Any] { return Set(object.keys) }
                return Set(answer.kucoinArray.first?.keys.map { $0 } ?? [])
            }
            let placed = try await client.signed(
                "POST", "/api/v1/hf/orders",
                body: #"{"clientOid":"shape-1","side":"buy","symbol":"BTC-USDT","type":"limit","price":"60000","size":"0.0001"}"#)
            let id = try #require(placed.kucoinObject["orderId"] as? String)
            let legacyOnly: Set<String> = ["stop", "stopPrice", "stopTriggered"]
            let spotOrder = keys(try await client.signed("GET", "/api/v1/hf/orders/\(id)?symbol=BTC-USDT"))
            #expect(try Fixture.keys("kucoin-spot-order").subtracting(legacyOnly).subtracting(spotOrder).isEmpty)
            let stats = keys(try await client.get("/api/v1/market/stats?symbol=BTC-USDT"))
            #expect(try Fixture.keys("kucoin-spot-stats").subtracting(stats).isEmpty)
            let accounts = keys(try await client.signed("GET", "/api/v1/accounts"))
            #expect(try Fixture.keys("kucoin-spot-accounts").subtracting(accounts).isEmpty)
            let book = keys(try await client.get("/api/v1/market/orderbook/level2_20?symbol=BTC-USDT"))
            #expect(try Fixture.keys("kucoin-spot-orderbook").subtracting(book).isEmpty)
            let futuresPlaced = try await futures.signed(
                "POST", "/api/v1/orders",
                body: #"{"clientOid":"shape-2","side":"buy","symbol":"XBTUSDTM","leverage":2,"type":"limit","price":"60000","size":1}"#)
            let futuresID = try #require(futuresPlaced.kucoinObject["orderId"] as? String)
            let futuresOrder = keys(try await futures.signed("GET", "/api/v1/orders/\(futuresID)"))
            #expect(try Fixture.keys("kucoin-futures-order").subtracting(futuresOrder).isEmpty)
            let ticker = keys(try await futures.get("/api/v1/ticker?symbol=XBTUSDTM"))
            #expect(try Fixture.keys("kucoin-futures-ticker").subtracting(ticker).isEmpty)
        }
    }

    @Test func publicMarketDataOfBothHosts() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.kucoinClient()
            let symbols = try await client.get("/api/v2/symbols")
            let btc = try #require(symbols.kucoinArray.first { $0["symbol"] as? String == "BTC-USDT" })
            #expect(btc["priceIncrement"] as? String == "0.1" && btc["baseIncrement"] as? String == "0.00000001")
            #expect(btc["baseMinSize"] as? String == "0.00001" && btc["minFunds"] as? String == "0.1")
            let level1 = try await client.get("/api/v1/market/orderbook/level1?symbol=BTC-USDT")
            let bid = try #require(Double(level1.kucoinObject["bestBid"] as? String ?? ""))
            let ask = try #require(Double(level1.kucoinObject["bestAsk"] as? String ?? ""))
            #expect(bid < ask)
            let stats = try await client.get("/api/v1/market/stats?symbol=BTC-USDT")
            #expect(stats.kucoinObject["symbol"] as? String == "BTC-USDT" && stats.kucoinObject["time"] != nil)
            let book = try await client.get("/api/v1/market/orderbook/level2_20?symbol=BTC-USDT")
            #expect((book.kucoinObject["bids"] as? [[String]])?.count == 20)
            #expect(try await client.get("/api/v3/market/orderbook/level2?symbol=BTC-USDT").kucoinCode == "400001")
            #expect(try await client.signed("GET", "/api/v3/market/orderbook/level2?symbol=BTC-USDT").kucoinCode == "200000")
            #expect(try await client.get("/api/v1/market/orderbook/level1?symbol=NOPE-USDT").kucoinCode == "400600")
            let futures = simulator.kucoinClient(sameKeyAs: client, futures: true)
            let depth = try await futures.get("/api/v1/level2/depth20?symbol=XBTUSDTM")
            #expect(((depth.kucoinObject["asks"] as? [[Any]])?.first?.last as? Int ?? 0) > 0, "\(depth.body)")
            let ticker = try await futures.get("/api/v1/ticker?symbol=XBTUSDTM")
            #expect(ticker.kucoinObject["bestBidSize"] as? Int != nil && ticker.kucoinObject["ts"] as? Int64 != nil)
            // Each host serves its own paths only.
            #expect(try await futures.get("/api/v2/symbols").status == 404)
            #expect(try await client.get("/api/v1/contracts/active").status == 404)
        }
    }

    @Test func futuresLotsPositionsAndCancel() async throws {
        try await withSimulator { simulator in
            let spot = try await simulator.kucoinClient()
            let client = simulator.kucoinClient(sameKeyAs: spot, futures: true)
            let contracts = try await client.get("/api/v1/contracts/active")
            let btc = try #require(contracts.kucoinArray.first { $0["symbol"] as? String == "XBTUSDTM" })
            #expect(btc["multiplier"] as? Double != nil && btc["lotSize"] as? Int == 1)
            let missingClientOid = try await client.signed(
                "POST", "/api/v1/orders", body: #"{"side":"buy","symbol":"XBTUSDTM","leverage":3,"type":"limit","price":"60000","size":1}"#)
            #expect(missingClientOid.kucoinCode == "400100")
            let rest = #"{"clientOid":"fut-1","side":"buy","symbol":"XBTUSDTM","leverage":3,"type":"limit","price":"60000","size":2}"#
            let placed = try await client.signed("POST", "/api/v1/orders", body: rest)
            let id = try #require(placed.kucoinObject["orderId"] as? String, "\(placed.body)")
            #expect(try await client.signed("POST", "/api/v1/orders", body: rest).kucoinCode == "300018")
            let found = try await client.signed("GET", "/api/v1/orders/byClientOid?clientOid=fut-1")
            #expect(found.kucoinObject["id"] as? String == id && found.kucoinObject["size"] as? Int == 2)
            #expect(found.kucoinObject["status"] as? String == "open")
            let list = try await client.signed("GET", "/api/v1/orders?status=active&symbol=XBTUSDTM")
            #expect((list.kucoinObject["items"] as? [[String: Any]])?.count == 1)
            let cancel = try await client.signed("DELETE", "/api/v1/orders/\(id)")
            #expect(cancel.kucoinObject["cancelledOrderIds"] as? [String] == [id])
            #expect(try await client.signed("GET", "/api/v1/orders/\(id)").kucoinObject["status"] as? String == "done")
            #expect(try await client.signed("GET", "/api/v1/orders/999").kucoinCode == "100001")
            let qty = #"{"clientOid":"fut-2","side":"buy","symbol":"XBTUSDTM","leverage":3,"type":"market","qty":"0.0015"}"#
            #expect(try await client.signed("POST", "/api/v1/orders", body: qty).message == "Order size increment invalid.")
            let market = #"{"clientOid":"fut-3","side":"buy","symbol":"XBTUSDTM","leverage":3,"type":"market","size":3}"#
            #expect(try await client.signed("POST", "/api/v1/orders", body: market).kucoinCode == "200000")
            let positions = try await client.signed("GET", "/api/v1/positions")
            #expect(positions.kucoinArray.first?["currentQty"] as? Int == 3, "\(positions.body)")
            #expect(positions.kucoinArray.first?["symbol"] as? String == "XBTUSDTM")
        }
    }
}
