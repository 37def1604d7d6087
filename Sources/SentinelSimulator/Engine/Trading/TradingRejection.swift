/// Why the engine refused an order, cancel or query, exchange-neutral; each dialect maps it to its codes.
enum TradingRejection: Error, Sendable, Equatable {
    case unknownSymbol
    case filter(FilterViolation)
    case duplicateClientOrderID
    /// A post-only order that would trade at once.
    case postOnlyWouldTake
    case insufficientBalance
    case insufficientMargin
    /// A reduce-only order that would open or grow a position.
    case reduceOnlyWouldIncrease
    case unknownOrder
    case invalidLeverage
}
