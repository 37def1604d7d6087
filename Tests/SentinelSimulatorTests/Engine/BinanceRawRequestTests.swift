import Foundation
import Testing
@testable import SentinelSimulator

/// RAW_REQUESTS: Binance counts every request per IP in 5-minute windows, whatever its weight (5,000 on Binance.US,
/// 61,000 on binance.com; USDⓈ-M has no such limit).
@Suite struct BinanceRawRequestTests {
    func ping(_ dialect: BinanceDialect, _ engine: SimulatorEngine, ip: String = "127.0.0.1") -> SimulatorResponse {
        dialect.respond(
            to: SimulatorRequest(method: "GET", path: "/api/v3/ping", rawQuery: "", headers: [:], body: "", clientIP: ip),
            engine: engine)
    }

    @Test func theRequestAfterTheLimitIsRefusedUntilTheWindowEnds() throws {
        let clock = SimulatorManualClock(startingAt: 1_800_000_000_000)  // on a 5-minute boundary
        let engine = SimulatorEngine(seed: 1, origin: clock.milliseconds)
        engine.withState { $0.clock.manual = clock }
        let dialect = BinanceDialect(flavor: .us)
        // ping weighs 1: 5,000 pings stay far inside Binance.US's 1,200 weight a minute only if spread out, so the
        // weight window is moved past each minute.
        for index in 0..<5_000 {
            if index > 0, index % 1_000 == 0 { clock.advance(milliseconds: 60_000) }
            #expect(ping(dialect, engine).status == 200, "request \(index + 1)")
        }
        let refused = ping(dialect, engine)
        #expect(refused.status == 429, "\(refused.body)")
        let body = refused.body
        #expect(body.contains("-1003") && body.contains("5000 requests per 5 MINUTE"), "\(body)")
        let retryAfter = try #require(refused.headers.first { $0.0 == "Retry-After" }?.1)
        #expect(retryAfter == "60", "4 of the 5 minutes have passed")
        #expect(ping(dialect, engine, ip: "127.0.0.2").status == 200, "counted per IP")
        clock.advance(milliseconds: 60_000)
        #expect(ping(dialect, engine).status == 200, "a new window")
    }

    @Test func futuresHaveNoRawRequestLimit() {
        let engine = SimulatorEngine(seed: 1)
        let dialect = BinanceDialect(flavor: .usdm)
        let request = SimulatorRequest(
            method: "GET", path: "/fapi/v1/exchangeInfo", rawQuery: "", headers: [:], body: "", clientIP: "127.0.0.1")
        let info = dialect.respond(to: request, engine: engine)
        #expect(!info.body.contains("RAW_REQUESTS"))
        let spot = BinanceDialect(flavor: .spot).respond(
            to: SimulatorRequest(
                method: "GET", path: "/api/v3/exchangeInfo", rawQuery: "", headers: [:], body: "", clientIP: "127.0.0.1"),
            engine: engine)
        #expect(spot.body.contains(#""rateLimitType":"RAW_REQUESTS","interval":"MINUTE","intervalNum":5,"limit":61000"#))
    }
}
