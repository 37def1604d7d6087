import Foundation
import Testing
@testable import SentinelSimulator

/// Spot stop-limit orders: they rest outside the book until the market reaches the stop, then work as limit orders.
@Suite(.timeLimit(.minutes(5))) struct BinanceStopOrderTests {
    func stop(_ type: String, _ side: String, stop: String, price: String, id: String) -> [(String, String)] {
        [
            ("symbol", "BTCUSDT"), ("side", side), ("type", type), ("timeInForce", "GTC"), ("quantity", "0.01"),
            ("price", price), ("stopPrice", stop), ("newClientOrderId", id), ("newOrderRespType", "RESULT"),
        ]
    }

    @Test func aSellStopLossWaitsThenTriggersAndFills() async throws {
        try await withSimulator { simulator in
            try await simulator.setPrice(exchange: "binance", symbol: "BTCUSDT", price: "65000")
            let client = try await simulator.spotClient()
            let placed = try await client.signed(
                "POST", "/api/v3/order", stop("STOP_LOSS_LIMIT", "SELL", stop: "64000", price: "63900", id: "sl"), inBody: true)
            #expect(placed.object["type"] as? String == "STOP_LOSS_LIMIT", "\(placed.body)")
            #expect(placed.object["status"] as? String == "NEW")
            let waiting = try await client.signed("GET", "/api/v3/order", [("symbol", "BTCUSDT"), ("origClientOrderId", "sl")])
            #expect(waiting.object["isWorking"] as? Bool == false && waiting.object["stopPrice"] as? String == "64000.00000000")
            #expect(waiting.object["workingTime"] as? Int64 == -1)
            // The funds are held while it waits.
            let account = try await client.signed("GET", "/api/v3/account")
            let btc = (account.object["balances"] as? [[String: String]])?.first { $0["asset"] == "BTC" }
            #expect(btc?["locked"] == "0.01000000")

            try await simulator.setPrice(exchange: "binance", symbol: "BTCUSDT", price: "64500")
            let still = try await client.signed("GET", "/api/v3/order", [("symbol", "BTCUSDT"), ("origClientOrderId", "sl")])
            #expect(still.object["isWorking"] as? Bool == false)
            try await simulator.setPrice(exchange: "binance", symbol: "BTCUSDT", price: "63950")
            let filled = try await client.signed("GET", "/api/v3/order", [("symbol", "BTCUSDT"), ("origClientOrderId", "sl")])
            #expect(filled.object["isWorking"] as? Bool == true)
            #expect(filled.object["status"] as? String == "FILLED", "\(filled.body)")
        }
    }

    @Test func stopsThatWouldTriggerAtOnceAndUnsupportedTypesAreRefused() async throws {
        try await withSimulator { simulator in
            try await simulator.setPrice(exchange: "binance", symbol: "BTCUSDT", price: "65000")
            let client = try await simulator.spotClient()
            let immediate = try await client.signed(
                "POST", "/api/v3/order", stop("STOP_LOSS_LIMIT", "SELL", stop: "66000", price: "65900", id: "x"), inBody: true)
            #expect(immediate.code == -2010 && immediate.message == "Stop price would trigger immediately.")
            let takeProfit = try await client.signed(
                "POST", "/api/v3/order", stop("TAKE_PROFIT_LIMIT", "SELL", stop: "66000", price: "66100", id: "tp"), inBody: true)
            #expect(takeProfit.object["status"] as? String == "NEW")
            let noStop = try await client.signed(
                "POST", "/api/v3/order",
                [("symbol", "BTCUSDT"), ("side", "SELL"), ("type", "STOP_LOSS_LIMIT"), ("timeInForce", "GTC"),
                 ("quantity", "0.01"), ("price", "63000")], inBody: true)
            #expect(noStop.code == -1102)
            let market = try await client.signed(
                "POST", "/api/v3/order",
                [("symbol", "BTCUSDT"), ("side", "SELL"), ("type", "STOP_LOSS"), ("quantity", "0.01"), ("stopPrice", "60000")],
                inBody: true)
            #expect(market.code == -2010 && market.message == "Stop loss orders are not supported for this symbol.")
            let info = try await client.get("/api/v3/exchangeInfo", [("symbol", "BTCUSDT")])
            let types = (info.object["symbols"] as? [[String: Any]])?.first?["orderTypes"] as? [String]
            #expect(types?.contains("STOP_LOSS_LIMIT") == true && types?.contains("STOP_LOSS") == false)
        }
    }
}
