import CryptoExtras
import Foundation
import Testing
@testable import SentinelSimulator

/// Bybit V5 signing and key checks over HTTP: every refusal at HTTP 200 with its retCode (fact sheet §2, §3).
@Suite struct BybitAuthenticationTests {
    static let vectorKey = "TESTAPIKEY0123456789"
    static let vectorSecret = "TESTSECRET0123456789abcdefABCDEF"
    static let vectorTime: Int64 = 1_700_000_000_000

    /// The fact sheet's key, registered directly with the engine so that its vectors can be replayed byte for byte.
    static func withVectorKey(_ body: (RunningSimulator) async throws -> Void) async throws {
        try await withSimulator(clock: SimulatorManualClock(startingAt: vectorTime)) { simulator in
            simulator.engine.withState { state in
                state.accounts[900] = Account.funded(id: 900, exchange: .bybit, now: vectorTime)
                state.keys.add(
                    SimulatedAPIKey(
                        apiKey: vectorKey, exchange: .bybit, environment: .live, material: .hmacSecret(vectorSecret),
                        permissions: [.read, .trade, .futures], ipWhitelist: [], expiresAt: nil, createdAt: vectorTime,
                        passphrase: nil, accountID: 900))
            }
            try await body(simulator)
        }
    }

    static func vectorHeaders(_ signature: String) -> [String: String] {
        [
            "X-BAPI-API-KEY": vectorKey, "X-BAPI-TIMESTAMP": String(vectorTime), "X-BAPI-RECV-WINDOW": "5000",
            "X-BAPI-SIGN": signature, "Content-Type": "application/json",
        ]
    }

    @Test func factSheetVectorsVerifyInTheSimulator() async throws {
        try await Self.withVectorKey { simulator in
            let base = simulator.url(for: .bybit)
            // Vector 1: GET with a query.
            let query = try await TestHTTP.send(
                "GET", base + "/v5/order/realtime?category=linear&symbol=BTCUSDT",
                headers: Self.vectorHeaders("076313cfe14e299bf5d1fbd1a0876c8cde81f65e0356559b3691844041c14960"))
            #expect(query.status == 200 && query.retCode == 0, "\(query.body)")
            // Vector 4: ccxt's trailing `?` with nothing after it.
            let keyInfo = try await TestHTTP.send(
                "GET", base + "/v5/user/query-api?",
                headers: Self.vectorHeaders("fd40882b878d077943051655406577cd206f55010adbc3c7bb1e86ca077bd193"))
            #expect(keyInfo.retCode == 0, "\(keyInfo.body)")
            #expect(keyInfo.result["apiKey"] as? String == Self.vectorKey)
            // Vectors 2 and 5: the same order, compact (ccxt) and spaced (pybit); each signature covers its bytes.
            let compact =
                #"{"category":"linear","symbol":"BTCUSDT","side":"Buy","orderType":"Limit","qty":"0.001","price":"30000","timeInForce":"GTC","orderLinkId":"test-001"}"#
            let spaced =
                #"{"category": "linear", "symbol": "BTCUSDT", "side": "Buy", "orderType": "Limit", "qty": "0.001", "price": "30000", "timeInForce": "GTC", "orderLinkId": "test-001"}"#
            for (body, signature) in [
                (compact, "2e11edb214ad0aee56dddcba824c551731cdf62178ece17393184b30b76660e4"),
                (spaced, "34a5aec6bd4039d60c1e3de489a6a90776ad2f99431e4f8f083c5344a1becfec"),
            ] {
                let answer = try await TestHTTP.send(
                    "POST", base + "/v5/order/create", headers: Self.vectorHeaders(signature), body: body)
                // Authenticated; the order itself is below BTCUSDT's 100 USDT minimum notional.
                #expect(answer.status == 200 && answer.retCode == 110094, "\(answer.body)")
            }
            // Swapping them fails: the server hashes the body as received.
            let swapped = try await TestHTTP.send(
                "POST", base + "/v5/order/create",
                headers: Self.vectorHeaders("2e11edb214ad0aee56dddcba824c551731cdf62178ece17393184b30b76660e4"),
                body: spaced)
            #expect(swapped.status == 200 && swapped.retCode == 10004)
            #expect(swapped.retMsg == "error sign! origin_string[1700000000000\(Self.vectorKey)5000\(spaced)]")
        }
    }

