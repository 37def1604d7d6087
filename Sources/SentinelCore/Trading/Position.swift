/// An open derivatives position. In one-way mode (`positionSide == .net`) the sign of `size` is the direction; in
/// hedge mode a market can hold a long and a short position at once, each with its own side.
public struct Position: Sendable, Hashable, Codable {
    public var symbol: UnifiedSymbol
    /// Positive long, negative short, in base units (connectors convert contracts).
    public var size: ExactDecimal
    public var positionSide: PositionSide = .net
    /// nil where the exchange does not say.
    public var marginMode: MarginMode?
    public var entryPrice: Price
    public var markPrice: Price?
    public var unrealizedPnl: Amount
    public var liquidationPrice: Price?
    public var leverage: ExactDecimal?

    public init(
        symbol: UnifiedSymbol, size: ExactDecimal, entryPrice: Price, markPrice: Price?, unrealizedPnl: Amount,
        liquidationPrice: Price?, leverage: ExactDecimal?, positionSide: PositionSide = .net,
        marginMode: MarginMode? = nil
    ) {
        self.symbol = symbol
        self.size = size
        self.entryPrice = entryPrice
        self.markPrice = markPrice
        self.unrealizedPnl = unrealizedPnl
        self.liquidationPrice = liquidationPrice
        self.leverage = leverage
        self.positionSide = positionSide
        self.marginMode = marginMode
    }

    /// The direction: from the hedge-mode side where there is one, else from the sign of the size.
    public var side: OrderSide? {
        switch positionSide {
        case .long: .buy
        case .short: .sell
        case .net: size.isZero ? nil : (size.isNegative ? .sell : .buy)
        }
    }
}
