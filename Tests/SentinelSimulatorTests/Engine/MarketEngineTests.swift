import SentinelCore
import Testing
@testable import SentinelSimulator

@Suite struct PriceProcessTests {
    @Test func sameSeedSamePath() {
        var a = PriceProcess(initialPrice: .literal("65000.00"), tick: .literal("0.01"), seed: 7, origin: 0)
        var b = PriceProcess(initialPrice: .literal("65000.00"), tick: .literal("0.01"), seed: 7, origin: 0)
        var pathA: [Price] = []
        var pathB: [Price] = []
        for second in 1...50 {
            _ = a.advance(to: Int64(second) * 1000)
            _ = b.advance(to: Int64(second) * 1000)
            pathA.append(a.price)
            pathB.append(b.price)
        }
        #expect(pathA == pathB)
        #expect(Set(pathA).count > 1, "the walk moves")
        #expect(pathA.allSatisfy { $0.isMultiple(of: .literal("0.01")) })
    }

    @Test func pinnedPriceHolds() {
        var process = PriceProcess(initialPrice: .literal("65000.00"), tick: .literal("0.01"), seed: 7, origin: 0)
        process.pin(at: .literal("60000.00"))
        for second in 1...20 { _ = process.advance(to: Int64(second) * 1000) }
        #expect(process.price == .literal("60000"))
    }
}

@Suite struct LiquidityTests {
    let rules = MarketCatalog.btcSpot

    func ladder(consumedAsks: [Int: Quantity] = [:]) -> LiquidityLadder {
        LiquidityLadder(rules: rules, mid: .literal("65000.00"), consumedBids: [:], consumedAsks: consumedAsks)
    }

    @Test func ladderSurroundsTheMid() {
        let book = ladder()
        #expect(book.bestAsk == .literal("65000.50"))
        #expect(book.bestBid == .literal("64999.50"))
        #expect(book.asks.count == 20)
        #expect(book.asks[2].quantity == .literal("0.06"))
    }

    @Test func marketBuyWalksLevels() {
        let fills = LiquidityWalk.fills(
            ladder: ladder(), side: .buy, limit: nil, quantity: .literal("0.1"), quoteBudget: nil, step: rules.stepSize)
        #expect(fills.map(\.quantity) == [.literal("0.02"), .literal("0.04"), .literal("0.04")])
        #expect(fills.map(\.price) == [.literal("65000.50"), .literal("65001.00"), .literal("65001.50")])
        #expect(LiquidityWalk.totalQuote(fills) == .literal("6500.11"))
    }

    @Test func limitStopsAtItsPrice() {
        let fills = LiquidityWalk.fills(
            ladder: ladder(), side: .buy, limit: .literal("65001.00"), quantity: .literal("0.1"), quoteBudget: nil,
            step: rules.stepSize)
        #expect(LiquidityWalk.totalQuantity(fills) == .literal("0.06"))
    }

    @Test func consumedLiquidityIsGone() {
        let book = ladder(consumedAsks: [1: .literal("0.02")])
        #expect(book.bestAsk == .literal("65001.00"))
    }

    @Test func quoteBudgetBuysWhatItCan() {
        let fills = LiquidityWalk.fills(
            ladder: ladder(), side: .buy, limit: nil, quantity: nil, quoteBudget: .literal("100"), step: rules.stepSize)
        #expect(LiquidityWalk.totalQuantity(fills) == .literal("0.00153"))
        #expect(LiquidityWalk.totalQuote(fills) <= .literal("100"))
    }
}

@Suite struct MarketRulesTests {
    let spot = MarketCatalog.btcSpot
    let perpetual = MarketCatalog.btcPerpetual
    let reference = Price.literal("65000")

    func violation(_ rules: MarketRules, price: String?, quantity: String, side: OrderSide = .buy) -> FilterViolation? {
        do {
            try rules.validate(
                price: price.map { .literal($0) }, quantity: .literal(quantity), referencePrice: reference,
                isMarket: price == nil, side: side)
            return nil
        } catch {
            return error
        }
    }

    @Test func acceptsAValidOrder() {
        #expect(violation(spot, price: "60000.01", quantity: "0.001") == nil)
        #expect(violation(perpetual, price: "60000.10", quantity: "0.002") == nil)
    }

    @Test func spotFilters() {
        #expect(violation(spot, price: "60000.001", quantity: "0.001") == .priceNotOnTick)
        #expect(violation(spot, price: "60000.000000001", quantity: "0.001") == .pricePrecision)
        #expect(violation(spot, price: "60000", quantity: "0.000015") == .quantityNotOnStep)
        #expect(violation(spot, price: "60000", quantity: "0.000000001") == .quantityPrecision)
        #expect(violation(spot, price: "60000", quantity: "0.00001") == .notionalBelowMinimum)
        #expect(violation(spot, price: "60000", quantity: "9001") == .quantityAboveMaximum)
        #expect(violation(spot, price: "400000", quantity: "0.001") == .priceAbovePercentBound(.literal("325000.00")))
        #expect(violation(spot, price: "10000", quantity: "0.001") == .priceBelowPercentBound(.literal("13000.00")))
        #expect(violation(spot, price: nil, quantity: "101") == .marketQuantityAboveMaximum)
    }

    @Test func perpetualFilters() {
        #expect(violation(perpetual, price: "60000.05", quantity: "0.002") == .priceNotOnTick)
        #expect(violation(perpetual, price: "60000.123", quantity: "0.002") == .pricePrecision)
        #expect(violation(perpetual, price: "60000", quantity: "0.0015") == .quantityPrecision)
        #expect(violation(perpetual, price: "60000", quantity: "0.001") == .notionalBelowMinimum)
        #expect(violation(perpetual, price: "70000", quantity: "0.002") == .priceAbovePercentBound(.literal("68250.00")))
        // Futures bound a sell only from below and a buy only from above.
        #expect(violation(perpetual, price: "70000", quantity: "0.002", side: .sell) == nil)
    }
}
