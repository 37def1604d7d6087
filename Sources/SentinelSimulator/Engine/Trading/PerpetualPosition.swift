import SentinelCore

/// A one-way-mode position: a signed amount (long > 0, short < 0) and its average entry price.
struct PerpetualPosition: Sendable, Equatable {
    var amount: ExactDecimal = .zero
    var entryPrice: ExactDecimal = .zero
    var updatedAt: Int64 = 0

    var isFlat: Bool { amount.isZero }

    /// Applies a fill and returns the profit it realised (closing part × price move, in the margin asset).
    mutating func apply(side: OrderSide, quantity: ExactDecimal, price: ExactDecimal, at time: Int64) -> ExactDecimal {
        updatedAt = time
        let delta = side == .buy ? quantity : quantity.negated()
        if amount.isZero || amount.isNegative == delta.isNegative {
            let size = amount.magnitude
            entryPrice = (size * entryPrice + quantity * price).over(size + quantity)
            amount = amount + delta
            return .zero
        }
        let closing = ExactDecimal.min(quantity, amount.magnitude)
        let direction: ExactDecimal = amount.isNegative ? -1 : 1
        let realized = (price - entryPrice) * closing * direction
        let wasLong = !amount.isNegative
        amount = amount + delta
        if amount.isZero {
            entryPrice = .zero
        } else if amount.isNegative == wasLong {
            entryPrice = price  // flipped: the rest opens at the fill price
        }
        return realized
    }

    func unrealizedProfit(mark: ExactDecimal) -> ExactDecimal {
        (mark - entryPrice) * amount
    }

    /// How much of an order on `side` would reduce this position rather than grow it.
    func reducibleQuantity(side: OrderSide) -> ExactDecimal {
        guard !amount.isZero else { return .zero }
        let reduces = (side == .sell) != amount.isNegative
        return reduces ? amount.magnitude : .zero
    }
}
