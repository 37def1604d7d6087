import Foundation
import Testing
@testable import SentinelSimulator

/// OKX public data and trading over HTTP (okx.md §3, §4, Simulator notes 4–7).
@Suite struct OKXTradingTests {
    @Test func publicTimeInstrumentsBooksTicker() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.okxClient()
            let time = try await client.get("/api/v5/public/time")
            #expect(time.okxCode == "0" && time.okxData.first?["ts"] as? String == String(client.nowMilliseconds))
            let spot = try await client.get("/api/v5/public/instruments?instType=SPOT")
            let btc = try #require(spot.okxData.first { $0["instId"] as? String == "BTC-USDT" })
            #expect(btc["tickSz"] as? String == "0.1" && btc["minSz"] as? String == "0.00001")
            #expect(btc["baseCcy"] as? String == "BTC" && btc["state"] as? String == "live")
            let swaps = try await client.get("/api/v5/public/instruments?instType=SWAP")
            let swap = try #require(swaps.okxData.first { $0["instId"] as? String == "BTC-USDT-SWAP" })
            #expect(swap["ctVal"] as? String == "0.01" && swap["lotSz"] as? String == "0.01")
            #expect(swap["ctType"] as? String == "linear" && swap["settleCcy"] as? String == "USDT")
            for empty in ["FUTURES", "MARGIN", "OPTION&instFamily=BTC-USD"] {
                let answer = try await client.get("/api/v5/public/instruments?instType=\(empty)")
                #expect(answer.okxCode == "0" && answer.okxData.isEmpty)
            }
            let underlying = try await client.get("/api/v5/public/underlying?instType=OPTION")
            #expect(underlying.okxCode == "0" && (underlying.object["data"] as? [[String]]) == [[]])
            let missing = try await client.get("/api/v5/public/instruments")
            #expect(missing.status == 400 && missing.okxCode == "50014")
            let books = try await client.get("/api/v5/market/books?instId=BTC-USDT-SWAP&sz=5")
            let asks = try #require(books.okxData.first?["asks"] as? [[String]])
            #expect(asks.count == 5 && asks[0].count == 4 && asks[0][2] == "0")
            let ticker = try await client.get("/api/v5/market/ticker?instId=BTC-USDT")
            #expect(ticker.okxData.first?["last"] as? String == "65000")
            let nowhere = try await client.get("/api/v5/public/nowhere")
            #expect(nowhere.status == 404 && nowhere.okxCode == "404")
            let unknown = try await client.get("/api/v5/market/ticker?instId=DOGE-EUR")
            #expect(unknown.okxCode == "51001")
        }
    }

    @Test func placeFindCancelByClientID() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.okxClient()
            let body = #"{"instId":"BTC-USDT","tdMode":"cash","clOrdId":"far1","side":"buy","ordType":"limit","px":"30000","sz":"0.001"}"#
            let placed = try await client.signed("POST", "/api/v5/trade/order", body: body)
            #expect(placed.status == 200 && placed.okxCode == "0", "\(placed.body)")
            #expect(placed.object["inTime"] is String && placed.okxData.first?["sCode"] as? String == "0")
            let ordId = try #require(placed.okxData.first?["ordId"] as? String)
            let duplicate = try await client.signed("POST", "/api/v5/trade/order", body: body)
            #expect(duplicate.status == 200 && duplicate.okxCode == "1")
            #expect(duplicate.okxData.first?["sCode"] as? String == "51016")
            let found = try await client.signed("GET", "/api/v5/trade/order?instId=BTC-USDT&clOrdId=far1")
            #expect(found.okxData.first?["ordId"] as? String == ordId && found.okxData.first?["state"] as? String == "live")
            let pending = try await client.signed("GET", "/api/v5/trade/orders-pending?instType=SPOT")
            #expect(pending.okxData.map { $0["clOrdId"] as? String } == ["far1"])
            let balance = try await client.signed("GET", "/api/v5/account/balance?ccy=USDT")
            let usdt = try #require((balance.okxData.first?["details"] as? [[String: Any]])?.first)
            #expect(usdt["frozenBal"] as? String == "30" && usdt["availBal"] as? String == "9970")
            let cancel = #"{"instId":"BTC-USDT","clOrdId":"far1"}"#
            let cancelled = try await client.signed("POST", "/api/v5/trade/cancel-order", body: cancel)
            #expect(cancelled.okxCode == "0" && cancelled.okxData.first?["ordId"] as? String == ordId)
            let again = try await client.signed("POST", "/api/v5/trade/cancel-order", body: cancel)
            #expect(again.okxCode == "1" && again.okxData.first?["sCode"] as? String == "51400")
            let history = try await client.signed("GET", "/api/v5/trade/orders-history?instType=SPOT")
            #expect(history.okxData.first?["state"] as? String == "canceled")
            let unknown = try await client.signed("GET", "/api/v5/trade/order?instId=BTC-USDT&ordId=1")
            #expect(unknown.status == 200 && unknown.okxCode == "51603" && unknown.message == "Order does not exist.")
            // A terminal order's clOrdId may be used again.
            #expect(try await client.signed("POST", "/api/v5/trade/order", body: body).okxCode == "0")
        }
    }

    @Test func swapSizesInContractsAndPositions() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.okxClient()
            func order(_ size: String, _ extra: String = "") -> String {
                #"{"instId":"BTC-USDT-SWAP","tdMode":"cross","side":"buy","ordType":"market","sz":"\#(size)""#
                    + extra + "}"
            }
            let fraction = try await client.signed("POST", "/api/v5/trade/order", body: order("0.015"))
            #expect(fraction.okxData.first?["sCode"] as? String == "51121")
            let hedged = try await client.signed("POST", "/api/v5/trade/order", body: order("1", #","posSide":"long""#))
            #expect(hedged.okxData.first?["sCode"] as? String == "51000")
            let cash = try await client.signed(
                "POST", "/api/v5/trade/order",
                body: #"{"instId":"BTC-USDT-SWAP","tdMode":"cash","side":"buy","ordType":"market","sz":"1"}"#)
            #expect(cash.okxData.first?["sMsg"] as? String == "Parameter tdMode error")
            let opened = try await client.signed("POST", "/api/v5/trade/order", body: order("2", #","posSide":"net""#))
            #expect(opened.okxCode == "0", "\(opened.body)")
            let positions = try await client.signed("GET", "/api/v5/account/positions?instType=SWAP")
            let position = try #require(positions.okxData.first)
            #expect(position["instId"] as? String == "BTC-USDT-SWAP" && position["pos"] as? String == "2")
            #expect(position["posSide"] as? String == "net" && position["mgnMode"] as? String == "cross")
            let reduce = try await client.signed(
                "POST", "/api/v5/trade/order",
                body: #"{"instId":"BTC-USDT-SWAP","tdMode":"cross","side":"buy","ordType":"market","sz":"1","reduceOnly":true}"#)
            #expect(reduce.okxData.first?["sCode"] as? String == "51169")
        }
    }

    @Test func batchPlaceAndCancelReportEachItem() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.okxClient()
            let good = #"{"instId":"BTC-USDT","tdMode":"cash","clOrdId":"b1","side":"buy","ordType":"limit","px":"30000","sz":"0.001"}"#
            let bad = #"{"instId":"BTC-USDT","tdMode":"cash","clOrdId":"b2","side":"buy","ordType":"limit","px":"30000","sz":"-1"}"#
            let batch = try await client.signed("POST", "/api/v5/trade/batch-orders", body: "[\(good),\(bad)]")
            #expect(batch.okxCode == "2" && batch.message == "Bulk operation partially succeeded.")
            #expect(batch.okxData.map { $0["sCode"] as? String } == ["0", "51000"])
            let tooMany = "[" + Array(repeating: good, count: 21).joined(separator: ",") + "]"
            #expect(try await client.signed("POST", "/api/v5/trade/batch-orders", body: tooMany).okxCode == "51111")
            let cancels = #"[{"instId":"BTC-USDT","clOrdId":"b1"},{"instId":"BTC-USDT","clOrdId":"b2"}]"#
            let cancelled = try await client.signed("POST", "/api/v5/trade/cancel-batch-orders", body: cancels)
            #expect(cancelled.okxCode == "2" && cancelled.okxData.map { $0["sCode"] as? String } == ["0", "51400"])
            let broke = try await client.signed(
                "POST", "/api/v5/trade/order",
                body: #"{"instId":"BTC-USDT","tdMode":"cash","side":"buy","ordType":"limit","px":"60000","sz":"1"}"#)
            #expect(broke.okxData.first?["sCode"] as? String == "51008")
            let band = try await client.signed(
                "POST", "/api/v5/trade/order",
                body: #"{"instId":"BTC-USDT","tdMode":"cash","side":"sell","ordType":"limit","px":"1000","sz":"0.001"}"#)
            #expect(band.okxData.first?["sCode"] as? String == "51006")
        }
    }

    /// Placement allows 60 orders per 2 s per account and instrument: the 61st is refused with 50011 in its `sCode`,
    /// another instrument still has its own budget, and the next window allows again.
    @Test func orderRateLimitPerInstrument() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.okxClient()
            func order(_ instId: String, _ index: Int) -> String {
                let price = instId == "BTC-USDT" ? "30000" : "3000"
                return #"{"instId":"\#(instId)","tdMode":"cash","clOrdId":"r\#(index)","side":"buy","ordType":"limit","px":"\#(price)","sz":"0.001"}"#
            }
            for index in 0..<60 {
                let placed = try await client.signed("POST", "/api/v5/trade/order", body: order("BTC-USDT", index))
                #expect(placed.okxCode == "0", "\(index): \(placed.body)")
            }
            let limited = try await client.signed("POST", "/api/v5/trade/order", body: order("BTC-USDT", 60))
            #expect(limited.status == 200 && limited.okxData.first?["sCode"] as? String == "50011")
            #expect(try await client.signed("POST", "/api/v5/trade/order", body: order("ETH-USDT", 61)).okxCode == "0")
            simulator.configuration.clock?.advance(milliseconds: 2_000)
            #expect(try await client.signed("POST", "/api/v5/trade/order", body: order("BTC-USDT", 62)).okxCode == "0")
        }
    }

    /// The optional `expTime` header: an order that arrives after it is dropped, never placed.
    @Test func expTimeDropsALateOrder() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.okxClient()
            let body = #"{"instId":"BTC-USDT","tdMode":"cash","clOrdId":"late1","side":"buy","ordType":"limit","px":"30000","sz":"0.001"}"#
            let late = try await client.signed(
                "POST", "/api/v5/trade/order", body: body, headers: ["expTime": String(client.nowMilliseconds - 1)])
            #expect(late.okxCode == "50102")
            let unknown = try await client.signed("GET", "/api/v5/trade/order?instId=BTC-USDT&clOrdId=late1")
            #expect(unknown.okxCode == "51603")
            let inTime = try await client.signed(
                "POST", "/api/v5/trade/order", body: body, headers: ["expTime": String(client.nowMilliseconds + 1_000)])
            #expect(inTime.okxCode == "0")
        }
    }
}
