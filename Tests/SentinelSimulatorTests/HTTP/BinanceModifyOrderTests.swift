import Foundation
import Testing
@testable import SentinelSimulator

/// `PUT /fapi/v1/order`: a resting limit order changed in place (issue 15).
@Suite(.timeLimit(.minutes(5))) struct BinanceModifyOrderTests {
    @Test func priceAndQuantityChangeInPlaceAndACrossingPriceFills() async throws {
        try await withSimulator { simulator in
            try await simulator.setPrice(exchange: "binance", symbol: "BTC/USDT:USDT", price: "65000")
            let client = try await simulator.futuresClient()
            let placed = try await client.signed(
                "POST", "/fapi/v1/order", BinanceFuturesTests.order("BUY", "LIMIT", "0.002", price: "60000", tif: "GTC", id: "m1"))
            let id = try #require(placed.object["orderId"] as? Int64)
            func modify(_ price: String, _ quantity: String, side: String = "BUY") async throws -> HTTPAnswer {
                try await client.signed(
                    "PUT", "/fapi/v1/order",
                    [("symbol", "BTCUSDT"), ("origClientOrderId", "m1"), ("side", side), ("quantity", quantity), ("price", price)])
            }
            let moved = try await modify("61000", "0.003")
            #expect(moved.object["orderId"] as? Int64 == id, "the same order")
            #expect(moved.object["price"] as? String == "61000.00" && moved.object["origQty"] as? String == "0.003")
            #expect(moved.object["status"] as? String == "NEW")
            #expect(try await modify("61000", "0.003").code == -5027)
            #expect(try await modify("61000", "0.004", side: "SELL").code == -1117)
            #expect(try await modify("61000.05", "0.003").status == 400, "off the tick")

            let crossed = try await modify("65100", "0.003")
            #expect(crossed.object["status"] as? String == "FILLED", "\(crossed.body)")
            #expect(try await modify("60000", "0.003").code == -2013, "a filled order cannot change")
            let missing = try await client.signed(
                "PUT", "/fapi/v1/order", [("symbol", "BTCUSDT"), ("orderId", "1"), ("side", "BUY"), ("quantity", "0.002"), ("price", "60000")])
            #expect(missing.code == -2013)
        }
    }
}