    @Test func vectorsCheckOffline() {
        let material = KeyMaterial.hmacSecret(Self.vectorSecret)
        let origin = BybitSignature.originString(
            timestamp: "1700000000000", apiKey: Self.vectorKey, recvWindow: "5000",
            payload: "category=linear&symbol=BTCUSDT")
        #expect(
            BybitSignature.isValid(
                signature: "076313cfe14e299bf5d1fbd1a0876c8cde81f65e0356559b3691844041c14960", originString: origin,
                material: material))
        #expect(
            !BybitSignature.isValid(
                signature: "076313CFE14E299BF5D1FBD1A0876C8CDE81F65E0356559B3691844041C14960", originString: origin,
                material: material), "hex is lowercase")
    }

    @Test func timestampWindow() async throws {
        try await withSimulator { simulator in
            var client = try await simulator.bybitClient()
            let server = try #require(client.clock?.milliseconds)
            client.timestampOffset = -5001
            let late = try await client.signedGet("/v5/account/info")
            #expect(late.status == 200 && late.retCode == 10002)
            #expect(
                late.retMsg
                    == "invalid request, please check your server timestamp or recv_window param. "
                    + "req_timestamp[\(server - 5001)],server_timestamp[\(server)],recv_window[5000]")
            client.timestampOffset = -5000
            #expect(try await client.signedGet("/v5/account/info").retCode == 0)
            client.timestampOffset = 1000
            #expect(try await client.signedGet("/v5/account/info").retCode == 10002)
            client.timestampOffset = 999
            #expect(try await client.signedGet("/v5/account/info").retCode == 0)
            // Without the header the window is 5000 and the signed string has no recv_window part.
            client.recvWindow = nil
            client.timestampOffset = -4000
            #expect(try await client.signedGet("/v5/account/info").retCode == 0)
            client.timestampOffset = -6000
            let defaulted = try await client.signedGet("/v5/account/info")
            #expect(defaulted.retCode == 10002 && defaulted.retMsg?.hasSuffix("recv_window[5000]") == true)
        }
    }

    @Test func unknownKeysAndKeysOfOtherEnvironments() async throws {
        try await withSimulator { simulator in
            var stranger = try await simulator.bybitClient()
            stranger.apiKey = "XXXXXXXXXXXXXXXXXX"
            let unknown = try await stranger.signedGet("/v5/account/info")
            #expect(unknown.status == 200 && unknown.retCode == 10003 && unknown.retMsg == "API key is invalid.")
            let demo = try await simulator.bybitClient(environment: "demo")
            #expect(try await demo.signedGet("/v5/account/info").retCode == 10003, "a demo key on mainnet")
            let demoHere = try await simulator.bybitClient(environment: "demo", prefix: "/demo")
            #expect(try await demoHere.signedGet("/v5/account/info").retCode == 0)
            let testnet = try await simulator.bybitClient(environment: "testnet", prefix: "/demo")
            #expect(try await testnet.signedGet("/v5/account/info").retCode == 10003, "a testnet key on demo")
            let binanceKey = try await simulator.createKey(SimulatedKeyRequest(exchange: "binance"))
            stranger.apiKey = binanceKey.apiKey
            #expect(try await stranger.signedGet("/v5/account/info").retCode == 10003)
        }
    }

    @Test func wrongSignatureShowsTheOriginString() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.bybitClient()
            let answer = try await client.signedGet("/v5/order/realtime", query: "category=spot", tamper: true)
            #expect(answer.status == 200 && answer.retCode == 10004)
            let message = try #require(answer.retMsg)
            #expect(message.hasPrefix("error sign! origin_string[") && message.hasSuffix("5000category=spot]"))
            var wrongSecret = client
            wrongSecret.signer = .hmac(secret: String(repeating: "a", count: 36))
            #expect(try await wrongSecret.signedPost("/v5/order/cancel-all", body: #"{"category":"spot"}"#).retCode == 10004)
        }
    }

    @Test func keyStateRefusals() async throws {
        try await withSimulator { simulator in
            let readOnly = try await simulator.bybitClient(permissions: ["read"])
            #expect(try await readOnly.signedGet("/v5/account/wallet-balance", query: "accountType=UNIFIED").retCode == 0)
            let refused = try await readOnly.signedPost(
                "/v5/order/create",
                body: #"{"category":"spot","symbol":"BTCUSDT","side":"Buy","orderType":"Limit","qty":"0.001","price":"30000"}"#)
            #expect(refused.status == 200 && refused.retCode == 10005)
            let spotOnly = try await simulator.bybitClient(permissions: ["read", "trade"])
            let linear = try await spotOnly.signedPost(
                "/v5/order/create",
                body: #"{"category":"linear","symbol":"BTCUSDT","side":"Buy","orderType":"Limit","qty":"0.002","price":"60000"}"#)
            #expect(linear.retCode == 10005, "a spot-only key on derivatives")
            let bound = try await simulator.bybitClient(ipWhitelist: ["203.0.113.7"])
            let ip = try await bound.signedGet("/v5/account/info")
            #expect(ip.status == 200 && ip.retCode == 10010)
            let now = try #require(simulator.configuration.clock?.milliseconds)
            let expired = try await simulator.bybitClient(expiresAt: now - 1)
            #expect(try await expired.signedGet("/v5/position/list", query: "category=linear&symbol=BTCUSDT").retCode == 33004)
            #expect(try await expired.signedGet("/v5/order/realtime", query: "category=spot").retCode == -2015)
        }
    }

    @Test func rsaKeysSignWithBase64() async throws {
        try await withSimulator { simulator in
            let privateKey = try _RSA.Signing.PrivateKey(keySize: .bits2048)
            let key = try await simulator.createKey(
                SimulatedKeyRequest(
                    exchange: "bybit", permissions: ["read"], keyType: "rsa",
                    publicKey: privateKey.publicKey.pemRepresentation))
            var client = BybitTestClient(
                baseURL: simulator.url(for: .bybit), apiKey: key.apiKey, signer: .rsa(privateKey),
                clock: simulator.configuration.clock)
            let info = try await client.signedGet("/v5/user/query-api")
            #expect(info.retCode == 0, "\(info.body)")
            #expect((info.result["rsaPublicKey"] as? String)?.contains("PUBLIC KEY") == true)
            client.signer = .rsa(try _RSA.Signing.PrivateKey(keySize: .bits2048))
            #expect(try await client.signedGet("/v5/user/query-api").retCode == 10004)
        }
    }

    @Test func usageHeadersAndPerUIDLimit() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.bybitClient()
            let first = try await client.signedGet("/v5/user/query-api")
            #expect(first.headers["x-bapi-limit"] == "10")
            #expect(first.headers["x-bapi-limit-status"] == "9")
            #expect(first.headers["x-bapi-limit-reset-timestamp"] != nil)
            for _ in 0..<9 { _ = try await client.signedGet("/v5/user/query-api") }
            // The manual clock stands still: the eleventh call falls in the same second.
            let over = try await client.signedGet("/v5/user/query-api")
            #expect(over.status == 200 && over.retCode == 10006 && over.retMsg == "Too many visits!")
            #expect(over.headers["x-bapi-limit-status"] == "0")
            let reset = try #require(over.headers["x-bapi-limit-reset-timestamp"].flatMap { Int64($0) })
            #expect(reset > (client.clock?.milliseconds ?? 0))
            // Another endpoint has its own budget.
            #expect(try await client.signedGet("/v5/account/info").retCode == 0)
            simulator.configuration.clock?.advance(milliseconds: 1000)
            #expect(try await client.signedGet("/v5/user/query-api").retCode == 0)
        }
    }

    @Test func keyInfoReflectsTheKey() async throws {
        try await withSimulator { simulator in
            let risky = try await simulator.bybitClient(permissions: ["read", "trade", "withdraw", "transfer"])
            let info = try await risky.signedGet("/v5/user/query-api").result
            #expect(info["readOnly"] as? Int == 0)
            let permissions = try #require(info["permissions"] as? [String: [String]])
            #expect(permissions["Wallet"]?.contains("Withdraw") == true)
            #expect(permissions["Wallet"]?.contains("AccountTransfer") == true)
            #expect(permissions["Spot"] == ["SpotTrade"] && permissions["ContractTrade"] == [])
            #expect(info["ips"] as? [String] == ["*"])
            #expect(info["deadlineDay"] as? Int == 90, "an unbound key lapses after 90 days")
            #expect((info["expiredAt"] as? String)?.hasSuffix("Z") == true)
            let bound = try await simulator.bybitClient(permissions: ["read"], ipWhitelist: ["127.0.0.1"])
            let boundInfo = try await bound.signedGet("/v5/user/query-api").result
            #expect(boundInfo["readOnly"] as? Int == 1 && boundInfo["ips"] as? [String] == ["127.0.0.1"])
            #expect(boundInfo["deadlineDay"] as? Int == -2 && boundInfo["expiredAt"] as? String == "1970-01-01T00:00:00Z")
        }
    }
}
