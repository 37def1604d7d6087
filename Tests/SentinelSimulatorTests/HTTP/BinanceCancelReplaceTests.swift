import Foundation
import Testing
@testable import SentinelSimulator

/// `POST /api/v3/order/cancelReplace` in its success, partial (409) and failed (400) outcomes (issue 15).
@Suite(.timeLimit(.minutes(5))) struct BinanceCancelReplaceTests {
    func replace(_ cancel: (String, String), mode: String, price: String, id: String) -> [(String, String)] {
        [
            ("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "LIMIT"), ("timeInForce", "GTC"), ("quantity", "0.01"),
            ("price", price), ("cancelReplaceMode", mode), cancel, ("newClientOrderId", id),
        ]
    }

    @Test func replacesPartiallyFailsAndFails() async throws {
        try await withSimulator { simulator in
            try await simulator.setPrice(exchange: "binance", symbol: "BTCUSDT", price: "65000")
            let client = try await simulator.spotClient()
            _ = try await client.signed(
                "POST", "/api/v3/order", BinanceSpotOrderTests.limit("BUY", "60000", "0.01", id: "first"), inBody: true)
            let path = "/api/v3/order/cancelReplace"

            let replaced = try await client.signed(
                "POST", path, replace(("cancelOrigClientOrderId", "first"), mode: "STOP_ON_FAILURE", price: "60500", id: "second"),
                inBody: true)
            #expect(replaced.status == 200, "\(replaced.body)")
            #expect(replaced.object["cancelResult"] as? String == "SUCCESS")
            #expect((replaced.object["cancelResponse"] as? [String: Any])?["status"] as? String == "CANCELED")
            #expect((replaced.object["newOrderResponse"] as? [String: Any])?["clientOrderId"] as? String == "second")

            // The order to cancel is gone: STOP_ON_FAILURE places nothing.
            let stopped = try await client.signed(
                "POST", path, replace(("cancelOrigClientOrderId", "first"), mode: "STOP_ON_FAILURE", price: "60600", id: "third"),
                inBody: true)
            #expect(stopped.status == 400 && stopped.code == -2022)
            let stoppedData = try #require(stopped.object["data"] as? [String: Any])
            #expect(stoppedData["cancelResult"] as? String == "FAILURE" && stoppedData["newOrderResult"] as? String == "NOT_ATTEMPTED")
            #expect((stoppedData["cancelResponse"] as? [String: Any])?["code"] as? Int == -2011)

            // ALLOW_FAILURE places it anyway: one of two succeeded, HTTP 409.
            let partial = try await client.signed(
                "POST", path, replace(("cancelOrigClientOrderId", "first"), mode: "ALLOW_FAILURE", price: "60600", id: "third"),
                inBody: true)
            #expect(partial.status == 409 && partial.code == -2021)
            #expect((partial.object["data"] as? [String: Any])?["newOrderResult"] as? String == "SUCCESS")
            let open = try await client.signed("GET", "/api/v3/openOrders", [("symbol", "BTCUSDT")])
            #expect(Set(open.array.compactMap { $0["clientOrderId"] as? String }) == ["second", "third"])

            // Cancelled, but the new order is refused: the cancel stands.
            let halfway = try await client.signed(
                "POST", path, replace(("cancelOrigClientOrderId", "second"), mode: "STOP_ON_FAILURE", price: "60000.001", id: "fourth"),
                inBody: true)
            #expect(halfway.status == 409 && halfway.code == -2021, "\(halfway.body)")
            let left = try await client.signed("GET", "/api/v3/openOrders", [("symbol", "BTCUSDT")])
            #expect(left.array.compactMap { $0["clientOrderId"] as? String } == ["third"])
            let noTarget = try await client.signed(
                "POST", path, [("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "LIMIT"), ("cancelReplaceMode", "STOP_ON_FAILURE")],
                inBody: true)
            #expect(noTarget.code == -1102)
        }
    }
}
