import Foundation
import SentinelCore
import SentinelNet
import Testing

@testable import SentinelExchanges

/// Where the vectors come from: Bybit's guide prints signatures, but not the secret that made them, so none can be
/// reproduced. These vectors were computed with an independent implementation, ccxt 4.5.90's `bybit.sign()` (fixed
/// timestamp), and re-computed with Python's `hmac`: a cross-check against another implementation, not Bybit's own.
@Suite(.timeLimit(.minutes(5))) struct BybitSignerTests {
    let keys = credentials("TESTAPIKEY0123456789", "TESTSECRET0123456789abcdefABCDEF")

    @Test func getVectorSignsTheQueryAsSent() throws {
        let signer = try BybitSigner(credentials: keys, venue: venue(.bybit, .linear))
        let request = try signer.sign(
            RequestDraft(method: .GET, path: "/v5/order/realtime", query: QueryString("category=linear&symbol=BTCUSDT")),
            timestampMs: 1_700_000_000_000)
        #expect(request.url == "https://api.bybit.com/v5/order/realtime?category=linear&symbol=BTCUSDT")
        #expect(request.header("X-BAPI-SIGN") == "076313cfe14e299bf5d1fbd1a0876c8cde81f65e0356559b3691844041c14960")
        #expect(request.header("X-BAPI-API-KEY") == "TESTAPIKEY0123456789")
        #expect(request.header("X-BAPI-TIMESTAMP") == "1700000000000")
        #expect(request.header("X-BAPI-RECV-WINDOW") == "5000")
        #expect(request.header("Content-Type") == nil)
    }

    @Test func postVectorSignsTheBodyByteForByte() throws {
        let body =
            #"{"category":"linear","symbol":"BTCUSDT","side":"Buy","orderType":"Limit","qty":"0.001","price":"30000","timeInForce":"GTC","orderLinkId":"test-001"}"#
        let signer = try BybitSigner(credentials: keys, venue: venue(.bybit, .linear))
        let request = try signer.sign(
            RequestDraft(method: .POST, path: "/v5/order/create", body: body), timestampMs: 1_700_000_000_000)
        #expect(request.header("X-BAPI-SIGN") == "2e11edb214ad0aee56dddcba824c551731cdf62178ece17393184b30b76660e4")
        #expect(request.body == body)
        #expect(request.header("Content-Type") == "application/json")
    }

    @Test func nestedJSONWithSpacesIsSignedAsGiven() throws {
        let body = #"{"category": "spot", "request": [{"symbol": "BTCUSDT", "qty": "1"}]}"#
        let signer = try BybitSigner(credentials: keys, venue: venue(.bybit, .spot, .demo))
        let request = try signer.sign(RequestDraft(method: .POST, path: "/v5/order/create-batch", body: body), timestampMs: 5)
        #expect(request.header("X-BAPI-SIGN")
            == Reference.hmacHex("TESTSECRET0123456789abcdefABCDEF", "5TESTAPIKEY01234567895000" + body))
        #expect(request.url == "https://api-demo.bybit.com/v5/order/create-batch")
    }

    @Test func webSocketAuthVector() throws {
        let signer = try BybitSigner(credentials: keys, venue: venue(.bybit, .linear, .testnet))
        #expect(try signer.webSocketAuth(expiresMs: 1_700_000_010_000)
            == ["TESTAPIKEY0123456789", "1700000010000", "fc8f81faa80c8cff87639be587a3e3f9f4776be75cf60f66d816e84a25765dd5"])
    }

    @Test func rsaKeysSignBase64() throws {
        let signer = try BybitSigner(
            credentials: credentials("RSAKEY0123456789", TestKeys.rsa.pemRepresentation, keyType: .rsa),
            venue: venue(.bybit))
        let request = try signer.sign(
            RequestDraft(method: .GET, path: "/v5/account/wallet-balance", query: QueryString("accountType=UNIFIED")),
            timestampMs: 1_700_000_000_000)
        let sign = try #require(request.header("X-BAPI-SIGN"))
        #expect(TestKeys.rsaVerifies(sign, "1700000000000RSAKEY01234567895000accountType=UNIFIED"))
    }

    @Test func refusesABodyOnGetAndBodiesThatAreNotJSON() throws {
        let signer = try BybitSigner(credentials: keys, venue: venue(.bybit))
        #expect(throws: SentinelError.self) {
            try signer.sign(RequestDraft(method: .GET, path: "/v5/x", body: "{}"), timestampMs: 1)
        }
        #expect(throws: SentinelError.self) {
            try signer.sign(RequestDraft(method: .POST, path: "/v5/x", body: "category=spot"), timestampMs: 1)
        }
    }
}

