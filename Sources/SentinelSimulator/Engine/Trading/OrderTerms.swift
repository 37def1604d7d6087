enum OrderSide: String, Sendable, Hashable {
    case buy
    case sell

    var opposite: OrderSide { self == .buy ? .sell : .buy }
}

enum OrderType: String, Sendable, Hashable {
    case limit
    case market
}

enum TimeInForce: String, Sendable, Hashable {
    /// Good till cancelled: what does not fill rests.
    case goodTillCancel
    /// Immediate or cancel: what does not fill at once expires.
    case immediateOrCancel
    /// Fill or kill: all at once or nothing.
    case fillOrKill
    /// Post-only: rests in full or is rejected (Binance LIMIT_MAKER on spot, GTX on futures).
    case postOnly
}

/// Which position an order works on: the one position of one-way mode, or one leg of hedge mode.
enum PositionSide: String, Sendable, Hashable {
    case both
    case long
    case short
}

enum OrderStatus: String, Sendable, Hashable {
    case new
    case partiallyFilled
    case filled
    case canceled
    case expired

    var isOpen: Bool { self == .new || self == .partiallyFilled }
}
