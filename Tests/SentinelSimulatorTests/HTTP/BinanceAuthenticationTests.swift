import CryptoExtras
import Foundation
import Testing
@testable import SentinelSimulator

/// Every refusal a signed request can meet, and the key types that can sign.
@Suite(.timeLimit(.minutes(5))) struct BinanceAuthenticationTests {
    @Test func signedRequestInQueryAndInBody() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.spotClient()
            let account = try await client.signed("GET", "/api/v3/account")
            #expect(account.status == 200)
            #expect(account.headers["x-mbx-used-weight-1m"] == "20")
            let balances = try #require(account.object["balances"] as? [[String: String]])
            #expect(balances.contains { $0["asset"] == "USDT" && $0["free"] == "10000.00000000" && $0["locked"] == "0.00000000" })
            #expect(balances.contains { $0["asset"] == "BTC" && $0["free"] == "1.00000000" })
            try #expect(Fixture.keys("spot-account").isSubset(of: Set(account.object.keys)))
            let posted = try await client.signed(
                "POST", "/api/v3/order", [("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "LIMIT"), ("timeInForce", "GTC"),
                                         ("quantity", "0.001"), ("price", "60000")], inBody: true)
            #expect(posted.status == 200, "\(posted.body)")
        }
    }

    @Test func badSignature() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.spotClient()
            let answer = try await client.signed("GET", "/api/v3/account", tamper: true)
            #expect(answer.status == 400 && answer.code == -1022)
            #expect(answer.message == "Signature for this request is not valid.")
            let missing = try await TestHTTP.send(
                "GET", client.baseURL + "/api/v3/account?timestamp=\(client.clock?.milliseconds ?? BinanceTestClient.nowMilliseconds())",
                headers: ["X-MBX-APIKEY": client.apiKey])
            #expect(missing.status == 400 && missing.code == -1102)
        }
    }

    @Test func unknownAndMalformedKeys() async throws {
        try await withSimulator { simulator in
            var spot = try await simulator.spotClient()
            var futures = try await simulator.futuresClient()
            let stranger = String(repeating: "A", count: 64)
            spot.apiKey = stranger
            futures.apiKey = stranger
            let spotAnswer = try await spot.signed("GET", "/api/v3/account")
            #expect(spotAnswer.status == 401 && spotAnswer.code == -2015)
            #expect(spotAnswer.message == "Invalid API-key, IP, or permissions for action.")
            let futuresAnswer = try await futures.signed("GET", "/fapi/v2/balance")
            #expect(futuresAnswer.status == 401 && futuresAnswer.code == -2008)
            spot.apiKey = "short key "
            let malformed = try await spot.signed("GET", "/api/v3/account")
            #expect(malformed.status == 401 && malformed.code == -2014)
        }
    }

    @Test func ipNotWhitelisted() async throws {
        try await withSimulator { simulator in
            let elsewhere = try await simulator.binanceClient(
                SimulatedKeyRequest(exchange: "binance", ipWhitelist: ["203.0.113.7"]))
            let refused = try await elsewhere.signed("GET", "/api/v3/account")
            #expect(refused.status == 401 && refused.code == -2015)
            let here = try await simulator.binanceClient(
                SimulatedKeyRequest(exchange: "binance", ipWhitelist: ["203.0.113.7", "127.0.0.1"]))
            #expect(try await here.signed("GET", "/api/v3/account").status == 200)
            let futures = try await simulator.binanceClient(
                venue: .binanceUSDM,
                SimulatedKeyRequest(exchange: "binance", permissions: ["read", "futures"], ipWhitelist: ["203.0.113.7"]))
            let futuresRefused = try await futures.signed("GET", "/fapi/v2/balance")
            #expect(futuresRefused.code == -2015)
            #expect(futuresRefused.message?.hasSuffix("request ip: 127.0.0.1") == true)
        }
    }

    @Test func missingPermissions() async throws {
        try await withSimulator { simulator in
            let readOnly = try await simulator.spotClient(permissions: ["read"])
            #expect(try await readOnly.signed("GET", "/api/v3/account").status == 200)
            let order = try await readOnly.signed(
                "POST", "/api/v3/order", [("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "LIMIT"), ("timeInForce", "GTC"),
                                         ("quantity", "0.001"), ("price", "60000")])
            #expect(order.status == 401 && order.code == -2015)
            let noFutures = try await simulator.futuresClient(permissions: ["read", "trade"])
            let balance = try await noFutures.signed("GET", "/fapi/v2/balance")
            #expect(balance.status == 401 && balance.code == -2015)
        }
    }

    @Test func expiredKeyLosesTradingButKeepsReading() async throws {
        try await withSimulator { simulator in
            let expired = (simulator.configuration.clock?.milliseconds ?? BinanceTestClient.nowMilliseconds()) - 1000
            let client = try await simulator.binanceClient(SimulatedKeyRequest(exchange: "binance", expiresAt: expired))
            #expect(try await client.signed("GET", "/api/v3/account").status == 200)
            let order = try await client.signed(
                "POST", "/api/v3/order", [("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "LIMIT"), ("timeInForce", "GTC"),
                                         ("quantity", "0.001"), ("price", "60000")])
            #expect(order.status == 401 && order.code == -2015)
            let restrictions = try await client.signed("GET", "/sapi/v1/account/apiRestrictions")
            #expect(restrictions.object["tradingAuthorityExpirationTime"] as? Int64 == expired)
            #expect(restrictions.object["enableSpotAndMarginTrading"] as? Bool == false)
        }
    }

    @Test func environmentsByPathPrefix() async throws {
        try await withSimulator { simulator in
            let demo = try await simulator.binanceClient(
                environmentPrefix: "/demo", SimulatedKeyRequest(exchange: "binance", environment: "demo"))
            #expect(try await demo.signed("GET", "/api/v3/account").status == 200)
            var onLive = demo
            onLive = BinanceTestClient(
                baseURL: simulator.url(for: .binance), apiKey: demo.apiKey, signer: demo.signer, clock: demo.clock)
            let live = try await onLive.signed("GET", "/api/v3/account")
            #expect(live.status == 401 && live.code == -2015)
            let testnetFutures = try await simulator.binanceClient(
                venue: .binanceUSDM, SimulatedKeyRequest(exchange: "binance", permissions: ["read", "futures"], environment: "testnet"))
            let wrongEnvironment = try await testnetFutures.signed("GET", "/fapi/v2/balance")
            #expect(wrongEnvironment.status == 401 && wrongEnvironment.code == -2008)
            let rightEnvironment = BinanceTestClient(
                baseURL: simulator.url(for: .binanceUSDM) + "/testnet", apiKey: testnetFutures.apiKey, signer: testnetFutures.signer,
                clock: testnetFutures.clock)
            #expect(try await rightEnvironment.signed("GET", "/fapi/v2/balance").status == 200)
            // The spot testnet has no /sapi.
            let testnet = try await simulator.binanceClient(
                environmentPrefix: "/testnet", SimulatedKeyRequest(exchange: "binance", environment: "testnet"))
            #expect(try await testnet.signed("GET", "/sapi/v1/account/apiRestrictions").status == 404)
            #expect(try await testnet.get("/api/v3/time").status == 200)
        }
    }

    @Test func binanceUSHasItsOwnKeys() async throws {
        // The clock stands still (withSimulator's default): the two reads below fall in one weight window.
        try await withSimulator { simulator in
            let global = try await simulator.binanceClient(venue: .binanceUS, SimulatedKeyRequest(exchange: "binance"))
            let refused = try await global.signed("GET", "/api/v3/account")
            #expect(refused.status == 401 && refused.code == -2015)
            let us = try await simulator.binanceClient(venue: .binanceUS, SimulatedKeyRequest(exchange: "binance-us"))
            let account = try await us.signed("GET", "/api/v3/account")
            #expect(account.status == 200)
            #expect(account.headers["x-mbx-used-weight-1m"] == "20", "two account reads of weight 10 on the .US listener")
            let onGlobal = BinanceTestClient(
                baseURL: simulator.url(for: .binance), apiKey: us.apiKey, signer: us.signer, clock: us.clock)
            #expect(try await onGlobal.signed("GET", "/api/v3/account").code == -2015)
            #expect(try await us.get("/testnet/api/v3/time").status == 404)
            #expect(try await us.signed("GET", "/sapi/v1/account/apiRestrictions").status == 404)
        }
    }

    @Test func skewedClockBothWays() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.spotClient()
            await simulator.setClockSkew(milliseconds: 10_000)
            let behind = try await client.signed("GET", "/api/v3/account")
            #expect(behind.status == 400 && behind.code == -1021)
            #expect(behind.message == "Timestamp for this request is outside of the recvWindow.")
            #expect(try await client.signed("GET", "/api/v3/account", recvWindow: "20000").status == 200)
            await simulator.setClockSkew(milliseconds: -10_000)
            let ahead = try await client.signed("GET", "/api/v3/account")
            #expect(ahead.status == 400 && ahead.code == -1021)
            #expect(ahead.message == "Timestamp for this request was 1000ms ahead of the server's time.")
            await simulator.setClockSkew(milliseconds: 0)
            let tooWide = try await client.signed("GET", "/api/v3/account", recvWindow: "60001")
            #expect(tooWide.status == 400 && tooWide.code == -1102)
            #expect(try await client.signed("GET", "/api/v3/account", recvWindow: "60000").status == 200)
        }
    }

    @Test func ed25519KeyFromTheFactSheet() async throws {
        try await withSimulator { simulator in
            let key = try await simulator.createKey(
                SimulatedKeyRequest(exchange: "binance", keyType: "ed25519", publicKey: BinanceTestSigner.ed25519PublicKeyPEM))
            #expect(key.secret.isEmpty)
            let client = BinanceTestClient(
                baseURL: simulator.url(for: .binance), apiKey: key.apiKey, signer: .ed25519(BinanceTestSigner.ed25519PrivateKey),
                clock: simulator.configuration.clock)
            #expect(try await client.signed("GET", "/api/v3/account").status == 200)
            #expect(try await client.signed("GET", "/api/v3/account", inBody: false, tamper: true).code == -1022)
            let order = try await client.signed(
                "POST", "/api/v3/order", [("symbol", "BTCUSDT"), ("side", "SELL"), ("type", "LIMIT"), ("timeInForce", "GTC"),
                                         ("quantity", "0.001"), ("price", "70000")], inBody: true)
            #expect(order.status == 200, "\(order.body)")
        }
    }

    @Test func rsaKeyMadeInTheTest() async throws {
        try await withSimulator { simulator in
            let privateKey = try _RSA.Signing.PrivateKey(keySize: .bits2048)
            let key = try await simulator.createKey(
                SimulatedKeyRequest(exchange: "binance", keyType: "rsa", publicKey: privateKey.publicKey.pemRepresentation))
            let client = BinanceTestClient(
                baseURL: simulator.url(for: .binance), apiKey: key.apiKey, signer: .rsa(privateKey),
                clock: simulator.configuration.clock)
            #expect(try await client.signed("GET", "/api/v3/account").status == 200)
            #expect(try await client.signed("GET", "/api/v3/account", tamper: true).code == -1022)
        }
    }

    @Test func apiRestrictionsReflectTheKey() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.binanceClient(
                SimulatedKeyRequest(
                    exchange: "binance", permissions: ["read", "trade", "futures", "withdraw", "transfer"],
                    ipWhitelist: ["127.0.0.1"]))
            let answer = try await client.signed("GET", "/sapi/v1/account/apiRestrictions")
            #expect(answer.status == 200)
            #expect(answer.object["ipRestrict"] as? Bool == true)
            #expect(answer.object["enableWithdrawals"] as? Bool == true)
            #expect(answer.object["enableFutures"] as? Bool == true)
            #expect(answer.object["enableInternalTransfer"] as? Bool == true)
            #expect(answer.object["enableSpotAndMarginTrading"] as? Bool == true)
            #expect(answer.object["tradingAuthorityExpirationTime"] == nil)
        }
    }
}
