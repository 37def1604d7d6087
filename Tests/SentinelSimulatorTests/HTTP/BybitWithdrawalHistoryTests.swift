import Foundation
import SentinelCore
import Testing
@testable import SentinelSimulator

/// `GET /v5/asset/withdraw/query-record`: the account's withdrawals in Bybit's shape, its 30-day window and paging.
@Suite struct BybitWithdrawalHistoryTests {
    @Test func listsTheWithdrawalNewestFirst() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.bybitClient(permissions: ["read"])
            let pair = try await simulator.twoWithdrawals(
                client.apiKey, then: SimulatedWithdrawal(coin: "BTC", amount: "0.01", address: "bc1qxyz"))
            let (first, second) = (pair.first, pair.second)
            let answer = try await client.signedGet("/v5/asset/withdraw/query-record", query: "withdrawType=2")
            #expect(answer.status == 200 && answer.retCode == 0)
            #expect(answer.headers["x-bapi-limit"] == "5")
            let rows = try #require(answer.result["rows"] as? [[String: Any]])
            #expect(rows.map { $0["withdrawId"] as? String } == [second, first])
            let row = rows[1]
            #expect(row["coin"] as? String == "USDT" && row["chain"] as? String == "ETH")
            #expect(row["amount"] as? String == "100.5" && row["withdrawFee"] as? String == "1")
            #expect(row["status"] as? String == "success" && row["toAddress"] as? String == "0xAbC123")
            #expect(row["createTime"] as? String == String(pair.made) && row["withdrawType"] as? Int == 0)
            #expect((row["txID"] as? String)?.count == 66)
            #expect(answer.result["nextPageCursor"] as? String == "")

            let page = try await client.signedGet("/v5/asset/withdraw/query-record", query: "limit=1")
            let cursor = try #require(page.result["nextPageCursor"] as? String)
            #expect(cursor == second)
            let next = try await client.signedGet("/v5/asset/withdraw/query-record", query: "limit=1&cursor=" + cursor)
            #expect((next.result["rows"] as? [[String: Any]])?.map { $0["withdrawId"] as? String } == [first])
            let offChain = try await client.signedGet("/v5/asset/withdraw/query-record", query: "withdrawType=1")
            #expect((offChain.result["rows"] as? [[String: Any]])?.isEmpty == true, "none went off chain")
        }
    }

    @Test func refusesBadParametersAndTheDemoHost() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.bybitClient()
            let clock = try #require(simulator.configuration.clock)
            let now = clock.milliseconds
            let tooLong = try await client.signedGet(
                "/v5/asset/withdraw/query-record", query: "startTime=\(now - 31 * 86_400_000)&endTime=\(now)")
            #expect(tooLong.status == 200 && tooLong.retCode == 10001)
            let old = try await client.signedGet(
                "/v5/asset/withdraw/query-record", query: "startTime=\(now - 31 * 86_400_000)")
            #expect(old.retCode == 10001, "endTime defaults to now: the span is too long")
            for query in ["limit=51", "limit=0", "withdrawType=3", "startTime=abc", "cursor=nope"] {
                clock.advance(milliseconds: 1_000)  // 5 requests per second
                let bad = try await client.signedGet("/v5/asset/withdraw/query-record", query: query)
                #expect(bad.retCode == 10001, "\(query)")
            }
            let demo = try await simulator.bybitClient(environment: "demo", prefix: "/demo")
            let refused = try await demo.signedGet("/v5/asset/withdraw/query-record")
            #expect(refused.status == 404 && refused.retCode == 10017)
        }
    }
}
