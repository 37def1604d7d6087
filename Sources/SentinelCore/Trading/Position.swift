/// An open derivatives position (one-way mode: the sign of `size` is the direction).
public struct Position: Sendable, Hashable, Codable {
    public var symbol: UnifiedSymbol
    /// Positive long, negative short, in base units or contracts.
    public var size: ExactDecimal
    public var entryPrice: Price
    public var markPrice: Price?
    public var unrealizedPnl: Amount
    public var liquidationPrice: Price?
    public var leverage: ExactDecimal?

    public init(
        symbol: UnifiedSymbol, size: ExactDecimal, entryPrice: Price, markPrice: Price?, unrealizedPnl: Amount,
        liquidationPrice: Price?, leverage: ExactDecimal?
    ) {
        self.symbol = symbol
        self.size = size
        self.entryPrice = entryPrice
        self.markPrice = markPrice
        self.unrealizedPnl = unrealizedPnl
        self.liquidationPrice = liquidationPrice
        self.leverage = leverage
    }

    public var side: OrderSide? { size.isZero ? nil : (size.isNegative ? .sell : .buy) }
}
