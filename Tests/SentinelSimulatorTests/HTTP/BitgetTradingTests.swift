import Foundation
import Testing
@testable import SentinelSimulator

/// Bitget public data and trading over HTTP (bitget.md §3, §4, Simulator notes 4–6).
@Suite(.timeLimit(.minutes(5))) struct BitgetTradingTests {
    @Test func publicSymbolsContractsTickersBooks() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.bitgetClient()
            let time = try await client.get("/api/v2/public/time")
            #expect(time.bitgetObject["serverTime"] as? String == String(client.nowMilliseconds))
            let symbols = try await client.get("/api/v2/spot/public/symbols")
            let btc = try #require(symbols.bitgetList.first { $0["symbol"] as? String == "BTCUSDT" })
            #expect(btc["pricePrecision"] as? String == "2" && btc["quantityPrecision"] as? String == "6")
            #expect(btc["minTradeUSDT"] as? String == "1" && btc["status"] as? String == "online")
            let contracts = try await client.get("/api/v2/mix/market/contracts?productType=USDT-FUTURES")
            let perpetual = try #require(contracts.bitgetList.first { $0["symbol"] as? String == "BTCUSDT" })
            #expect(perpetual["pricePlace"] as? String == "1" && perpetual["priceEndStep"] as? String == "1")
            #expect(perpetual["sizeMultiplier"] as? String == "0.0001" && perpetual["minTradeNum"] as? String == "0.0001")
            #expect(perpetual["supportMarginCoins"] as? [String] == ["USDT"])
            let lower = try await client.get("/api/v2/mix/market/contracts?productType=usdt-futures")
            #expect(lower.bitgetList.count == contracts.bitgetList.count)
            let coin = try await client.get("/api/v2/mix/market/contracts?productType=COIN-FUTURES")
            #expect(coin.bitgetCode == "00000" && coin.bitgetList.isEmpty)
            let missing = try await client.get("/api/v2/mix/market/contracts")
            #expect(missing.status == 400 && missing.bitgetCode == "40019", "\(missing.body)")
            let wrong = try await client.get("/api/v2/mix/market/contracts?productType=UMCBL")
            #expect(wrong.status == 400 && wrong.bitgetCode == "40020", "\(wrong.body)")
            let ticker = try await client.get("/api/v2/spot/market/tickers?symbol=BTCUSDT")
            #expect(ticker.bitgetList.first?["lastPr"] as? String == "65000")
            let mixTicker = try await client.get("/api/v2/mix/market/ticker?symbol=BTCUSDT&productType=USDT-FUTURES")
            #expect(mixTicker.bitgetList.first?["markPrice"] as? String == "65000")
            let book = try await client.get("/api/v2/spot/market/orderbook?symbol=BTCUSDT&limit=5")
            #expect((book.bitgetObject["asks"] as? [[String]])?.count == 5)
            let depth = try await client.get("/api/v2/mix/market/merge-depth?symbol=BTCUSDT&productType=USDT-FUTURES&limit=5")
            #expect((depth.bitgetObject["bids"] as? [[String]])?.first?.count == 2)
            let unknown = try await client.get("/api/v2/spot/market/tickers?symbol=DOGEEUR")
            #expect(unknown.status == 400 && unknown.bitgetCode == "40034")
            let nowhere = try await client.get("/api/v2/spot/nowhere")
            #expect(nowhere.status == 404)
        }
    }

    @Test func spotPlaceShowListCancelByClientOid() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.bitgetClient()
            let body = #"{"symbol":"BTCUSDT","side":"buy","orderType":"limit","force":"post_only","price":"60000","size":"0.001","clientOid":"sn-spot-1"}"#
            let placed = try await client.signed("POST", "/api/v2/spot/trade/place-order", body: body)
            #expect(placed.bitgetCode == "00000" && placed.bitgetObject["clientOid"] as? String == "sn-spot-1", "\(placed.body)")
            let orderId = try #require(placed.bitgetObject["orderId"] as? String)
            let info = try await client.signed("GET", "/api/v2/spot/trade/orderInfo?clientOid=sn-spot-1")
            #expect(info.bitgetList.first?["orderId"] as? String == orderId)
            #expect(info.bitgetList.first?["status"] as? String == "live" && info.bitgetList.first?["size"] as? String == "0.001")
            let open = try await client.signed("GET", "/api/v2/spot/trade/unfilled-orders?symbol=BTCUSDT")
            #expect(open.bitgetList.map { $0["orderId"] as? String } == [orderId])
            let duplicate = try await client.signed("POST", "/api/v2/spot/trade/place-order", body: body)
            #expect(duplicate.status == 400 && duplicate.bitgetCode != "00000")
            let cancel = try await client.signed(
                "POST", "/api/v2/spot/trade/cancel-order", body: #"{"symbol":"BTCUSDT","clientOid":"sn-spot-1"}"#)
            #expect(cancel.bitgetObject["orderId"] as? String == orderId)
            let after = try await client.signed("GET", "/api/v2/spot/trade/orderInfo?orderId=\(orderId)")
            #expect(after.bitgetList.first?["status"] as? String == "cancelled")
            let again = try await client.signed(
                "POST", "/api/v2/spot/trade/cancel-order", body: #"{"symbol":"BTCUSDT","orderId":"\#(orderId)"}"#)
            #expect(again.status == 400 && again.bitgetCode == "43001")
            // The clientOid stays taken once its order is cancelled, on another symbol too.
            let reused = body.replacingOccurrences(of: "BTCUSDT", with: "ETHUSDT").replacingOccurrences(of: "60000", with: "3000")
            let refused = try await client.signed("POST", "/api/v2/spot/trade/place-order", body: reused)
            #expect(refused.status == 400 && refused.bitgetCode == "40786", "\(refused.body)")
            let noForce = #"{"symbol":"BTCUSDT","side":"buy","orderType":"limit","price":"60000","size":"0.001"}"#
            #expect(try await client.signed("POST", "/api/v2/spot/trade/place-order", body: noForce).bitgetCode == "40019")
            let precise = #"{"symbol":"BTCUSDT","side":"buy","orderType":"limit","force":"gtc","price":"60000.001","size":"0.001"}"#
            let scale = try await client.signed("POST", "/api/v2/spot/trade/place-order", body: precise)
            #expect(scale.bitgetCode == "40808" && scale.message?.contains("checkBDScale") == true, "\(scale.body)")
        }
    }

    @Test func futuresOrdersPositionsBatchAndCancelAll() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.bitgetClient()
            let scope = #""productType":"USDT-FUTURES","marginCoin":"USDT","marginMode":"crossed""#
            let market = #"{"symbol":"BTCUSDT",\#(scope),"side":"buy","orderType":"market","size":"0.01","clientOid":"sn-mix-1"}"#
            let bought = try await client.signed("POST", "/api/v2/mix/order/place-order", body: market)
            #expect(bought.bitgetCode == "00000", "\(bought.body)")
            let detail = try await client.signed(
                "GET", "/api/v2/mix/order/detail?symbol=BTCUSDT&productType=USDT-FUTURES&clientOid=sn-mix-1")
            #expect(detail.bitgetObject["state"] as? String == "filled" && detail.bitgetObject["baseVolume"] as? String == "0.01")
            // Looked up under the wrong productType, the order does not exist there.
            let wrongFamily = try await client.signed(
                "GET", "/api/v2/mix/order/detail?symbol=BTCUSDT&productType=COIN-FUTURES&clientOid=sn-mix-1")
            #expect(wrongFamily.status == 400 && wrongFamily.bitgetCode == "40034")
            let fills = try await client.signed("GET", "/api/v2/mix/order/fills?productType=USDT-FUTURES&symbol=BTCUSDT")
            let fillList = try #require(fills.bitgetObject["fillList"] as? [[String: Any]], "\(fills.body)")
            #expect(fillList.allSatisfy { $0["side"] as? String == "buy" && ($0["totalFee"] == nil) })
            #expect(fillList.compactMap { $0["baseVolume"] as? String }.compactMap { Decimal(string: $0) }.reduce(0, +)
                == Decimal(string: "0.01"))
            let positions = try await client.signed("GET", "/api/v2/mix/position/all-position?productType=USDT-FUTURES")
            let position = try #require(positions.bitgetList.first)
            #expect(position["symbol"] as? String == "BTCUSDT" && position["total"] as? String == "0.01")
            #expect(position["holdSide"] as? String == "long")
            let noType = try await client.signed("GET", "/api/v2/mix/position/all-position")
            #expect(noType.status == 400 && noType.bitgetCode == "40019")

            let batch = #"{"symbol":"BTCUSDT",\#(scope),"orderList":[{"side":"buy","orderType":"limit","force":"gtc","price":"60000","size":"0.001","clientOid":"sn-b1"},{"side":"buy","orderType":"limit","price":"60000","size":"0.00001","clientOid":"sn-b2"}]}"#
            let placed = try await client.signed("POST", "/api/v2/mix/order/batch-place-order", body: batch)
            let successes = try #require(placed.bitgetObject["successList"] as? [[String: Any]])
            let failures = try #require(placed.bitgetObject["failureList"] as? [[String: Any]])
            #expect(successes.map { $0["clientOid"] as? String } == ["sn-b1"], "\(placed.body)")
            #expect(failures.first?["clientOid"] as? String == "sn-b2" && failures.first?["errorCode"] as? String != nil)
            let pending = try await client.signed("GET", "/api/v2/mix/order/orders-pending?productType=USDT-FUTURES")
            #expect((pending.bitgetObject["entrustedList"] as? [[String: Any]])?.count == 1)
            let cancelAll = try await client.signed(
                "POST", "/api/v2/mix/order/cancel-all-orders", body: #"{"productType":"USDT-FUTURES","marginCoin":"USDT"}"#)
            #expect((cancelAll.bitgetObject["successList"] as? [[String: Any]])?.count == 1)
            let canceled = try await client.signed(
                "GET", "/api/v2/mix/order/detail?symbol=BTCUSDT&productType=USDT-FUTURES&clientOid=sn-b1")
            #expect(canceled.bitgetObject["state"] as? String == "canceled")
            let empty = try await client.signed("GET", "/api/v2/mix/order/orders-pending?productType=USDT-FUTURES")
            #expect(empty.bitgetObject["entrustedList"] is NSNull)
            let history = try await client.signed("GET", "/api/v2/mix/order/orders-history?productType=USDT-FUTURES")
            let closed = try #require(history.bitgetObject["entrustedList"] as? [[String: Any]])
            #expect(Set(closed.compactMap { $0["clientOid"] as? String }) == ["sn-mix-1", "sn-b1"])
            // ccxt cancels all with batch-cancel-orders and no orderIdList; with one, each order has its outcome.
            let resting = #"{"symbol":"BTCUSDT",\#(scope),"side":"buy","orderType":"limit","price":"60000","size":"0.001","clientOid":"sn-r1"}"#
            #expect(try await client.signed("POST", "/api/v2/mix/order/place-order", body: resting).bitgetCode == "00000")
            let listed = #"{"symbol":"BTCUSDT","productType":"USDT-FUTURES","orderIdList":[{"clientOid":"sn-r1"},{"clientOid":"sn-none"}]}"#
            let some = try await client.signed("POST", "/api/v2/mix/order/batch-cancel-orders", body: listed)
            #expect((some.bitgetObject["successList"] as? [[String: Any]])?.count == 1, "\(some.body)")
            #expect((some.bitgetObject["failureList"] as? [[String: Any]])?.first?["clientOid"] as? String == "sn-none")
        }
    }

    /// Spot batches: `batchMode` single takes the symbol once, multiple names it per order; more than 50 orders and
    /// bodies that are not JSON objects are refused whole.
    @Test func spotBatchesAndBadBodies() async throws {
        try await withSimulator(enforcesRateLimits: false) { simulator in
            let client = try await simulator.bitgetClient()
            let item = #"{"side":"buy","orderType":"limit","force":"gtc","price":"60000","size":"0.001","clientOid":"sn-s1"}"#
            let single = try await client.signed(
                "POST", "/api/v2/spot/trade/batch-orders", body: #"{"symbol":"BTCUSDT","orderList":[\#(item)]}"#)
            #expect((single.bitgetObject["successList"] as? [[String: Any]])?.count == 1, "\(single.body)")
            let multiple = #"{"batchMode":"multiple","orderList":[{"symbol":"ETHUSDT","side":"buy","orderType":"limit","force":"gtc","price":"3000","size":"0.01","clientOid":"sn-m1"},{"side":"buy","orderType":"limit","force":"gtc","price":"3000","size":"0.01","clientOid":"sn-m2"}]}"#
            let mixed = try await client.signed("POST", "/api/v2/spot/trade/batch-orders", body: multiple)
            #expect((mixed.bitgetObject["successList"] as? [[String: Any]])?.map { $0["clientOid"] as? String } == ["sn-m1"])
            #expect((mixed.bitgetObject["failureList"] as? [[String: Any]])?.first?["errorCode"] as? String == "40019")
            let many = "[" + Array(repeating: item, count: 51).joined(separator: ",") + "]"
            let tooMany = try await client.signed(
                "POST", "/api/v2/spot/trade/batch-orders", body: #"{"symbol":"BTCUSDT","orderList":\#(many)}"#)
            #expect(tooMany.status == 400 && tooMany.bitgetCode == "40808")
            for bad in ["[]", "not json", #"{"symbol":"BTCUSDT","side":"buy","orderType":"limit","force":"gtc","price":"1e3","size":"0.001"}"#] {
                let answer = try await client.signed("POST", "/api/v2/spot/trade/place-order", body: bad)
                #expect(answer.status == 400 && answer.bitgetCode != "00000", "\(bad): \(answer.body)")
            }
            let cancelAll = try await client.signed(
                "POST", "/api/v2/spot/trade/cancel-symbol-order", body: #"{"symbol":"BTCUSDT"}"#)
            #expect(cancelAll.bitgetObject["symbol"] as? String == "BTCUSDT")
            let open = try await client.signed("GET", "/api/v2/spot/trade/unfilled-orders")
            #expect(open.bitgetList.map { $0["symbol"] as? String } == ["ETHUSDT"])
            let history = try await client.signed("GET", "/api/v2/spot/trade/history-orders?symbol=BTCUSDT")
            #expect(history.bitgetList.map { $0["status"] as? String } == ["cancelled"])
            let noFills = try await client.signed("GET", "/api/v2/spot/trade/fills?symbol=BTCUSDT")
            #expect(noFills.bitgetCode == "00000" && noFills.bitgetList.isEmpty)
            #expect(try await client.signed("GET", "/api/v2/spot/trade/fills").bitgetCode == "40019")
        }
    }

    /// Injected faults answer in Bitget's words: a rate limit is HTTP 429 code `429`, a server error HTTP 500; an
    /// error after acceptance keeps the order.
    @Test func injectedFaultsSpeakBitget() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.bitgetClient()
            await simulator.addFault(SimulatedFault(exchange: "bitget", kind: "rate-limit", path: "/api/v2/public/time", count: 1))
            let limited = try await client.get("/api/v2/public/time")
            #expect(limited.status == 429 && limited.bitgetCode == "429" && limited.object["data"] is NSNull)
            await simulator.addFault(SimulatedFault(exchange: "bitget", kind: "error5xx", path: "/api/v2/public/time", count: 1))
            let broken = try await client.get("/api/v2/public/time")
            #expect(broken.status == 500 && broken.bitgetCode == "40015")
            await simulator.addFault(
                SimulatedFault(exchange: "bitget", kind: "error5xx-after-accept", path: "/api/v2/spot/trade/place-order", count: 1))
            let body = #"{"symbol":"BTCUSDT","side":"buy","orderType":"limit","force":"gtc","price":"60000","size":"0.001","clientOid":"sn-kept"}"#
            let lost = try await client.signed("POST", "/api/v2/spot/trade/place-order", body: body)
            #expect(lost.status == 500)
            let kept = try await client.signed("GET", "/api/v2/spot/trade/orderInfo?clientOid=sn-kept")
            #expect(kept.bitgetList.first?["status"] as? String == "live", "\(kept.body)")
        }
    }

    /// `requestTime` + `receiveWindow`: an order that arrives after its window is dropped, never placed.
    @Test func receiveWindowDropsLateOrders() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.bitgetClient()
            let now = client.nowMilliseconds
            let late = #"{"symbol":"BTCUSDT","side":"buy","orderType":"limit","force":"gtc","price":"60000","size":"0.001","clientOid":"sn-late","requestTime":"\#(now - 6_000)","receiveWindow":"5000"}"#
            let answer = try await client.signed("POST", "/api/v2/spot/trade/place-order", body: late)
            #expect(answer.status == 400 && answer.bitgetCode == "40078", "\(answer.body)")
            let info = try await client.signed("GET", "/api/v2/spot/trade/orderInfo?clientOid=sn-late")
            #expect(info.bitgetCode == "43001")
            let tooWide = late.replacingOccurrences(of: "\"5000\"", with: "\"60000\"")
            #expect(try await client.signed("POST", "/api/v2/spot/trade/place-order", body: tooWide).bitgetCode == "40079")
        }
    }
}
