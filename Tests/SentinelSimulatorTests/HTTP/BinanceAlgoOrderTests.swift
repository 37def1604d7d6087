import Foundation
import Testing
@testable import SentinelSimulator

/// USDⓈ-M conditional orders through the Algo Order API: they wait outside the book, then become regular orders
/// when the price reaches the trigger.
@Suite(.timeLimit(.minutes(5))) struct BinanceAlgoOrderTests {
    func algo(_ type: String, _ side: String, trigger: String, extra: [(String, String)]) -> [(String, String)] {
        [("algoType", "CONDITIONAL"), ("symbol", "BTCUSDT"), ("side", side), ("type", type), ("triggerPrice", trigger)]
            + extra
    }

    @Test func aStopMarketClosesThePositionWhenThePriceFalls() async throws {
        try await withSimulator { simulator in
            try await simulator.setPrice(exchange: "binance", symbol: "BTC/USDT:USDT", price: "65000")
            let client = try await simulator.futuresClient()
            let open = try await client.signed(
                "POST", "/fapi/v1/order", [("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "MARKET"), ("quantity", "0.01")])
            #expect(open.status == 200, "\(open.body)")
            let placed = try await client.signed(
                "POST", "/fapi/v1/algoOrder",
                algo("STOP_MARKET", "SELL", trigger: "64000", extra: [("closePosition", "true"), ("clientAlgoId", "sl-1")]))
            #expect(placed.status == 200, "\(placed.body)")
            #expect(placed.object["algoStatus"] as? String == "NEW")
            #expect(placed.object["orderType"] as? String == "STOP_MARKET")
            #expect(placed.object["triggerPrice"] as? String == "64000.00")
            #expect(placed.object["clientAlgoId"] as? String == "sl-1")
            let algoID = try #require(placed.object["algoId"] as? Int64)
            // Not a regular order while it waits.
            #expect(try await client.signed("GET", "/fapi/v1/openOrders", [("symbol", "BTCUSDT")]).array.isEmpty)
            let waiting = try await client.signed("GET", "/fapi/v1/openAlgoOrders", [("symbol", "BTCUSDT")])
            #expect(waiting.array.map { $0["algoId"] as? Int64 } == [algoID], "\(waiting.body)")

            try await simulator.setPrice(exchange: "binance", symbol: "BTC/USDT:USDT", price: "64500")
            let still = try await client.signed("GET", "/fapi/v1/algoOrder", [("algoId", String(algoID))])
            #expect(still.object["algoStatus"] as? String == "NEW")
            try await simulator.setPrice(exchange: "binance", symbol: "BTC/USDT:USDT", price: "63900")
            let fired = try await client.signed("GET", "/fapi/v1/algoOrder", [("clientAlgoId", "sl-1")])
            #expect(fired.object["algoStatus"] as? String == "FINISHED", "\(fired.body)")
            #expect((fired.object["triggerTime"] as? Int64 ?? 0) > 0)
            let actual = try #require(fired.object["actualOrderId"] as? String)
            let order = try await client.signed("GET", "/fapi/v1/order", [("symbol", "BTCUSDT"), ("orderId", actual)])
            #expect(order.object["status"] as? String == "FILLED", "\(order.body)")
            #expect(order.object["reduceOnly"] as? Bool == true)
            let positions = try await client.signed("GET", "/fapi/v2/positionRisk", [("symbol", "BTCUSDT")])
            #expect(positions.array.first?["positionAmt"] as? String == "0.000", "\(positions.body)")
            #expect(try await client.signed("GET", "/fapi/v1/openAlgoOrders").array.isEmpty)
        }
    }

    @Test func aTakeProfitLimitBecomesARestingOrderAndCancelWorksBeforeThat() async throws {
        try await withSimulator { simulator in
            try await simulator.setPrice(exchange: "binance", symbol: "BTC/USDT:USDT", price: "65000")
            let client = try await simulator.futuresClient()
            let limit = [("timeInForce", "GTC"), ("quantity", "0.01"), ("price", "63000")]
            let takeProfit = try await client.signed(
                "POST", "/fapi/v1/algoOrder", algo("TAKE_PROFIT", "BUY", trigger: "64000", extra: limit + [("clientAlgoId", "tp")]))
            #expect(takeProfit.status == 200, "\(takeProfit.body)")
            let other = try await client.signed(
                "POST", "/fapi/v1/algoOrder", algo("TAKE_PROFIT", "BUY", trigger: "60000", extra: limit.dropLast() + [("price", "59000")]))
            let otherID = try #require(other.object["algoId"] as? Int64, "\(other.body)")
            let cancelled = try await client.signed("DELETE", "/fapi/v1/algoOrder", [("algoId", String(otherID))])
            #expect(cancelled.object["code"] as? String == "200" && cancelled.object["msg"] as? String == "success")
            #expect(try await client.signed("DELETE", "/fapi/v1/algoOrder", [("algoId", String(otherID))]).code == -2011)

            try await simulator.setPrice(exchange: "binance", symbol: "BTC/USDT:USDT", price: "63990")
            let fired = try await client.signed("GET", "/fapi/v1/algoOrder", [("clientAlgoId", "tp")])
            #expect(fired.object["algoStatus"] as? String == "TRIGGERED", "\(fired.body)")
            let open = try await client.signed("GET", "/fapi/v1/openOrders", [("symbol", "BTCUSDT")])
            #expect(open.array.map { $0["price"] as? String } == ["63000.00"], "\(open.body)")
            let all = try await client.signed("GET", "/fapi/v1/allAlgoOrders", [("symbol", "BTCUSDT")])
            #expect(all.array.map { $0["algoStatus"] as? String } == ["TRIGGERED", "CANCELED"])
        }
    }

    @Test func badAlgoOrdersAreRefusedAsBinanceDoes() async throws {
        try await withSimulator { simulator in
            try await simulator.setPrice(exchange: "binance", symbol: "BTC/USDT:USDT", price: "65000")
            let client = try await simulator.futuresClient()
            let plain = try await client.signed(
                "POST", "/fapi/v1/order",
                [("symbol", "BTCUSDT"), ("side", "SELL"), ("type", "STOP_MARKET"), ("stopPrice", "64000"), ("quantity", "0.01")])
            #expect(plain.code == -4120, "\(plain.body)")
            let cases: [([(String, String)], Int)] = [
                (algo("STOP_MARKET", "SELL", trigger: "66000", extra: [("quantity", "0.01")]), -2021),
                (algo("STOP_MARKET", "SELL", trigger: "64000", extra: []), -1102),
                ([("algoType", "CONDITIONAL"), ("symbol", "BTCUSDT"), ("side", "SELL"), ("type", "STOP_MARKET"),
                  ("quantity", "0.01")], -1102),
                (algo("STOP", "SELL", trigger: "64000", extra: [("quantity", "0.01")]), -1102),
                (algo("TRAILING_STOP_MARKET", "SELL", trigger: "64000", extra: [("quantity", "0.01")]), -1116),
                (algo("STOP", "SELL", trigger: "64000", extra: [("quantity", "0.01"), ("price", "63000"), ("closePosition", "true")]), -4136),
                (algo("STOP_MARKET", "SELL", trigger: "64000", extra: [("quantity", "0.01"), ("clientAlgoId", "bad id!")]), -4015),
                ([("algoType", "VP"), ("symbol", "BTCUSDT"), ("side", "SELL"), ("type", "STOP_MARKET"), ("triggerPrice", "1")], -1130),
            ]
            for (parameters, code) in cases {
                let answer = try await client.signed("POST", "/fapi/v1/algoOrder", parameters)
                #expect(answer.code == code, "\(parameters): \(answer.body)")
            }
            #expect(try await client.signed("GET", "/fapi/v1/algoOrder", [("algoId", "42")]).code == -2013)
        }
    }
}
