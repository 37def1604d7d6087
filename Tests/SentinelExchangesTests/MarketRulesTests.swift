import SentinelCore
import Testing

@Suite(.timeLimit(.minutes(5))) struct MarketRulesTests {
    let rules = MarketRules(
        tickSize: try! Price("0.01"), stepSize: try! Quantity("0.00001"), minQuantity: try! Quantity("0.00001"),
        maxQuantity: try! Quantity("9000"), minNotional: try! Amount("5"), minPrice: try! Price("0.01"),
        maxPrice: try! Price("1000000"), percentPriceUp: try! ExactDecimal("5"), percentPriceDown: try! ExactDecimal("0.2"))
    let btc = UnifiedSymbol("BTC/USDT")!

    func limit(_ quantity: String, _ price: String, postOnly: Bool = false) -> OrderRequest {
        OrderRequest(symbol: btc, side: .buy, type: .limit, quantity: try! Quantity(quantity), price: try! Price(price), postOnly: postOnly)
    }

    @Test func aValidOrderPasses() throws {
        try rules.validate(limit("0.001", "30000.10"), referencePrice: try Price("30000"))
    }

    @Test(arguments: [
        ("0.000015", "30000", "not a multiple of the step size", "Use 0.00001"),
        ("0.00001", "30000.015", "not a multiple of the tick size", "Use 30000.01 or 30000.02"),
        ("0.0001", "30000", "below the minimum order value", "price × quantity ≥ 5"),
        ("9000.00001", "1", "above the maximum", "Split"),
        ("0", "30000", "greater than zero", "Nothing was sent"),
        ("0.001", "200000", "more than 5× the market price", "at or below 150000"),
        ("0.01", "5000", "less than 0.2× the market price", "at or above 6000.0"),
    ])
    func eachRuleRefusesBeforeSending(quantity: String, price: String, cause: String, fix: String) {
        let reference = try! Price("30000")
        do {
            try rules.validate(limit(quantity, price), referencePrice: reference)
            Issue.record("accepted \(quantity) @ \(price)")
        } catch {
            #expect(error.kind == .invalidOrder)
            #expect(error.diagnosis.cause.contains(cause), "\(error.diagnosis.cause)")
            #expect(error.diagnosis.fix.joined().contains(fix), "\(error.diagnosis.fix)")
            #expect(error.diagnosis.fix.last == "Nothing was sent to the exchange.")
        }
    }

    @Test func marketOrdersTakeNoPriceAndCannotBePostOnly() {
        let withPrice = OrderRequest(symbol: btc, side: .sell, type: .market, quantity: try! Quantity("1"), price: try! Price("1"))
        #expect(throws: SentinelError.self) { try rules.validate(withPrice) }
        let postOnly = OrderRequest(symbol: btc, side: .sell, type: .market, quantity: try! Quantity("1"), postOnly: true)
        #expect(throws: SentinelError.self) { try rules.validate(postOnly) }
        let noPrice = OrderRequest(symbol: btc, side: .buy, type: .limit, quantity: try! Quantity("1"))
        #expect(throws: SentinelError.self) { try rules.validate(noPrice) }
    }

    @Test func smallestQuantityMeetsMinimumStepAndNotional() throws {
        #expect(try rules.smallestQuantity(at: Price("30000")).description == "0.00017")
        #expect(try rules.smallestQuantity(at: Price("1000000")).description == "0.00001")
        let coarse = MarketRules(tickSize: try Price("0.1"), stepSize: try Quantity("0.001"), minQuantity: try Quantity("0.001"), minNotional: try Amount("100"))
        let q = try coarse.smallestQuantity(at: Price("6000.0"))
        #expect(q.description == "0.017")
        try coarse.validate(OrderRequest(symbol: btc, side: .buy, type: .limit, quantity: q, price: try Price("6000.0")))
    }
}

/// Binance: "any of the variables can be set to 0, which disables that rule" — a tick size of 0 is no tick rule.
@Suite struct ZeroTickSizeTests {
    @Test func aZeroTickAcceptsAnyPositivePriceAndStillChecksTheRest() throws {
        let rules = MarketRules(
            tickSize: try Price("0"), stepSize: try Quantity("0.001"), minQuantity: try Quantity("0.001"),
            minNotional: try Amount("5"))
        let btc = UnifiedSymbol("BTC/USDT")!
        try rules.validate(
            OrderRequest(symbol: btc, side: .buy, type: .limit, quantity: try Quantity("0.001"), price: try Price("30000.123456")))
        #expect(throws: SentinelError.self) {
            try rules.validate(
                OrderRequest(symbol: btc, side: .buy, type: .limit, quantity: try Quantity("0.0015"), price: try Price("30000")))
        }
    }
}
