import SentinelCore
import Testing

@testable import SentinelDoctor

/// Where the doctor's test order rests: inside the band, on the tick — or, without a tick rule, at the market
/// price's own precision.
@Suite struct OrderTestPriceTests {
    @Test func aQuarterAboveTheBandFloorOnTheTick() throws {
        let rules = MarketRules(
            tickSize: try Price("0.10"), stepSize: try Quantity("0.001"), minQuantity: try Quantity("0.001"),
            percentPriceUp: try ExactDecimal("1.05"), percentPriceDown: try ExactDecimal("0.95"))
        // 0.95 + 0.05/4 = 0.9625 of 65000.05 = 62562.548…, up to the tick.
        #expect(try OrderTestPlan.farPrice(below: try Price("65000.05"), rules: rules) == (try Price("62562.6")))
    }

    @Test func aZeroTickKeepsTheReferencePrecision() throws {
        let rules = MarketRules(
            tickSize: try Price("0"), stepSize: try Quantity("0.001"), minQuantity: try Quantity("0.001"))
        #expect(try OrderTestPlan.farPrice(below: try Price("65000.01"), rules: rules) == (try Price("32500.01")))
    }
}
