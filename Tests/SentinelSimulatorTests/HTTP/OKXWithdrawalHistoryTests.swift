import Foundation
import SentinelCore
import Testing
@testable import SentinelSimulator

/// `GET /api/v5/asset/withdrawal-history`: OKX's shape, its `after`/`before` cursors, and no withdrawals in demo.
@Suite struct OKXWithdrawalHistoryTests {
    @Test func listsTheWithdrawalNewestFirst() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.okxClient(permissions: ["read"])
            let pair = try await simulator.twoWithdrawals(
                client.apiKey, then: SimulatedWithdrawal(coin: "ETH", amount: "0.25", address: "0xDeF456"))
            let (first, second) = (pair.first, pair.second)
            let answer = try await client.signed("GET", "/api/v5/asset/withdrawal-history")
            #expect(answer.status == 200 && answer.okxCode == "0")
            #expect(answer.okxData.map { $0["wdId"] as? String } == [second, first])
            let row = answer.okxData[1]
            #expect(row["ccy"] as? String == "USDT" && row["chain"] as? String == "USDT-ERC20")
            #expect(row["amt"] as? String == "100.5" && row["fee"] as? String == "1")
            #expect(row["feeCcy"] as? String == "USDT")
            #expect(row["state"] as? String == "2" && row["to"] as? String == "0xAbC123")
            #expect(row["ts"] as? String == String(pair.made) && row["nonTradableAsset"] as? Bool == false)
            #expect((row["txId"] as? String)?.hasPrefix("0x") == true)
            #expect(answer.okxData[0]["chain"] as? String == "ETH-Ethereum")

            let newer = try await client.signed("GET", "/api/v5/asset/withdrawal-history?before=\(pair.made)")
            #expect(newer.okxData.map { $0["wdId"] as? String } == [second])
            let older = try await client.signed("GET", "/api/v5/asset/withdrawal-history?after=\(pair.made + 1)&ccy=USDT")
            #expect(older.okxData.map { $0["wdId"] as? String } == [first])
            let one = try await client.signed("GET", "/api/v5/asset/withdrawal-history?limit=1")
            #expect(one.okxData.count == 1)
            let failed = try await client.signed("GET", "/api/v5/asset/withdrawal-history?state=-1")
            #expect(failed.okxCode == "0" && failed.okxData.isEmpty)
        }
    }

    @Test func refusesBadParametersAndDemo() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.okxClient()
            for query in ["limit=101", "limit=x", "after=-5", "state=3", "type=1"] {
                let bad = try await client.signed("GET", "/api/v5/asset/withdrawal-history?" + query)
                #expect(bad.status == 400 && bad.okxCode == "51000", "\(query)")
            }
            let demo = try await simulator.okxClient(environment: "demo")
            let refused = try await demo.signed("GET", "/api/v5/asset/withdrawal-history")
            #expect(refused.status == 200 && refused.okxCode == "50038")
            #expect(refused.object["msg"] as? String == "This feature is unavailable in demo trading")
        }
    }
}
