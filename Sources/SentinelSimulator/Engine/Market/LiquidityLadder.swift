import SentinelCore

/// One price level of the synthetic book.
struct LadderLevel: Sendable, Equatable {
    let price: Price
    let quantity: Quantity
}

/// The resting liquidity around the mid: `depth` levels each side, `spacing` apart, level k holding
/// `levelQuantity × k` minus what takers already consumed since the ladder was last rebuilt.
struct LiquidityLadder: Sendable {
    let mid: Price
    let bids: [LadderLevel]
    let asks: [LadderLevel]

    init(rules: MarketRules, mid: Price, consumedBids: [Int: Quantity], consumedAsks: [Int: Quantity]) {
        self.mid = mid
        func levels(_ direction: Int, consumed: [Int: Quantity]) -> [LadderLevel] {
            var result: [LadderLevel] = []
            for k in 1...rules.ladderDepth {
                guard let offset = try? rules.ladderSpacing.value.multiplied(by: ExactDecimal(k)),
                    let raw = try? (direction > 0 ? mid.value.adding(offset) : mid.value.subtracting(offset)),
                    let price = try? Price(raw).rounded(toMultipleOf: rules.tickSize, direction > 0 ? .up : .down),
                    price.isPositive,
                    let full = try? rules.ladderLevelQuantity.value.multiplied(by: ExactDecimal(k)),
                    let left = try? Quantity(full).subtracting(consumed[k] ?? .zero)
                else { continue }
                result.append(LadderLevel(price: price, quantity: left.isPositive ? left : .zero))
            }
            return result
        }
        bids = levels(-1, consumed: consumedBids)
        asks = levels(1, consumed: consumedAsks)
    }

    var bestBid: Price? { bids.first(where: { $0.quantity.isPositive })?.price }
    var bestAsk: Price? { asks.first(where: { $0.quantity.isPositive })?.price }
}
