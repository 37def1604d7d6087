import Foundation
import SentinelCore
import Testing
@testable import SentinelSimulator

/// `GET /api/v1/withdrawals`: KuCoin's page shape on the spot host, and nothing of it on the futures host.
@Suite struct KuCoinWithdrawalHistoryTests {
    @Test func listsTheWithdrawalNewestFirst() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.kucoinClient(permissions: ["read"])
            let pair = try await simulator.twoWithdrawals(
                client.apiKey, then: SimulatedWithdrawal(coin: "BTC", amount: "0.01", address: "bc1qxyz"))
            let (first, second) = (pair.first, pair.second)
            let answer = try await client.signed("GET", "/api/v1/withdrawals")
            #expect(answer.status == 200 && answer.kucoinCode == "200000")
            #expect(answer.headers["gw-ratelimit-limit"] == "2000")
            let page = answer.kucoinObject
            #expect(page["currentPage"] as? Int == 1 && page["pageSize"] as? Int == 50)
            #expect(page["totalNum"] as? Int == 2 && page["totalPage"] as? Int == 1)
            let items = try #require(page["items"] as? [[String: Any]])
            #expect(items.map { $0["id"] as? String } == [second, first])
            let item = items[1]
            #expect(item["currency"] as? String == "USDT" && item["chain"] as? String == "eth")
            #expect(item["amount"] as? String == "100.50000000" && item["fee"] as? String == "1.00000000")
            #expect(item["status"] as? String == "SUCCESS" && item["address"] as? String == "0xAbC123")
            #expect(item["createdAt"] as? Int == Int(pair.made) && item["isInner"] as? Bool == false)
            #expect((item["walletTxId"] as? String)?.hasPrefix("0x") == true)

            let since = try await client.signed("GET", "/api/v1/withdrawals?startAt=\(pair.made + 1)")
            #expect((since.kucoinObject["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [second])
            let usdt = try await client.signed("GET", "/api/v1/withdrawals?currency=USDT&status=SUCCESS")
            #expect((usdt.kucoinObject["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [first])
            let futures = simulator.kucoinClient(sameKeyAs: client, futures: true)
            let elsewhere = try await futures.signed("GET", "/api/v1/withdrawals")
            #expect(elsewhere.status == 404 && elsewhere.kucoinCode == "404000")
        }
    }

    @Test func refusesBadParameters() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.kucoinClient()
            for query in ["pageSize=5", "pageSize=501", "currentPage=0", "status=DONE", "startAt=yesterday"] {
                let bad = try await client.signed("GET", "/api/v1/withdrawals?" + query)
                #expect(bad.status == 400 && bad.kucoinCode == "400100", "\(query)")
            }
        }
    }
}
