import SentinelCore

/// A fill a taker would get from one ladder level.
struct LadderFill: Sendable, Equatable {
    /// 1-based level index on the side taken.
    let level: Int
    let price: Price
    let quantity: Quantity
}

/// Walks the ladder for a taker: best level first, as far as the limit price allows, until the quantity (or the
/// quote budget of a market buy) is used up. Pure: the caller decides whether to apply the fills.
enum LiquidityWalk {
    static func fills(
        ladder: LiquidityLadder, side: OrderSide, limit: Price?, quantity: Quantity?, quoteBudget: Amount?,
        step: Quantity
    ) -> [LadderFill] {
        let levels = side == .buy ? ladder.asks : ladder.bids
        var fills: [LadderFill] = []
        var remaining = quantity
        var budget = quoteBudget
        for (index, level) in levels.enumerated() where level.quantity.isPositive {
            if let limit {
                if side == .buy, level.price > limit { break }
                if side == .sell, level.price < limit { break }
            }
            var take = level.quantity
            if let left = remaining { take = min(take, left) }
            if let left = budget {
                guard let affordable = try? left.value.divided(by: level.price.value, places: 18, rounding: .down),
                    let onStep = try? Quantity(affordable).rounded(toMultipleOf: step, .down)
                else { break }
                take = min(take, onStep)
            }
            guard take.isPositive else { break }
            fills.append(LadderFill(level: index + 1, price: level.price, quantity: take))
            if let left = remaining {
                remaining = (try? left.subtracting(take)) ?? .zero
                if remaining?.isPositive != true { break }
            }
            if let left = budget, let cost = try? level.price.notional(of: take) {
                budget = (try? left.subtracting(cost)) ?? .zero
                if budget?.isPositive != true { break }
            }
        }
        return fills
    }

    static func totalQuantity(_ fills: [LadderFill]) -> Quantity {
        fills.reduce(Quantity.zero) { (try? $0.adding($1.quantity)) ?? $0 }
    }

    static func totalQuote(_ fills: [LadderFill]) -> Amount {
        fills.reduce(Amount.zero) { sum, fill in
            guard let cost = try? fill.price.notional(of: fill.quantity) else { return sum }
            return (try? sum.adding(cost)) ?? sum
        }
    }
}
