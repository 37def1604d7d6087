import Foundation
import Testing
@testable import SentinelSimulator

/// KuCoin request authentication in the simulator (kucoin.md §2, §3, Simulator notes 1).
// Serialized: each test runs its own simulator, and the whole test run already holds many sockets at once.
@Suite(.serialized, .timeLimit(.minutes(5))) struct KuCoinAuthenticationTests {
    static let vectorSecret = "f03a5284-5c39-4aaa-9b20-dea10bdcf8e3"
    static let vectorTimestamp = "1547015186532"

    func request(_ method: String, _ path: String, query: String = "", body: String = "") -> SimulatorRequest {
        SimulatorRequest(method: method, path: path, rawQuery: query, headers: [:], body: body, clientIP: "127.0.0.1")
    }

    /// Every REST vector of the fact sheet verifies with the simulator's own check, over the exact bytes.
    @Test func factSheetVectorsVerify() {
        let spot = #"{"clientOid":"5c52e11203aa677f33e493fb","side":"buy","symbol":"BTC-USDT","type":"limit","price":"50000","size":"0.00001"}"#
        let futures = #"{"clientOid":"5c52e11203aa677f33e493fb","side":"buy","symbol":"XBTUSDTM","leverage":3,"type":"limit","price":"0.1","size":1}"#
        let cases: [(String, SimulatorRequest)] = [
            ("7QP/oM0ykidMdrfNEUmng8eZjg/ZvPafjIqmxiVfYu4=", request("POST", "/api/v1/deposit-addresses", body: #"{"currency":"BTC"}"#)),
            ("duMBFwC5/nL0aZbI59FQR4DC9FSq0Jg7As0ZzSnwTVE=", request("GET", "/api/v1/accounts", query: "currency=USDT&type=trade")),
            ("ZakGgvxRgfr+ekaKnylazGqXJx7Ns3F13h8il6qJwzs=", request("POST", "/api/v1/hf/orders", body: spot)),
            ("x6ljkXLAutz1NgVxsOFF7ap0093me5gO8FvlixFRGa0=", request("POST", "/api/v1/orders", body: futures)),
            ("IHgXOVYaOvzN2HbttuL1J+kEf22fDRz5oeuuKBgK2Y8=", request("GET", "/api/v1/account-overview", query: "currency=USDT")),
            ("pmU7prytKlTtZ5ufMjF8cnJrVBcrxBY2soFXmQbfIW4=", request("GET", "/api/v1/user/api-key")),
        ]
        for (signature, request) in cases {
            #expect(KuCoinSignature.isValid(signature, secret: HMACSecret(Self.vectorSecret), timestamp: Self.vectorTimestamp, request: request))
        }
        // The same signature does not cover other bytes.
        #expect(!KuCoinSignature.isValid(
            "duMBFwC5/nL0aZbI59FQR4DC9FSq0Jg7As0ZzSnwTVE=", secret: HMACSecret(Self.vectorSecret), timestamp: Self.vectorTimestamp,
            request: request("GET", "/api/v1/accounts", query: "currency=USDT&type=main")))
        // The v2/v3 passphrase and the official SDK's unit-test vector.
        #expect(KuCoinSignature.passphraseMatches(
            "F2p2bNS1bBehHvC/Z4YkB7l1Wd0Pq2iV/oLHM/DyE+I=", passphrase: "Ab12345678)(*&^%$#@", secret: HMACSecret(Self.vectorSecret),
            version: "2"))
        #expect(!KuCoinSignature.passphraseMatches(
            "Ab12345678)(*&^%$#@", passphrase: "Ab12345678)(*&^%$#@", secret: HMACSecret(Self.vectorSecret), version: "3"))
        #expect(KuCoinSignature.passphraseMatches(
            "Ab12345678)(*&^%$#@", passphrase: "Ab12345678)(*&^%$#@", secret: HMACSecret(Self.vectorSecret), version: nil))
        #expect(HMACSecret("test_api_secret").base64(of: "test_plain") == "jie/gxS38wLFFaBwl/cAzFbAzlI8MIny96jSXrB+iP4=")
    }

    /// The query is signed percent-decoded (`abc%21%40%2311` as `abc!@#11`).
    @Test func encodedQueryIsSignedDecoded() {
        let encoded = request("GET", "/api/v1/accounts", query: "passphrase=abc%21%40%2311")
        let signature = HMACSecret("s").base64(of: "1GET/api/v1/accounts?passphrase=abc!@#11")
        #expect(KuCoinSignature.isValid(signature, secret: HMACSecret("s"), timestamp: "1", request: encoded))
    }

    @Test func signedReadsSpacedBodiesVersionsAndTrailingMark() async throws {
        try await withSimulator { simulator in
            var client = try await simulator.kucoinClient()
            let accounts = try await client.signed("GET", "/api/v1/accounts?type=trade")
            #expect(accounts.status == 200 && accounts.kucoinCode == "200000", "\(accounts.body)")
            #expect(accounts.kucoinArray.first { $0["currency"] as? String == "USDT" }?["available"] as? String == "10000")
            #expect(accounts.headers["gw-ratelimit-limit"] == "2000" && accounts.headers["gw-ratelimit-remaining"] == "1995")
            #expect(Int(accounts.headers["gw-ratelimit-reset"] ?? "") ?? 0 > 0)
            client.version = "3"
            let bare = try await client.signed("GET", "/api/v1/accounts?", signedPath: "/api/v1/accounts?")
            #expect(bare.kucoinCode == "200000", "\(bare.body)")
            client.version = "2"
            // The legacy SDK's json.dumps body, with spaces, signed as sent.
            let spaced = #"{"clientOid": "legacy-1", "side": "buy", "symbol": "BTC-USDT", "type": "limit", "price": "60000", "size": "0.0001"}"#
            let placed = try await client.signed("POST", "/api/v1/hf/orders", body: spaced)
            #expect(placed.kucoinCode == "200000" && placed.kucoinObject["clientOid"] as? String == "legacy-1", "\(placed.body)")
        }
    }

    @Test func refusalsInKuCoinsOrder() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.kucoinClient()
            let missing = try await TestHTTP.send("GET", client.baseURL + "/api/v1/accounts", headers: ["KC-API-KEY": client.apiKey])
            #expect(missing.status == 401 && missing.kucoinCode == "400001")
            var unknown = client
            unknown.apiKey = "6705f5c311545b000157d3eb"
            let notExists = try await unknown.signed("GET", "/api/v1/accounts")
            #expect(notExists.status == 401 && notExists.kucoinCode == "400003" && notExists.message == "KC-API-KEY not exists")
            let passphrase = try await client.signed("GET", "/api/v1/accounts", passphrase: client.passphrase + "x")
            #expect(passphrase.status == 401 && passphrase.kucoinCode == "400004", "\(passphrase.body)")
            let late = try await client.signed("GET", "/api/v1/accounts", timestamp: String(client.nowMilliseconds - 5_001))
            #expect(late.status == 400 && late.kucoinCode == "400002" && late.message == "Invalid KC-API-TIMESTAMP")
            let wholeSeconds = try await client.signed("GET", "/api/v1/accounts", timestamp: String(client.nowMilliseconds / 1000 * 1000))
            #expect(wholeSeconds.kucoinCode == "200000")
            let signature = try await client.signed("GET", "/api/v1/accounts", tamper: true)
            #expect(signature.status == 401 && signature.kucoinCode == "400005")
            let walled = try await simulator.kucoinClient(ipWhitelist: ["203.0.113.7"])
            let ip = try await walled.signed("GET", "/api/v1/accounts")
            #expect(ip.status == 403 && ip.kucoinCode == "400006" && ip.message == "Invalid request ip")
            let reader = try await simulator.kucoinClient(permissions: ["read"])
            let order = try await reader.signed("POST", "/api/v1/hf/orders", body: #"{"symbol":"BTC-USDT","side":"buy","type":"limit","price":"60000","size":"0.0001"}"#)
            #expect(order.status == 403 && order.kucoinCode == "400007", "\(order.body)")
            let expired = try await simulator.kucoinClient(expiresAt: client.nowMilliseconds - 1)
            #expect(try await expired.signed("GET", "/api/v1/accounts").kucoinCode == "400003")
            // Public endpoints ignore KC-API headers, even empty ones (the universal SDK sends them).
            let time = try await TestHTTP.send(
                "GET", client.baseURL + "/api/v1/timestamp", headers: ["KC-API-KEY": "", "KC-API-SIGN": ""])
            #expect(time.kucoinCode == "200000" && time.kucoinData as? Int64 != nil)
            let unknownPath = try await client.get("/api/v1/nothing")
            #expect(unknownPath.status == 404 && unknownPath.kucoinCode == "404000")
        }
    }

    /// A key without the Futures permission does not exist for the futures host; a futures key works on both.
    @Test func spotKeyOnTheFuturesHost() async throws {
        try await withSimulator { simulator in
            let spotOnly = try await simulator.kucoinClient(permissions: ["read", "trade"])
            let onFutures = simulator.kucoinClient(sameKeyAs: spotOnly, futures: true)
            let refused = try await onFutures.signed("GET", "/api/v1/account-overview?currency=USDT")
            #expect(refused.status == 401 && refused.kucoinCode == "400003")
            let both = try await simulator.kucoinClient()
            let overview = try await simulator.kucoinClient(sameKeyAs: both, futures: true).signed(
                "GET", "/api/v1/account-overview?currency=USDT")
            #expect(overview.kucoinCode == "200000" && overview.kucoinObject["availableBalance"] as? Int == 10000, "\(overview.body)")
            let info = try await both.signed("GET", "/api/v1/user/api-key")
            #expect(info.kucoinObject["permission"] as? String == "General,Futures,Spot")
            #expect(info.kucoinObject["apiVersion"] as? Int == 3 && info.kucoinObject["ipWhitelist"] as? String == "")
            let withdraw = try await simulator.kucoinClient(permissions: ["read", "withdraw"], ipWhitelist: ["127.0.0.1"])
            let audit = try await withdraw.signed("GET", "/api/v1/user/api-key")
            #expect(audit.kucoinObject["permission"] as? String == "General,Transfer")
            #expect(audit.kucoinObject["ipWhitelist"] as? String == "127.**.1")
        }
    }

    /// The public pool (2000 per 30 s per IP) spends each endpoint's weight; once used up, 429000 with the headers.
    @Test func anExhaustedPoolAnswers429000() async throws {
        try await withSimulator { simulator in
            let url = simulator.url(for: .kucoin) + "/api/v1/market/allTickers"
            var last = try await TestHTTP.send("GET", url)
            #expect(last.headers["gw-ratelimit-remaining"] == "1985" && last.headers["gw-ratelimit-limit"] == "2000")
            for _ in 0..<200 where last.status == 200 { last = try await TestHTTP.send("GET", url) }
            #expect(last.status == 429 && last.kucoinCode == "429000" && last.message == "Too Many Requests")
            #expect(last.headers["gw-ratelimit-remaining"] == "5")
            #expect(Int(last.headers["gw-ratelimit-reset"] ?? "") ?? 0 > 0)
            // Another pool is not affected: the futures host counts its own.
            let futures = try await TestHTTP.send("GET", simulator.url(for: .kucoinFutures) + "/api/v1/timestamp")
            #expect(futures.status == 200)
        }
    }

    /// Injected faults answer in KuCoin's words: 429000 with the pool headers, 500000.
    @Test func injectedFaultsSpeakKuCoin() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.kucoinClient()
            await simulator.addFault(SimulatedFault(exchange: "kucoin", kind: "rate-limit", count: 1))
            let limited = try await client.signed("GET", "/api/v1/accounts")
            #expect(limited.status == 429 && limited.kucoinCode == "429000" && limited.message == "Too Many Requests")
            #expect(limited.headers["gw-ratelimit-remaining"] == "0")
            await simulator.addFault(SimulatedFault(exchange: "kucoin-futures", kind: "error5xx", count: 1))
            let futures = simulator.kucoinClient(sameKeyAs: client, futures: true)
            let failed = try await futures.get("/api/v1/timestamp")
            #expect(failed.status == 500 && failed.kucoinCode == "500000")
            #expect(try await futures.get("/api/v1/timestamp").kucoinCode == "200000")
        }
    }
}
