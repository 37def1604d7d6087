import SentinelCore
import SentinelNet
import Testing

@testable import SentinelExchanges

/// The KuCoin connector's own decisions, without I/O: which host each request goes to, how the usage headers and a
/// 429000 are read, how an answer is judged.
@Suite struct KuCoinConnectorTests {
    static let credentials = Credentials(
        apiKey: "6705f5c311545b000157d3eb", secret: SecretText("f03a5284-5c39-4aaa-9b20-dea10bdcf8e3"),
        passphrase: SecretText("Ab12345678)(*&^%$#@"))

    func connector(_ product: Product) throws -> KuCoinConnector {
        try KuCoinConnector(venue: try Venue(.kucoin, product, .live), credentials: Self.credentials)
    }

    /// The key-info endpoint lives on the spot host: a futures client audits its key there.
    @Test func hostsPerProductAndTheKeyInfoOnTheSpotHost() throws {
        let futures = try connector(.linear)
        let balance = try futures.request(KuCoinEndpoint.accountOverview, .pairs([("currency", "USDT")]), timestampMs: 1)
        #expect(balance.url == "https://api-futures.kucoin.com/api/v1/account-overview?currency=USDT")
        let audit = try futures.request(KuCoinEndpoint.keyInfo, .empty, timestampMs: 1_547_015_186_532)
        #expect(audit.url == "https://api.kucoin.com/api/v1/user/api-key")
        #expect(audit.header("KC-API-SIGN") == "pmU7prytKlTtZ5ufMjF8cnJrVBcrxBY2soFXmQbfIW4=")
        #expect(audit.header("KC-API-PASSPHRASE") == "F2p2bNS1bBehHvC/Z4YkB7l1Wd0Pq2iV/oLHM/DyE+I=")
        let time = try futures.request(KuCoinEndpoint.time, .empty, timestampMs: 1)
        #expect(time.url == "https://api-futures.kucoin.com/api/v1/timestamp" && time.headers.isEmpty)
        #expect(try connector(.spot).request(KuCoinEndpoint.accounts, .empty, timestampMs: 1).url
            == "https://api.kucoin.com/api/v1/accounts")
        #expect(throws: SentinelError.self) {
            _ = try futures.request(KuCoinEndpoint.positions, .json("{}"), timestampMs: 1)
        }
    }

    /// The window after which an unknown order may be sent again is never shorter than KuCoin's own 5 s.
    @Test func theValidityWindowIsAtLeastKuCoins() throws {
        let venue = try Venue(.kucoin, .spot, .live)
        #expect(try KuCoinConnector(venue: venue, credentials: Self.credentials, validityMs: 1_000).requestValidityMs == 5_000)
        #expect(try KuCoinConnector(venue: venue, credentials: Self.credentials, validityMs: 8_000).requestValidityMs == 8_000)
    }

    /// Inverse contracts are refused with the reason and the products that work, not listed empty.
    @Test func inverseIsRefusedWithTheReason() {
        #expect {
            _ = try connector(.inverse)
        } throws: { error in
            (error as? SentinelError)?.kind == .unsupported
                && (error as? SentinelError)?.diagnosis.fix.first?.contains("--product linear") == true
        }
    }

    @Test func usageHeadersAndTheRateLimit() throws {
        let spot = try connector(.spot)
        let fine = HTTPResponse(
            status: 200,
            headers: [("gw-ratelimit-limit", "4000"), ("gw-ratelimit-remaining", "3990"), ("gw-ratelimit-reset", "12000")],
            body: Array(#"{"code":"200000","data":{}}"#.utf8))
        let report = spot.usage(in: fine, endpoint: KuCoinEndpoint.spotPlace)
        #expect(report.observations == [.init(meter: KuCoinEndpoint.spotPool, windowMs: 30_000, used: 10)])
        #expect(report.throttle == nil)
        let limited = HTTPResponse(
            status: 429, headers: [("gw-ratelimit-reset", "2500")], body: Array(#"{"code":"429000","msg":"Too Many Requests"}"#.utf8))
        #expect(spot.usage(in: limited, endpoint: KuCoinEndpoint.spotPlace).throttle == .rateLimited(retryAfterMs: 2_500))
        let context = ErrorContext(
            venue: spot.venue, httpStatus: 429, path: "/api/v1/hf/orders", clockSummary: nil, retryAfterSeconds: nil)
        #expect(spot.failure(in: limited, endpoint: KuCoinEndpoint.spotPlace, context: context)?.kind == .rateLimited)
        #expect(spot.failure(in: fine, endpoint: KuCoinEndpoint.spotPlace, context: context) == nil)
        // A business refusal in HTTP 200.
        let refused = HTTPResponse(
            status: 200, headers: [], body: Array(#"{"code":"126044","msg":"clientOid duplicated"}"#.utf8))
        #expect(spot.failure(in: refused, endpoint: KuCoinEndpoint.spotPlace, context: context)?.kind == .duplicateOrder)
        // Not KuCoin's envelope at all: a proxy's page.
        let page = HTTPResponse(status: 502, headers: [], body: Array("<html>bad gateway</html>".utf8))
        #expect(spot.failure(in: page, endpoint: KuCoinEndpoint.spotPlace, context: context)?.kind == .exchangeUnavailable)
    }

    /// Ids a person typed stay one path segment.
    @Test func typedIDsStayOnePathSegment() {
        #expect(KuCoinConnector.segment("670fd33bf9406e0007ab3945") == "670fd33bf9406e0007ab3945")
        #expect(KuCoinConnector.segment("a/../b?c") == "a%2F%2E%2E%2Fb%3Fc")
    }
}
