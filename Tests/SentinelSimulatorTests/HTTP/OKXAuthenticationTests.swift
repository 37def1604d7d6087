import Foundation
import Testing
@testable import SentinelSimulator

/// OKX request authentication in the simulator (okx.md §2, §3, Simulator notes 1–3).
@Suite struct OKXAuthenticationTests {
    static let vectorSecret = "22582BD0CFF14C41EDBF1AB98506286D"
    static let vectorTimestamp = "2020-12-08T09:08:57.715Z"

    /// Every REST vector of the fact sheet verifies with the simulator's own check, over the exact bytes.
    @Test func factSheetVectorsVerify() {
        func request(_ method: String, _ path: String, query: String = "", body: String = "") -> SimulatorRequest {
            SimulatorRequest(method: method, path: path, rawQuery: query, headers: [:], body: body, clientIP: "127.0.0.1")
        }
        let compact = #"{"instId":"BTC-USDT","tdMode":"cash","clOrdId":"b15","side":"buy","ordType":"limit","px":"2.15","sz":"2"}"#
        let spaced =
            #"{"instId": "BTC-USDT", "tdMode": "cash", "clOrdId": "b15", "side": "buy", "ordType": "limit", "px": "2.15", "sz": "2"}"#
        let cases: [(String, SimulatorRequest)] = [
            ("HiZhvSfMtWJA3uUIVXV3a/bSXNPCWvYFXoGCVS8V4zY=", request("GET", "/api/v5/account/balance", query: "ccy=BTC")),
            ("dI6rrL9rXW/HdaPKJ/6LC1OgvH4/PYju6R3CqixMTNQ=", request("POST", "/api/v5/trade/order", body: compact)),
            ("bFEUGiGkCl0dGsPiDFbsfLwA93/UrLulontlA+Lb71o=", request("POST", "/api/v5/trade/order", body: spaced)),
            ("Kr/8IrbDYujS4cg2KkmB+tO2HMUXxyayG6ZwNb4H/yA=", request("GET", "/api/v5/account/config")),
        ]
        for (signature, request) in cases {
            #expect(OKXSignature.isValid(signature, secret: HMACSecret(Self.vectorSecret), timestamp: Self.vectorTimestamp, request: request))
        }
        #expect(!OKXSignature.isValid(
            "dI6rrL9rXW/HdaPKJ/6LC1OgvH4/PYju6R3CqixMTNQ=", secret: HMACSecret(Self.vectorSecret), timestamp: Self.vectorTimestamp,
            request: request("POST", "/api/v5/trade/order", body: spaced)))
        #expect(HMACSecret(Self.vectorSecret).base64(of: "1538054050GET/users/self/verify")
            == "+LdIr8lkkvhr5hoA3g9TMC0+uQJ849ftAcocA/ouu4M=")
    }

    @Test func timestampForm() {
        #expect(OKXTimestamp.milliseconds(Self.vectorTimestamp) == 1_607_418_537_715)
        #expect(OKXTimestamp.milliseconds("1970-01-01T00:00:00.000Z") == 0)
        #expect(OKXTestClient.isoTimestamp(1_607_418_537_715) == Self.vectorTimestamp)
        for bad in ["2020-12-08T09:08:57Z", "2020-12-08T09:08:57.715", "1607418537715", "2020-12-08 09:08:57.715Z",
                    "2020-02-30T09:08:57.715Z", "2020-12-08T24:08:57.715Z", "２020-12-08T09:08:57.715Z", ""] {
            #expect(OKXTimestamp.milliseconds(bad) == nil, "\(bad)")
        }
    }

    @Test func signedReadPythonStyleBodyAndBareQuestionMark() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.okxClient()
            let balance = try await client.signed("GET", "/api/v5/account/balance?ccy=BTC,USDT")
            #expect(balance.status == 200 && balance.okxCode == "0", "\(balance.body)")
            let details = try #require(balance.okxData.first?["details"] as? [[String: Any]])
            #expect(Set(details.compactMap { $0["ccy"] as? String }) == ["BTC", "USDT"])
            #expect(details.first { $0["ccy"] as? String == "USDT" }?["availBal"] as? String == "10000")
            // ccxt percent-encodes the query and signs it as sent.
            let encoded = try await client.signed("GET", "/api/v5/account/balance?ccy=BTC%2CUSDT")
            #expect((encoded.okxData.first?["details"] as? [[String: Any]])?.count == 2, "\(encoded.body)")
            let spaced = #"{"instId": "BTC-USDT-SWAP", "lever": "5", "mgnMode": "cross"}"#
            let leverage = try await client.signed("POST", "/api/v5/account/set-leverage", body: spaced)
            #expect(leverage.status == 200 && leverage.okxCode == "0", "\(leverage.body)")
            let bare = try await client.signed("GET", "/api/v5/account/config?", signedPath: "/api/v5/account/config?")
            #expect(bare.okxCode == "0", "\(bare.body)")
        }
    }

    @Test func refusalsWithCodesMessagesAndStatuses() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.okxClient()
            let wrongPassphrase = try await client.signed("GET", "/api/v5/account/balance", passphrase: "Passphrase1!")
            #expect(wrongPassphrase.status == 401 && wrongPassphrase.okxCode == "50105")
            #expect(wrongPassphrase.message == "Request header \"OK-ACCESS-PASSPHRASE\" incorrect.")
            let badSign = try await client.signed("GET", "/api/v5/account/balance", signedPath: "/api/v5/account/config")
            #expect(badSign.status == 401 && badSign.okxCode == "50113" && badSign.message == "Invalid signature.")
            var stranger = client
            stranger.apiKey = "0c3c1f2e-5b1b-4d3c-9a1e-000000000000"
            let unknown = try await stranger.signed("GET", "/api/v5/account/balance")
            #expect(unknown.status == 401 && unknown.okxCode == "50119" && unknown.message == "API key doesn't exist")
            #expect(unknown.object["data"] == nil)
            let stale = try await client.signed(
                "GET", "/api/v5/account/balance", timestamp: OKXTestClient.isoTimestamp(client.nowMilliseconds - 30_001))
            #expect(stale.status == 401 && stale.okxCode == "50102" && stale.message == "Timestamp request expired.")
            let early = try await client.signed(
                "GET", "/api/v5/account/balance", timestamp: OKXTestClient.isoTimestamp(client.nowMilliseconds + 30_001))
            #expect(early.okxCode == "50102")
            let inWindow = try await client.signed(
                "GET", "/api/v5/account/balance", timestamp: OKXTestClient.isoTimestamp(client.nowMilliseconds - 29_000))
            #expect(inWindow.okxCode == "0")
            let malformed = try await client.signed(
                "GET", "/api/v5/account/balance", timestamp: String(client.nowMilliseconds))
            #expect(malformed.status == 401 && malformed.okxCode == "50112")
            let missing = try await TestHTTP.send("GET", client.baseURL + "/api/v5/account/balance")
            #expect(missing.status == 401 && missing.okxCode == "50103")
            #expect(missing.message == "Request header \"OK-ACCESS-KEY\" cannot be empty.")
        }
    }

    /// The header's value selects the environment: `1` demo; `0` or none live. A mix-up is 50101 at HTTP 401.
    @Test func demoAndLiveKeysByHeaderValue() async throws {
        try await withSimulator { simulator in
            var live = try await simulator.okxClient()
            var demo = try await simulator.okxClient(environment: "demo")
            #expect(try await demo.signed("GET", "/api/v5/account/balance").okxCode == "0")
            live.simulatedTrading = "0"
            #expect(try await live.signed("GET", "/api/v5/account/balance").okxCode == "0")
            live.simulatedTrading = "1"
            let liveOnDemo = try await live.signed("GET", "/api/v5/account/balance")
            #expect(liveOnDemo.status == 401 && liveOnDemo.okxCode == "50101")
            #expect(liveOnDemo.message == "APIKey does not match current environment.")
            for value in [nil, "0"] as [String?] {
                demo.simulatedTrading = value
                let demoOnLive = try await demo.signed("GET", "/api/v5/account/balance")
                #expect(demoOnLive.status == 401 && demoOnLive.okxCode == "50101")
            }
            // Public data answers with any header value.
            #expect(try await demo.get("/api/v5/public/time").okxCode == "0")
        }
    }

    @Test func ipWhitelistPermissionsAndKeyAudit() async throws {
        try await withSimulator { simulator in
            let elsewhere = try await simulator.okxClient(ipWhitelist: ["203.0.113.7"])
            let refused = try await elsewhere.signed("GET", "/api/v5/account/config")
            #expect(refused.status == 401 && refused.okxCode == "50110")
            #expect(refused.message == "Your IP 127.0.0.1 is not included in your API key's IP whitelist.")

            let bound = try await simulator.okxClient(
                permissions: ["read", "trade", "withdraw"], ipWhitelist: ["127.0.0.1", "203.0.113.7"])
            let config = try await bound.signed("GET", "/api/v5/account/config")
            #expect(config.okxCode == "0")
            #expect(config.okxData.first?["perm"] as? String == "read_only,withdraw,trade")
            #expect(config.okxData.first?["ip"] as? String == "127.0.0.1,203.0.113.7")
            #expect(config.okxData.first?["posMode"] as? String == "net_mode")
            #expect(config.body.hasSuffix(#","msg":""}"#))

            let readOnly = try await simulator.okxClient(permissions: ["read"])
            let audit = try await readOnly.signed("GET", "/api/v5/account/config")
            #expect(audit.okxData.first?["perm"] as? String == "read_only" && audit.okxData.first?["ip"] as? String == "")
            let order = try await readOnly.signed(
                "POST", "/api/v5/trade/order",
                body: #"{"instId":"BTC-USDT","tdMode":"cash","side":"buy","ordType":"limit","px":"30000","sz":"0.001"}"#)
            #expect(order.status == 200 && order.okxCode == "50120")
        }
    }

    /// account/config allows 5 requests per 2 s per UID; the sixth in the window is 50011 at HTTP 429.
    @Test func perEndpointRateLimit() async throws {
        try await withSimulator { simulator in
            let client = try await simulator.okxClient()
            for _ in 0..<5 { #expect(try await client.signed("GET", "/api/v5/account/config").okxCode == "0") }
            let limited = try await client.signed("GET", "/api/v5/account/config")
            #expect(limited.status == 429 && limited.okxCode == "50011")
            #expect(try await client.signed("GET", "/api/v5/account/balance").okxCode == "0")
            simulator.configuration.clock?.advance(milliseconds: 2_000)
            #expect(try await client.signed("GET", "/api/v5/account/config").okxCode == "0")
        }
    }
}
