import Foundation
import SentinelCore
import Testing
@testable import SentinelSimulator

/// `GET /api/v2/spot/wallet/withdrawal-records`: Bitget's shape, its required window, paging, and no demo access.
@Suite struct BitgetWithdrawalHistoryTests {
    @Test func listsTheWithdrawalNewestFirst() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.bitgetClient(permissions: ["read"])
            let pair = try await simulator.twoWithdrawals(
                client.apiKey, then: SimulatedWithdrawal(coin: "BTC", amount: "0.01", address: "bc1qxyz"))
            let (first, second) = (pair.first, pair.second)
            let window = "startTime=\(pair.made - 60_000)&endTime=\(pair.made + 60_000)"
            let answer = try await client.signed("GET", "/api/v2/spot/wallet/withdrawal-records?" + window)
            #expect(answer.status == 200 && answer.bitgetCode == "00000")
            #expect(answer.bitgetList.map { $0["orderId"] as? String } == [second, first])
            let row = answer.bitgetList[1]
            #expect(row["coin"] as? String == "USDT" && row["chain"] as? String == "ERC20")
            #expect(row["size"] as? String == "101.50000000" && row["fee"] as? String == "-1.00000000")
            #expect(row["status"] as? String == "success" && row["toAddress"] as? String == "0xAbC123")
            #expect(row["cTime"] as? String == String(pair.made) && row["type"] as? String == "withdraw")
            #expect(row["dest"] as? String == "on_chain" && (row["tradeId"] as? String)?.hasPrefix("0x") == true)

            let older = try await client.signed(
                "GET", "/api/v2/spot/wallet/withdrawal-records?\(window)&limit=1&idLessThan=\(second)")
            #expect(older.bitgetList.map { $0["orderId"] as? String } == [first])
            let btc = try await client.signed("GET", "/api/v2/spot/wallet/withdrawal-records?\(window)&coin=BTC")
            #expect(btc.bitgetList.map { $0["orderId"] as? String } == [second])
        }
    }

    @Test func refusesBadParametersAndDemo() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.bitgetClient()
            let now = try #require(simulator.configuration.clock).milliseconds
            let noStart = try await client.signed("GET", "/api/v2/spot/wallet/withdrawal-records?endTime=\(now)")
            #expect(noStart.status == 400 && noStart.bitgetCode == "40019")
            let tooLong = try await client.signed(
                "GET", "/api/v2/spot/wallet/withdrawal-records?startTime=\(now - 91 * 86_400_000)&endTime=\(now)")
            #expect(tooLong.status == 400 && tooLong.bitgetCode == "40808")
            let badLimit = try await client.signed(
                "GET", "/api/v2/spot/wallet/withdrawal-records?startTime=\(now - 1_000)&endTime=\(now)&limit=101")
            #expect(badLimit.status == 400 && badLimit.bitgetCode == "40020")
            let demo = try await simulator.bitgetClient(environment: "demo")
            let refused = try await demo.signed(
                "GET", "/api/v2/spot/wallet/withdrawal-records?startTime=\(now - 1_000)&endTime=\(now)")
            #expect(refused.bitgetCode == "40081")
        }
    }
}
