import Foundation
import Testing
@testable import SentinelSimulator

/// `sentinel sim --no-rate-limits` (benchmarks): exchangeInfo advertises limits no loop reaches, so that a client
/// pacing itself to the advertised limits measures its own speed; with limits enforced, Binance's own figures.
@Suite(.timeLimit(.minutes(5))) struct UnenforcedRateLimitTests {
    @Test(arguments: [true, false]) func exchangeInfoAdvertisesWhatIsEnforced(_ enforced: Bool) async throws {
        try await withSimulator(enforcesRateLimits: enforced) { simulator in
            for (venue, path) in [(SimulatorVenue.binance, "/api/v3/exchangeInfo"), (.binanceUSDM, "/fapi/v1/exchangeInfo")] {
                let info = try await TestHTTP.send("GET", simulator.url(for: venue) + path)
                let limits = try #require(info.object["rateLimits"] as? [[String: Any]])
                #expect(!limits.isEmpty)
                let values = limits.compactMap { $0["limit"] as? Int }
                #expect(values.count == limits.count)
                if enforced {
                    #expect(values.allSatisfy { $0 < BinanceDialect.unenforcedLimit }, "\(venue): \(values)")
                    let weight = limits.first { $0["rateLimitType"] as? String == "REQUEST_WEIGHT" }
                    #expect(weight?["limit"] as? Int == (venue == .binance ? 6_000 : 2_400))
                } else {
                    #expect(values.allSatisfy { $0 == BinanceDialect.unenforcedLimit }, "\(venue): \(values)")
                }
            }
        }
    }
}
