/// An order as the exchange reports it.
public struct Order: Sendable, Hashable, Codable {
    public var symbol: UnifiedSymbol
    /// The exchange's own id.
    public var id: String
    public var clientOrderID: String?
    public var side: OrderSide
    public var type: OrderType
    public var status: OrderStatus
    /// Limit price; nil for market orders.
    public var price: Price?
    public var quantity: Quantity
    public var filledQuantity: Quantity
    /// Average fill price, when anything filled.
    public var averagePrice: Price?
    public var timeInForce: TimeInForce?
    public var postOnly: Bool
    public var reduceOnly: Bool
    /// Milliseconds since the epoch, as the exchange reports them.
    public var createdAt: Int64?
    public var updatedAt: Int64?

    public init(
        symbol: UnifiedSymbol, id: String, clientOrderID: String?, side: OrderSide, type: OrderType,
        status: OrderStatus, price: Price?, quantity: Quantity, filledQuantity: Quantity, averagePrice: Price?,
        timeInForce: TimeInForce?, postOnly: Bool, reduceOnly: Bool, createdAt: Int64?, updatedAt: Int64?
    ) {
        self.symbol = symbol
        self.id = id
        self.clientOrderID = clientOrderID
        self.side = side
        self.type = type
        self.status = status
        self.price = price
        self.quantity = quantity
        self.filledQuantity = filledQuantity
        self.averagePrice = averagePrice
        self.timeInForce = timeInForce
        self.postOnly = postOnly
        self.reduceOnly = reduceOnly
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public var remainingQuantity: Quantity {
        (try? quantity.subtracting(filledQuantity)) ?? .zero
    }
}

/// Which order to act on: by the exchange's id or by the client id it was placed with.
public enum OrderReference: Sendable, Hashable, Codable, CustomStringConvertible {
    case exchangeID(String)
    case clientOrderID(String)

    public var description: String {
        switch self {
        case .exchangeID(let id): "order \(id)"
        case .clientOrderID(let id): "client order id \(id)"
        }
    }
}
