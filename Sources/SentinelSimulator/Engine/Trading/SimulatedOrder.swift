import SentinelCore

/// What a client asks for, exchange-neutral and already parsed.
struct OrderRequest: Sendable {
    var symbol: String
    var side: OrderSide
    var type: OrderType
    var timeInForce: TimeInForce
    /// Nil for market orders.
    var price: Price?
    /// Nil only for market buys sized by `quoteQuantity`.
    var quantity: Quantity?
    var quoteQuantity: Amount?
    var clientOrderID: String
    var reduceOnly: Bool = false
    /// `.long` or `.short` in hedge mode.
    var positionSide: PositionSide = .both
    /// A stop-limit order: it starts working once the market reaches this price.
    var stop: StopTrigger? = nil
}

/// When a stop-limit order starts working: the market falls to the stop price (a sell stop-loss, a buy take-profit)
/// or rises to it (a buy stop-loss, a sell take-profit).
struct StopTrigger: Sendable, Hashable {
    enum Kind: String, Sendable, Hashable {
        case stopLoss
        case takeProfit
    }

    let kind: Kind
    let price: Price
    let side: OrderSide

    var triggersWhenFalling: Bool { (kind == .stopLoss) == (side == .sell) }

    func isReached(by market: Price) -> Bool { triggersWhenFalling ? market <= price : market >= price }
}

/// One order as the exchange keeps it.
struct SimulatedOrder: Sendable {
    let id: Int64
    let clientOrderID: String
    let symbol: String
    let kind: MarketKind
    let side: OrderSide
    let type: OrderType
    let timeInForce: TimeInForce
    var price: Price?
    /// For market buys by quote amount, the quantity that was bought.
    var quantity: Quantity
    let quoteQuantity: Amount?
    let reduceOnly: Bool
    var executedQuantity: Quantity = .zero
    var cumulativeQuote: Amount = .zero
    var status: OrderStatus = .new
    let createdAt: Int64
    var updatedAt: Int64
    var positionSide: PositionSide = .both
    var stop: StopTrigger? = nil
    /// False for a stop order whose trigger has not been reached: it rests outside the book.
    var isWorking = true
    /// When the order started working (its trigger time for a stop order).
    var workingTime: Int64? = nil

    /// In hedge mode, an order that sells a long leg or buys a short one: it only reduces.
    var closesHedgedLeg: Bool {
        (positionSide == .long && side == .sell) || (positionSide == .short && side == .buy)
    }

    var remainingQuantity: Quantity { (try? quantity.subtracting(executedQuantity)) ?? .zero }

    /// Volume-weighted average fill price, or zero before the first fill.
    var averagePrice: ExactDecimal {
        guard executedQuantity.isPositive else { return .zero }
        return (try? cumulativeQuote.value.divided(by: executedQuantity.value, places: 8, rounding: .halfEven)) ?? .zero
    }
}

/// One fill of one of the account's orders.
struct SimulatedTrade: Sendable {
    let id: Int64
    let orderID: Int64
    let symbol: String
    let kind: MarketKind
    let side: OrderSide
    let price: Price
    let quantity: Quantity
    let quoteQuantity: Amount
    let commission: Amount
    let commissionAsset: String
    let realizedProfit: Amount
    let isMaker: Bool
    let time: Int64
}
