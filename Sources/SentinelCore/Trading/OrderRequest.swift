/// An order as a bot asks for it, in unified terms. The connector turns it into the exchange's parameters after
/// checking it against the market's rules.
public struct OrderRequest: Sendable, Hashable, Codable {
    public var symbol: UnifiedSymbol
    public var side: OrderSide
    public var type: OrderType
    public var quantity: Quantity
    /// Required for limit orders, absent for market orders.
    public var price: Price?
    public var timeInForce: TimeInForce
    /// Rest on the book or be rejected; never take liquidity.
    public var postOnly: Bool
    /// Only reduce an open position (derivatives).
    public var reduceOnly: Bool
    public var clientOrderID: ClientOrderID
    /// Hedge mode: the position the order opens or closes. nil (one-way mode) on most accounts.
    public var positionSide: PositionSide?
    /// Derivatives: cross or isolated (OKX `tdMode`, Bitget `marginMode`); nil keeps the account's setting.
    public var marginMode: MarginMode?

    public init(
        symbol: UnifiedSymbol, side: OrderSide, type: OrderType, quantity: Quantity, price: Price? = nil,
        timeInForce: TimeInForce = .gtc, postOnly: Bool = false, reduceOnly: Bool = false,
        clientOrderID: ClientOrderID = .generate(), positionSide: PositionSide? = nil, marginMode: MarginMode? = nil
    ) {
        self.symbol = symbol
        self.side = side
        self.type = type
        self.quantity = quantity
        self.price = price
        self.timeInForce = timeInForce
        self.postOnly = postOnly
        self.reduceOnly = reduceOnly
        self.clientOrderID = clientOrderID
        self.positionSide = positionSide
        self.marginMode = marginMode
    }
}
