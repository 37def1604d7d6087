import Crypto
import CryptoExtras
import Foundation
import Testing
@testable import SentinelSimulator

/// Bitget request authentication in the simulator (bitget.md §2, §3, Simulator notes 1–3, 9).
@Suite(.timeLimit(.minutes(5))) struct BitgetAuthenticationTests {
    static let vectorSecret = "bitget-test-secret-0123456789abcdef"
    static let vectorTimestamp = "1684814440729"

    static func request(_ method: String, _ path: String, query: String = "", body: String = "") -> SimulatorRequest {
        SimulatorRequest(method: method, path: path, rawQuery: query, headers: [:], body: body, clientIP: "127.0.0.1")
    }

    /// Every REST vector of the fact sheet verifies with the simulator's own check, over the exact bytes; the query
    /// is taken in the order received, never re-sorted.
    @Test func factSheetVectorsVerify() {
        let secret = KeyMaterial.hmacSecret(Self.vectorSecret)
        let spot = #"{"symbol":"BTCUSDT","side":"buy","orderType":"limit","force":"gtc","price":"30000","size":"0.001","clientOid":"myid-0001"}"#
        let mix = #"{"symbol":"BTCUSDT","productType":"USDT-FUTURES","marginMode":"crossed","marginCoin":"USDT","size":"0.01","side":"buy","tradeSide":"open","orderType":"market","clientOid":"myid-0002"}"#
        let cases: [(String, SimulatorRequest)] = [
            ("2pPLy9zVBfA4Xhh4RI8RKr80ruLrp/jbpqJvHvnusKs=",
             Self.request("GET", "/api/v2/mix/account/account", query: "marginCoin=USDT&productType=USDT-FUTURES&symbol=BTCUSDT")),
            ("fwBPKpiNGOk2pj0Ci9dQ3Ii/3I/KMXYA/fp9s8DE9bE=", Self.request("POST", "/api/v2/spot/trade/place-order", body: spot)),
            ("m7nY3bPOcL3PlmTTz287YXBLw+fvjRSw5u4QHTp8T9w=", Self.request("POST", "/api/v2/mix/order/place-order", body: mix)),
        ]
        for (signature, request) in cases {
            #expect(BitgetSignature.isValid(signature, material: secret, timestamp: Self.vectorTimestamp, request: request))
        }
        // The same parameters in another order are other bytes: Bitget signs the query as it arrives.
        #expect(!BitgetSignature.isValid(
            "2pPLy9zVBfA4Xhh4RI8RKr80ruLrp/jbpqJvHvnusKs=", material: secret, timestamp: Self.vectorTimestamp,
            request: Self.request(
                "GET", "/api/v2/mix/account/account", query: "symbol=BTCUSDT&marginCoin=USDT&productType=USDT-FUTURES")))
        #expect(HMACSecret(Self.vectorSecret).base64(of: "1538054050GET/user/verify")
            == "20vVIn4cO5cjojjuAf2Tbuwwvhb3ikO0vCNZ017hnqg=")
    }

    @Test func eachRefusalHasBitgetsCodeAndStatus() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.bitgetClient(ipWhitelist: ["127.0.0.1"])
            let path = "/api/v2/spot/account/assets"
            let good = try await client.signed("GET", path)
            #expect(good.status == 200 && good.bitgetCode == "00000" && good.object["msg"] as? String == "success")
            #expect(good.object["requestTime"] is Int)
            var noPassphrase = client
            noPassphrase.passphrase = ""
            var unknown = client
            unknown.apiKey = String(repeating: "k", count: 32)
            var wrongSecret = client
            wrongSecret.secret = "not-the-secret"
            let now = client.nowMilliseconds
            let cases: [(String, HTTPAnswer)] = [
                ("40011", try await noPassphrase.signed("GET", path)),
                ("40037", try await unknown.signed("GET", path)),
                ("40005", try await client.signed("GET", path, timestamp: "2023-05-23T04:00:40Z")),
                ("40008", try await client.signed("GET", path, timestamp: String(now - 31_000))),
                ("40012", try await client.signed("GET", path, passphrase: client.passphrase + "x")),
                ("40009", try await wrongSecret.signed("GET", path)),
                ("40001", try await TestHTTP.send("GET", client.baseURL + path, headers: [:])),
            ]
            for (code, answer) in cases {
                #expect(answer.status == 400 && answer.bitgetCode == code, "\(code): \(answer.body)")
                #expect(answer.object["data"] is NSNull, "\(code): \(answer.body)")
            }
            // A timestamp 29 s off is still inside the 30 s window.
            #expect(try await client.signed("GET", path, timestamp: String(now - 29_000)).bitgetCode == "00000")
        }
    }

    @Test func environmentIsThePaptradingHeader() async throws {
        try await withSimulator { simulator in
            let demo = try await simulator.bitgetClient(environment: "demo")
            #expect(try await demo.signed("GET", "/api/v2/spot/account/assets").bitgetCode == "00000")
            // ccxt sends the header as PAPTRADING.
            var shouting = demo
            shouting.demo = false
            let upper = try await shouting.signed("GET", "/api/v2/spot/account/assets", headers: ["PAPTRADING": "1"])
            #expect(upper.bitgetCode == "00000", "\(upper.body)")
            let withoutHeader = try await shouting.signed("GET", "/api/v2/spot/account/assets")
            #expect(withoutHeader.status == 400 && withoutHeader.bitgetCode == "40099")
            #expect(withoutHeader.message == "exchange environment is incorrect")
            var live = try await simulator.bitgetClient()
            live.demo = true
            #expect(try await live.signed("GET", "/api/v2/spot/account/assets").bitgetCode == "40099")
            // Public endpoints answer with or without the header.
            #expect(try await live.get("/api/v2/public/time").bitgetCode == "00000")
        }
    }

    @Test func ipWhitelistAndPermissions() async throws {
        try await withSimulator { simulator in
            let elsewhere = try await simulator.bitgetClient(ipWhitelist: ["203.0.113.7"])
            let refused = try await elsewhere.signed("GET", "/api/v2/spot/account/assets")
            #expect(refused.status == 400 && refused.bitgetCode == "40038")
            let reader = try await simulator.bitgetClient(permissions: ["read"])
            let body = #"{"symbol":"BTCUSDT","side":"buy","orderType":"limit","force":"gtc","price":"60000","size":"0.001"}"#
            let order = try await reader.signed("POST", "/api/v2/spot/trade/place-order", body: body)
            #expect(order.status == 400 && order.bitgetCode == "40014", "\(order.body)")
            let spotOnly = try await simulator.bitgetClient(permissions: ["read", "trade"])
            let mix = #"{"symbol":"BTCUSDT","productType":"USDT-FUTURES","marginMode":"crossed","marginCoin":"USDT","side":"buy","orderType":"limit","price":"60000","size":"0.001"}"#
            #expect(try await spotOnly.signed("POST", "/api/v2/mix/order/place-order", body: mix).bitgetCode == "40014")
        }
    }

    /// The key-info endpoint reflects the key store: `wwow` for withdrawal, `ips` comma-joined or empty.
    @Test func keyInfoReportsAuthoritiesAndIPs() async throws {
        try await withSimulator { simulator in
            let withdraw = try await simulator.bitgetClient(
                permissions: ["read", "trade", "withdraw"], ipWhitelist: ["127.0.0.1", "203.0.113.7"])
            let info = try await withdraw.signed("GET", "/api/v2/spot/account/info")
            let authorities = try #require(info.bitgetObject["authorities"] as? [String])
            #expect(authorities.contains("wwow") && authorities.contains("stow") && !authorities.contains("coow"))
            #expect(info.bitgetObject["ips"] as? String == "127.0.0.1,203.0.113.7")
            let plain = try await simulator.bitgetClient()
            let plainInfo = try await plain.signed("GET", "/api/v2/spot/account/info")
            #expect(plainInfo.bitgetObject["ips"] as? String == "")
            #expect((plainInfo.bitgetObject["authorities"] as? [String])?.contains("wwow") == false)
            #expect(plainInfo.headers["x-mbx-used-remain-limit"] == "0")
            // 1 request per second per account: the clock stands still, so the second call is over the limit.
            let again = try await plain.signed("GET", "/api/v2/spot/account/info")
            #expect(again.status == 429 && again.bitgetCode == "429")
        }
    }

    /// Query and body bytes as the reference clients send them: ccxt percent-encodes the URL and signs decoded values,
    /// Bitget's SDK sends bodies with spaces.
    @Test func encodedQueriesSpacedBodiesAndRSAKeys() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.bitgetClient()
            let encoded = try await client.signed(
                "GET", "/api/v2/mix/position/all-position?productType=USDT%2DFUTURES",
                signedPath: "/api/v2/mix/position/all-position?productType=USDT-FUTURES")
            #expect(encoded.bitgetCode == "00000", "\(encoded.body)")
            let spaced = #"{"symbol": "BTCUSDT", "productType": "USDT-FUTURES", "marginCoin": "USDT", "leverage": "5"}"#
            let leverage = try await client.signed("POST", "/api/v2/mix/account/set-leverage", body: spaced)
            #expect(leverage.bitgetCode == "00000", "\(leverage.body)")

            let privateKey = try _RSA.Signing.PrivateKey(keySize: .bits2048)
            let key = try await simulator.createKey(
                SimulatedKeyRequest(
                    exchange: "bitget", permissions: ["read"], keyType: "rsa", publicKey: privateKey.publicKey.pemRepresentation))
            let stamp = String(client.nowMilliseconds)
            let prehash = stamp + "GET" + "/api/v2/spot/account/assets"
            let signature = try privateKey.signature(for: Data(prehash.utf8), padding: .insecurePKCS1v1_5)
            let rsa = BitgetTestClient(
                baseURL: client.baseURL, apiKey: key.apiKey, secret: "", passphrase: key.passphrase ?? "", demo: false,
                clock: client.clock)
            let answer = try await rsa.signed(
                "GET", "/api/v2/spot/account/assets", timestamp: stamp,
                signature: signature.rawRepresentation.base64EncodedString())
            #expect(answer.bitgetCode == "00000", "\(answer.body)")
            let forged = try await rsa.signed("GET", "/api/v2/spot/account/assets", timestamp: stamp)
            #expect(forged.bitgetCode == "40009")
        }
    }
}
