import Foundation
import Testing
@testable import SentinelSimulator

@Suite(.timeLimit(.minutes(5))) struct BinanceFuturesTests {
    func pinnedClient(_ simulator: RunningSimulator) async throws -> BinanceTestClient {
        try await simulator.setPrice(exchange: "binance", symbol: "BTC/USDT:USDT", price: "65000")
        return try await simulator.futuresClient()
    }

    static func order(_ side: String, _ type: String, _ quantity: String, price: String? = nil, tif: String? = nil,
                      reduceOnly: Bool = false, id: String? = nil) -> [(String, String)] {
        var parameters = [("symbol", "BTCUSDT"), ("side", side), ("type", type), ("quantity", quantity)]
        if let price { parameters.append(("price", price)) }
        if let tif { parameters.append(("timeInForce", tif)) }
        if reduceOnly { parameters.append(("reduceOnly", "true")) }
        if let id { parameters.append(("newClientOrderId", id)) }
        return parameters
    }

    @Test func balancesAndAccount() async throws {
        try await withSimulator { simulator in
            let client = try await pinnedClient(simulator)
            for path in ["/fapi/v2/balance", "/fapi/v3/balance"] {
                let balance = try await client.signed("GET", path)
                #expect(balance.status == 200)
                #expect(balance.array.first?["balance"] as? String == "10000.00000000")
                #expect(balance.headers["x-mbx-used-weight-1m"] != nil)
            }
            let v2 = try await client.signed("GET", "/fapi/v2/account")
            try #expect(Fixture.keys("futures-account").isSubset(of: Set(v2.object.keys)))
            let v3 = try await client.signed("GET", "/fapi/v3/account")
            #expect(v3.object["availableBalance"] as? String == "10000.00000000")
            #expect((v3.object["positions"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func positionOpenedReadBackAndClosedWithReduceOnly() async throws {
        try await withSimulator { simulator in
            let client = try await pinnedClient(simulator)
            let leverage = try await client.signed("POST", "/fapi/v1/leverage", [("symbol", "BTCUSDT"), ("leverage", "10")])
            #expect(leverage.object["leverage"] as? Int == 10)
            // Without newOrderRespType, USDⓈ-M answers ACK: the order as accepted, before it was matched.
            let acknowledged = try await client.signed("POST", "/fapi/v1/order", Self.order("BUY", "MARKET", "0.002"))
            #expect(acknowledged.object["status"] as? String == "NEW")
            #expect(acknowledged.object["executedQty"] as? String == "0.000")
            let acknowledgedID = try #require(acknowledged.object["orderId"] as? Int64)
            let matched = try await client.signed(
                "GET", "/fapi/v1/order", [("symbol", "BTCUSDT"), ("orderId", String(acknowledgedID))])
            #expect(matched.object["status"] as? String == "FILLED")
            _ = try await client.signed(
                "POST", "/fapi/v1/order", Self.order("SELL", "MARKET", "0.002", reduceOnly: true) + [("newOrderRespType", "RESULT")])

            let open = try await client.signed(
                "POST", "/fapi/v1/order", Self.order("BUY", "MARKET", "0.010") + [("newOrderRespType", "RESULT")])
            #expect(open.status == 200, "\(open.body)")
            #expect(open.object["status"] as? String == "FILLED")
            #expect(open.object["avgPrice"] as? String == "65000.50000")
            #expect(open.headers["x-mbx-order-count-1m"] == "3")
            #expect(open.headers["x-mbx-order-count-10s"] == "3")
            try #expect(Fixture.keys("futures-orders-placed").isSubset(of: Set(open.object.keys)))

            try await simulator.setPrice(exchange: "binance", symbol: "BTC/USDT:USDT", price: "66000")
            let risk = try await client.signed("GET", "/fapi/v3/positionRisk")
            #expect(risk.array.count == 1)
            let position = try #require(risk.array.first)
            #expect(position["positionAmt"] as? String == "0.010")
            #expect(position["entryPrice"] as? String == "65000.5")
            #expect(position["markPrice"] as? String == "66000.00000000")
            #expect(position["unRealizedProfit"] as? String == "9.99500000")
            try #expect(Fixture.keys("futures-position-risk-v3").isSubset(of: Set(position.keys)))
            let v2 = try await client.signed("GET", "/fapi/v2/positionRisk", [("symbol", "BTCUSDT")])
            #expect(v2.array.first?["leverage"] as? String == "10")

            let close = try await client.signed(
                "POST", "/fapi/v1/order",
                Self.order("SELL", "MARKET", "0.010", reduceOnly: true) + [("newOrderRespType", "RESULT")])
            #expect(close.object["status"] as? String == "FILLED")
            #expect(close.object["reduceOnly"] as? Bool == true)
            #expect(try await client.signed("GET", "/fapi/v3/positionRisk").array.isEmpty)
            let again = try await client.signed("POST", "/fapi/v1/order", Self.order("SELL", "MARKET", "0.010", reduceOnly: true))
            #expect(again.code == -2022)
            let trades = try await client.signed("GET", "/fapi/v1/userTrades", [("symbol", "BTCUSDT")])
            #expect(trades.array.count == 4, "the acknowledged round trip, then the one read back")
            #expect(trades.array.last?["realizedPnl"] as? String == "9.99000000")
        }
    }

    @Test func orderLifecycleAndBatch() async throws {
        try await withSimulator { simulator in
            let client = try await pinnedClient(simulator)
            let placed = try await client.signed(
                "POST", "/fapi/v1/order", Self.order("BUY", "LIMIT", "0.002", price: "64000", tif: "GTX", id: "x-abc:1/2.3"))
            #expect(placed.object["status"] as? String == "NEW", "\(placed.body)")
            #expect(placed.object["timeInForce"] as? String == "GTX")
            let query = try await client.signed("GET", "/fapi/v1/order", [("symbol", "BTCUSDT"), ("origClientOrderId", "x-abc:1/2.3")])
            #expect(query.object["price"] as? String == "64000.00")
            try #expect(Fixture.keys("futures-open-order").isSubset(of: Set(query.object.keys)))
            #expect(try await client.signed("GET", "/fapi/v1/openOrder", [("symbol", "BTCUSDT"), ("origClientOrderId", "x-abc:1/2.3")]).status == 200)
            #expect(try await client.signed("GET", "/fapi/v1/openOrders").array.count == 1)
            let duplicate = try await client.signed(
                "POST", "/fapi/v1/order", Self.order("BUY", "LIMIT", "0.002", price: "64000", tif: "GTC", id: "x-abc:1/2.3"))
            #expect(duplicate.code == -4116)
            let cancelled = try await client.signed("DELETE", "/fapi/v1/order", [("symbol", "BTCUSDT"), ("origClientOrderId", "x-abc:1/2.3")])
            #expect(cancelled.object["status"] as? String == "CANCELED")
            #expect(try await client.signed("DELETE", "/fapi/v1/order", [("symbol", "BTCUSDT"), ("orderId", "1")]).code == -2011)
            #expect(try await client.signed("GET", "/fapi/v1/order", [("symbol", "BTCUSDT"), ("orderId", "1")]).code == -2013)

            let batch = """
                [{"symbol":"BTCUSDT","side":"BUY","type":"LIMIT","timeInForce":"GTC","quantity":"0.002","price":"63000"},\
                {"symbol":"BTCUSDT","side":"BUY","type":"LIMIT","timeInForce":"GTC","quantity":"0.002","price":"63000.05"},\
                {"symbol":"BTCUSDT","side":"SELL","type":"LIMIT","timeInForce":"GTC","quantity":"0.002","price":"67000"}]
                """
            let results = try await client.signed("POST", "/fapi/v1/batchOrders", [("batchOrders", batch)], inBody: true)
            #expect(results.status == 200, "\(results.body)")
            let list = results.array
            #expect(list.count == 3)
            #expect(list[0]["status"] as? String == "NEW")
            #expect(list[1]["code"] as? Int == -4014)
            #expect(list[2]["status"] as? String == "NEW")
            let six = "[" + Array(repeating: #"{"symbol":"BTCUSDT","side":"BUY","type":"MARKET","quantity":"0.002"}"#, count: 6)
                .joined(separator: ",") + "]"
            #expect(try await client.signed("POST", "/fapi/v1/batchOrders", [("batchOrders", six)]).code == -1130)
            let all = try await client.signed("DELETE", "/fapi/v1/allOpenOrders", [("symbol", "BTCUSDT")])
            #expect(all.object["code"] as? Int == 200)
            #expect(try await client.signed("GET", "/fapi/v1/openOrders", [("symbol", "BTCUSDT")]).array.isEmpty)
        }
    }

    @Test func batchCancelAndTestOrder() async throws {
        try await withSimulator { simulator in
            let client = try await pinnedClient(simulator)
            #expect(try await client.signed("POST", "/fapi/v1/order/test", Self.order("BUY", "LIMIT", "0.002", price: "64000", tif: "GTC")).body == "{}")
            let first = try await client.signed("POST", "/fapi/v1/order", Self.order("BUY", "LIMIT", "0.002", price: "64000", tif: "GTC", id: "a"))
            _ = try await client.signed("POST", "/fapi/v1/order", Self.order("BUY", "LIMIT", "0.002", price: "63900", tif: "GTC", id: "b"))
            let firstID = try #require(first.object["orderId"] as? Int64)
            let byID = try await client.signed(
                "DELETE", "/fapi/v1/batchOrders", [("symbol", "BTCUSDT"), ("orderIdList", "[\(firstID),42]")])
            #expect(byID.array.count == 2)
            #expect(byID.array[0]["status"] as? String == "CANCELED")
            #expect(byID.array[1]["code"] as? Int == -2011)
            let byClientID = try await client.signed(
                "DELETE", "/fapi/v1/batchOrders", [("symbol", "BTCUSDT"), ("origClientOrderIdList", #"["b"]"#)])
            #expect(byClientID.array.first?["clientOrderId"] as? String == "b")
            #expect(try await client.signed("GET", "/fapi/v1/openOrders").array.isEmpty)
        }
    }

    @Test func futuresRefusals() async throws {
        try await withSimulator { simulator in
            let client = try await pinnedClient(simulator)
            func code(_ parameters: [(String, String)]) async throws -> Int? {
                try await client.signed("POST", "/fapi/v1/order", parameters).code
            }
            #expect(try await code(Self.order("BUY", "LIMIT", "0.002", price: "64000.05", tif: "GTC")) == -4014)
            #expect(try await code(Self.order("BUY", "LIMIT", "0.0015", price: "64000", tif: "GTC")) == -1111)
            #expect(try await code(Self.order("BUY", "LIMIT", "0.001", price: "64000", tif: "GTC")) == -4164)
            #expect(try await code(Self.order("BUY", "LIMIT", "0.002", price: "70000", tif: "GTC")) == -4016)
            #expect(try await code(Self.order("SELL", "LIMIT", "0.002", price: "60000", tif: "GTC")) == -4024)
            #expect(try await code(Self.order("BUY", "LIMIT", "5", price: "64000", tif: "GTC")) == -2019)
            #expect(try await code(Self.order("BUY", "LIMIT", "0.002", price: "65100", tif: "GTX")) == -5022)
            #expect(try await code(Self.order("BUY", "STOP_MARKET", "0.002")) == -4120)
            #expect(try await code(Self.order("BUY", "LIMIT", "0.002", price: "64000", tif: "GTC", id: "bad id!")) == -4015)
            var hedge = Self.order("BUY", "MARKET", "0.002")
            hedge.append(("positionSide", "LONG"))
            #expect(try await code(hedge) == -4061)
            #expect(try await client.signed("POST", "/fapi/v1/leverage", [("symbol", "BTCUSDT"), ("leverage", "200")]).code == -4028)
        }
    }
}
