import Foundation
import Testing
@testable import SentinelSimulator

/// Hedge mode, margin type and multi-assets margin on USDⓈ-M, as python-binance and ccxt set them (issue 15).
@Suite(.timeLimit(.minutes(5))) struct BinancePositionModeTests {
    func order(_ side: String, _ leg: String?, _ quantity: String) -> [(String, String)] {
        var parameters = BinanceFuturesTests.order(side, "MARKET", quantity) + [("newOrderRespType", "RESULT")]
        if let leg { parameters.append(("positionSide", leg)) }
        return parameters
    }

    @Test func hedgeModeKeepsALongAndAShortLegAndRefusesToSwitchWhileOpen() async throws {
        try await withSimulator { simulator in
            try await simulator.setPrice(exchange: "binance", symbol: "BTC/USDT:USDT", price: "65000")
            let client = try await simulator.futuresClient()
            let mode = "/fapi/v1/positionSide/dual"
            #expect(try await client.signed("GET", mode).object["dualSidePosition"] as? Bool == false)
            let oneWayLeg = try await client.signed("POST", "/fapi/v1/order", order("BUY", "LONG", "0.002"))
            #expect(oneWayLeg.code == -4061, "one-way mode takes no leg")

            let switched = try await client.signed("POST", mode, [("dualSidePosition", "true")])
            #expect(switched.object["code"] as? Int == 200)
            #expect(try await client.signed("GET", mode).object["dualSidePosition"] as? Bool == true)
            #expect(try await client.signed("POST", mode, [("dualSidePosition", "true")]).code == -4059)

            #expect(try await client.signed("POST", "/fapi/v1/order", order("BUY", nil, "0.002")).code == -4061)
            let reduce = try await client.signed(
                "POST", "/fapi/v1/order", order("SELL", "LONG", "0.002") + [("reduceOnly", "true")])
            #expect(reduce.code == -1106)

            let long = try await client.signed("POST", "/fapi/v1/order", order("BUY", "LONG", "0.003"))
            #expect(long.object["status"] as? String == "FILLED" && long.object["positionSide"] as? String == "LONG")
            let short = try await client.signed("POST", "/fapi/v1/order", order("SELL", "SHORT", "0.002"))
            #expect(short.object["status"] as? String == "FILLED")
            let risk = try await client.signed("GET", "/fapi/v3/positionRisk", [("symbol", "BTCUSDT")])
            let legs = Dictionary(uniqueKeysWithValues: risk.array.compactMap { line -> (String, String)? in
                guard let side = line["positionSide"] as? String, let amount = line["positionAmt"] as? String else { return nil }
                return (side, amount)
            })
            #expect(legs == ["LONG": "0.003", "SHORT": "-0.002"], "both legs open at once")
            #expect(try await client.signed("POST", mode, [("dualSidePosition", "false")]).code == -4068)

            // Closing a leg only reduces it: selling more than the long closes the long, nothing goes short.
            let closeLong = try await client.signed("POST", "/fapi/v1/order", order("SELL", "LONG", "0.005"))
            #expect(closeLong.object["executedQty"] as? String == "0.003")
            #expect(try await client.signed("POST", "/fapi/v1/order", order("SELL", "LONG", "0.002")).code == -2022)
            _ = try await client.signed("POST", "/fapi/v1/order", order("BUY", "SHORT", "0.002"))
            #expect(try await client.signed("GET", "/fapi/v3/positionRisk").array.isEmpty)
            #expect(try await client.signed("POST", mode, [("dualSidePosition", "false")]).object["code"] as? Int == 200)
            #expect(try await client.signed("POST", mode, [("dualSidePosition", "maybe")]).code == -1102)
        }
    }

    @Test func marginTypeAndMultiAssetsMargin() async throws {
        try await withSimulator { simulator in
            try await simulator.setPrice(exchange: "binance", symbol: "BTC/USDT:USDT", price: "65000")
            let client = try await simulator.futuresClient()
            let isolated = try await client.signed("POST", "/fapi/v1/marginType", [("symbol", "BTCUSDT"), ("marginType", "ISOLATED")])
            #expect(isolated.object["msg"] as? String == "success")
            let again = try await client.signed("POST", "/fapi/v1/marginType", [("symbol", "BTCUSDT"), ("marginType", "ISOLATED")])
            #expect(again.code == -4046)
            let config = try await client.signed("GET", "/fapi/v1/symbolConfig", [("symbol", "BTCUSDT")])
            #expect(config.array.first?["marginType"] as? String == "ISOLATED")
            #expect(try await client.signed("GET", "/fapi/v1/accountConfig").object["dualSidePosition"] as? Bool == false)
            let risk = try await client.signed("GET", "/fapi/v2/positionRisk", [("symbol", "BTCUSDT")])
            #expect(risk.array.first?["marginType"] as? String == "isolated")
            _ = try await client.signed("POST", "/fapi/v1/order", order("BUY", nil, "0.002"))
            let whileOpen = try await client.signed("POST", "/fapi/v1/marginType", [("symbol", "BTCUSDT"), ("marginType", "CROSSED")])
            #expect(whileOpen.code == -4048)
            let bad = try await client.signed("POST", "/fapi/v1/marginType", [("symbol", "BTCUSDT"), ("marginType", "BOTH")])
            #expect(bad.code == -1102)

            #expect(try await client.signed("GET", "/fapi/v1/multiAssetsMargin").object["multiAssetsMargin"] as? Bool == false)
            _ = try await client.signed("POST", "/fapi/v1/multiAssetsMargin", [("multiAssetsMargin", "true")])
            #expect(try await client.signed("GET", "/fapi/v1/multiAssetsMargin").object["multiAssetsMargin"] as? Bool == true)
        }
    }
}
