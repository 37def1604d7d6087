import SentinelCore
import SentinelNet
import Testing

@testable import SentinelExchanges

/// The context every answer gets reads its `Retry-After` and the clock's summary only when asked, with the same
/// answers as the values given directly.
@Suite struct ErrorContextTests {
    @Test func anAnswersContextReadsRetryAfterAndTheClockWhenAsked() throws {
        let venue = try Venue(.okx, .spot, Environment(.live))
        let synced = ClockEstimate(offsetMs: -2412, roundTripMs: 9, errorBoundMs: 4, samples: 3, measuredAtMs: 1)
        let limited = HTTPResponse(status: 429, headers: [("retry-after", "7")], body: [])
        let context = ErrorContext(venue: venue, response: limited, path: "/api/v5/trade/order", clock: synced)
        #expect(context.httpStatus == 429 && context.path == "/api/v5/trade/order")
        #expect(context.retryAfterSeconds == 7)
        #expect(context.clockSummary == synced.summary && context.clockSummary == "-2412 ms (±4 ms, round trip 9 ms)")

        let plain = ErrorContext(
            venue: venue, response: HTTPResponse(status: 200, headers: [("Retry-After", "soon")], body: []), path: "/",
            clock: .unsynchronized)
        #expect(plain.retryAfterSeconds == nil && plain.clockSummary == nil)

        let given = ErrorContext(venue: venue, httpStatus: 418, path: "/x", clockSummary: "+1 ms", retryAfterSeconds: 60)
        #expect(given.retryAfterSeconds == 60 && given.clockSummary == "+1 ms")
    }

    /// Binance's usage headers are read whatever their case; `Retry-After` only on 429 and 418.
    @Test func binanceUsageReadsItsHeadersWhateverTheirCase() throws {
        let connector = try BinanceConnector(
            venue: try Venue(.binance, .spot, Environment(.live)),
            credentials: Credentials(apiKey: "k", secret: SecretText("s")))
        let answer = HTTPResponse(
            status: 200,
            headers: [
                ("X-MBX-USED-WEIGHT-1M", "12"), ("x-mbx-order-count-10s", "3"), ("x-mbx-order-count-1D", "40"),
                ("x-mbx-used-weight-", "1"), ("X-MBX-USED-WEIGHT-XM", "5"), ("Retry-After", "9"),
            ],
            body: [])
        let report = connector.usage(in: answer, endpoint: BinanceEndpoint.spot.placeOrder)
        #expect(report.observations == [
            .init(meter: .weight, windowMs: 60_000, used: 12), .init(meter: .orders, windowMs: 10_000, used: 3),
            .init(meter: .orders, windowMs: 86_400_000, used: 40),
        ])
        #expect(report.throttle == nil)
        let limited = HTTPResponse(status: 429, headers: [("retry-after", "9")], body: [])
        #expect(connector.usage(in: limited, endpoint: BinanceEndpoint.spot.placeOrder).throttle
            == .rateLimited(retryAfterMs: 9_000))
        let banned = HTTPResponse(status: 418, headers: [], body: [])
        #expect(connector.usage(in: banned, endpoint: BinanceEndpoint.spot.placeOrder).throttle == .banned(forMs: 60_000))
    }
}

/// Base URLs are resolved once per connector; a USDⓈ-M key's permission check (SAPI) still goes to the spot host of the
/// same environment, and a custom endpoint serves everything.
@Suite struct BinanceHostTests {
    @Test func sapiGoesToTheSpotHostAndACustomEndpointServesEverything() throws {
        let credentials = Credentials(apiKey: "k", secret: SecretText("s"))
        let usdm = try BinanceConnector(venue: try Venue(.binance, .linear, Environment(.live)), credentials: credentials)
        let restrictions = try usdm.request(BinanceEndpoint.usdm.apiRestrictions, .empty, timestampMs: 1)
        #expect(restrictions.url.hasPrefix("https://api.binance.com/sapi/v1/account/apiRestrictions?"))
        let order = try usdm.request(BinanceEndpoint.usdm.placeOrder, .pairs([("symbol", "BTCUSDT")]), timestampMs: 1)
        #expect(order.url == "https://fapi.binance.com/fapi/v1/order")
        let custom = try BinanceConnector(
            venue: try Venue(.binance, .linear, Environment(.live, customEndpoint: "http://127.0.0.1:9/")),
            credentials: credentials)
        #expect(try custom.request(BinanceEndpoint.usdm.apiRestrictions, .empty, timestampMs: 1).url
            .hasPrefix("http://127.0.0.1:9/sapi/v1/account/apiRestrictions?"))
        #expect(try custom.request(BinanceEndpoint.usdm.placeOrder, .pairs([("symbol", "BTCUSDT")]), timestampMs: 1).url
            == "http://127.0.0.1:9/fapi/v1/order")
    }
}