/// Where the vectors come from: OKX's documentation gives no input→signature pair that can be reproduced, so these
/// were computed with ccxt 4.5.90's `okx.sign()` (with the docs' illustrative secret) and re-computed in Python; the
/// WebSocket login one with Python, by the same formula as ccxt pro. Cross-checks, not OKX's own vectors.
@Suite(.timeLimit(.minutes(5))) struct OKXSignerTests {
    let keys = credentials("test-okx-key", "22582BD0CFF14C41EDBF1AB98506286D", passphrase: "Passphrase1!")

    @Test func getVector() throws {
        let signer = try OKXSigner(credentials: keys, venue: venue(.okx))
        let request = try signer.sign(
            RequestDraft(method: .GET, path: "/api/v5/account/balance", query: QueryString("ccy=BTC")),
            timestampMs: 1_607_418_537_715)
        #expect(request.url == "https://www.okx.com/api/v5/account/balance?ccy=BTC")
        #expect(request.header("OK-ACCESS-TIMESTAMP") == "2020-12-08T09:08:57.715Z")
        #expect(request.header("OK-ACCESS-SIGN") == "HiZhvSfMtWJA3uUIVXV3a/bSXNPCWvYFXoGCVS8V4zY=")
        #expect(request.header("OK-ACCESS-PASSPHRASE") == "Passphrase1!")
        #expect(request.header("x-simulated-trading") == nil)
    }

    @Test func postVectorAndDemoHeader() throws {
        let body = #"{"instId":"BTC-USDT","tdMode":"cash","clOrdId":"b15","side":"buy","ordType":"limit","px":"2.15","sz":"2"}"#
        for environment in [EnvironmentKind.live, .demo] {
            let signer = try OKXSigner(credentials: keys, venue: venue(.okx, .spot, environment))
            let request = try signer.sign(
                RequestDraft(method: .POST, path: "/api/v5/trade/order", body: body), timestampMs: 1_607_418_537_715)
            #expect(request.header("OK-ACCESS-SIGN") == "dI6rrL9rXW/HdaPKJ/6LC1OgvH4/PYju6R3CqixMTNQ=")
            #expect(request.header("x-simulated-trading") == (environment == .demo ? "1" : nil))
            #expect(request.url == "https://www.okx.com/api/v5/trade/order")
        }
    }

    @Test func webSocketLoginVector() throws {
        let signer = try OKXSigner(credentials: keys, venue: venue(.okx))
        let login = try signer.webSocketLogin(timestampSeconds: 1_538_054_050)
        #expect(login["sign"] == "+LdIr8lkkvhr5hoA3g9TMC0+uQJ849ftAcocA/ouu4M=")
        #expect(login["timestamp"] == "1538054050")
    }

    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"), (951_782_400_001, "2000-02-29T00:00:00.001Z"),
        (1_709_251_199_999, "2024-02-29T23:59:59.999Z"), (4_102_444_800_000, "2100-01-01T00:00:00.000Z"),
        (1_607_418_537_715, "2020-12-08T09:08:57.715Z"), (253_402_300_799_999, "9999-12-31T23:59:59.999Z"),
        (253_402_300_800_000, "10000-01-01T00:00:00.000Z"),
    ])
    func isoTimestamps(ms: Int64, expected: String) {
        #expect(ISOTimestamp.milliseconds(ms) == expected)
    }

    /// Against Foundation's ISO 8601 formatter, at 3,000 instants spread over 1970-9999 and at the edges of days,
    /// months and years.
    @Test func isoTimestampsMatchFoundationsFormatter() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        var random = SystemRandomNumberGenerator()
        var instants: [Int64] = (0..<3_000).map { _ in Int64.random(in: 0...253_402_300_799_999, using: &random) }
        for day in [Int64(0), 59, 365, 10_957, 11_016, 19_782, 2_932_896] {
            instants += [day * 86_400_000 - 1, day * 86_400_000, day * 86_400_000 + 999].filter { $0 >= 0 }
        }
        for ms in instants {
            // Whole milliseconds from the integer parts: a Double of the whole instant can round its last digit.
            let date = Date(timeIntervalSince1970: TimeInterval(ms / 1000)).addingTimeInterval(Double(ms % 1000) / 1000)
            #expect(ISOTimestamp.milliseconds(ms) == formatter.string(from: date), "\(ms)")
        }
    }

    @Test func needsThePassphrase() throws {
        #expect(throws: SentinelError.self) {
            try OKXSigner(credentials: credentials("k", "22582BD0CFF14C41EDBF1AB98506286D"), venue: venue(.okx))
        }
    }
}
