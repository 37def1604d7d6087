import Foundation
import Testing
@testable import SentinelSimulator

/// The admin API's "someone else" operations (`PATCH /keys/{apiKey}`, `POST /keys/{apiKey}/orders`,
/// `POST /keys/{apiKey}/withdrawals`) and what the exchange then shows: Binance's own endpoints are the witness.
@Suite(.timeLimit(.minutes(5))) struct OtherActivityAdminTests {
    @Test func anotherClientsOrderAWithdrawalAndAKeyChangeShowOnTheExchange() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.binanceClient(
                SimulatedKeyRequest(exchange: "binance", permissions: ["read", "trade"], ipWhitelist: ["127.0.0.1"]))
            let admin = simulator.adminURL + "/keys/" + client.apiKey
            let order = try await TestHTTP.postJSON(
                admin + "/orders", #"{"symbol":"BTC/USDT","side":"buy","price":"30000","quantity":"0.001","clientOrderId":"web1"}"#)
            #expect(order.status == 200, "\(order.body)")
            #expect(order.object["clientOrderId"] as? String == "web1")
            #expect(order.object["symbol"] as? String == "BTCUSDT")
            let open = try await client.signed("GET", "/api/v3/openOrders")
            #expect(open.array.map { $0["clientOrderId"] as? String } == ["web1"], "\(open.body)")
            #expect(open.array.first?["origQty"] as? String == "0.00100000")

            let withdrawal = try await TestHTTP.postJSON(
                admin + "/withdrawals", #"{"coin":"usdt","amount":"250.5","address":"0xabc"}"#)
            #expect(withdrawal.status == 200, "\(withdrawal.body)")
            let id = try #require(withdrawal.object["id"] as? String)
            #expect(id.count == 32)
            let history = try await client.signed("GET", "/sapi/v1/capital/withdraw/history")
            let row = try #require(history.array.first, "\(history.body)")
            #expect(row["id"] as? String == id)
            #expect(row["amount"] as? String == "250.50000000")
            #expect(row["transactionFee"] as? String == "1.00000000")
            #expect(row["coin"] as? String == "USDT")
            #expect(row["status"] as? Int == 6)
            #expect(row["address"] as? String == "0xabc")
            let applyTime = try #require(row["applyTime"] as? String)
            #expect(applyTime.count == 19 && applyTime.dropFirst(10).first == " ", "\(applyTime)")
            let account = try await client.signed("GET", "/api/v3/account")
            let usdt = (account.object["balances"] as? [[String: Any]])?.first { $0["asset"] as? String == "USDT" }
            // 10,000 funded, 30 locked by the order, 251.5 withdrawn with its fee.
            #expect(usdt?["free"] as? String == "9718.50000000", "\(String(describing: usdt))")
            let byCoin = try await client.signed("GET", "/sapi/v1/capital/withdraw/history", [("coin", "BTC")])
            #expect(byCoin.array.isEmpty)
            let tooLong = try await client.signed(
                "GET", "/sapi/v1/capital/withdraw/history", [("startTime", "0"), ("endTime", "8000000000000")])
            #expect(tooLong.code == -1128, "\(tooLong.body)")

            let change = try await TestHTTP.send(
                "PATCH", admin, headers: ["Content-Type": "application/json"],
                body: #"{"permissions":["read","trade","withdraw"],"ipWhitelist":[]}"#)
            #expect(change.status == 200, "\(change.body)")
            let restrictions = try await client.signed("GET", "/sapi/v1/account/apiRestrictions")
            #expect(restrictions.object["enableWithdrawals"] as? Bool == true, "\(restrictions.body)")
            #expect(restrictions.object["ipRestrict"] as? Bool == false)
        }
    }

    @Test func badInputIsRefusedWithAReason() async throws {
        try await withSimulator { simulator in
            let key = try await simulator.createKey(SimulatedKeyRequest(exchange: "okx"))
            let admin = simulator.adminURL + "/keys/" + key.apiKey
            let refusals: [(String, String, String)] = [
                ("PATCH", admin, #"{"permissions":["root"]}"#),
                ("PATCH", admin, #"{"ipWhitelist":["nope"]}"#),
                ("PATCH", admin, #"{"expiresAt":-5}"#),
                ("PATCH", admin, #"{"colour":"red"}"#),
                ("PATCH", simulator.adminURL + "/keys/unknown", #"{"ipWhitelist":[]}"#),
                ("POST", admin + "/orders", #"{"symbol":"DOGE-USDT","side":"buy","price":"1","quantity":"1"}"#),
                ("POST", admin + "/orders", #"{"symbol":"BTC-USDT","side":"up","price":"1","quantity":"1"}"#),
                ("POST", admin + "/orders", #"{"symbol":"BTC-USDT","side":"buy","price":"-1","quantity":"1"}"#),
                ("POST", admin + "/orders", #"{"symbol":"BTC-USDT","side":"buy","price":"30000","quantity":"1","clientOrderId":"a_b"}"#),
                ("POST", admin + "/orders", #"{"symbol":"BTC-USDT","side":"buy","price":"30000","quantity":"5"}"#),
                ("POST", admin + "/withdrawals", #"{"coin":"USDT","amount":"0","address":"x1"}"#),
                ("POST", admin + "/withdrawals", #"{"coin":"USDT","amount":"1","address":"../etc"}"#),
                ("POST", admin + "/withdrawals", #"{"coin":"USDT","amount":"10000","address":"x1"}"#),
                ("POST", admin + "/withdrawals", #"{"coin":"USDT","amount":"1"}"#),
            ]
            for (method, url, body) in refusals {
                let answer = try await TestHTTP.send(method, url, headers: ["Content-Type": "application/json"], body: body)
                #expect(answer.status == 400, "\(method) \(body): \(answer.body)")
                #expect((answer.object["error"] as? String)?.isEmpty == false, "\(body)")
            }
        }
    }
}
