public enum OrderSide: String, Sendable, Hashable, Codable, CaseIterable {
    case buy
    case sell

    public var opposite: OrderSide { self == .buy ? .sell : .buy }
}

public enum OrderType: String, Sendable, Hashable, Codable, CaseIterable {
    case limit
    case market
}

public enum TimeInForce: String, Sendable, Hashable, Codable, CaseIterable {
    /// Good till cancelled.
    case gtc
    /// Immediate or cancel: fill what can be filled now, cancel the rest.
    case ioc
    /// Fill or kill: fill entirely now or not at all.
    case fok

    /// `GTC`, `IOC` or `FOK`, as Binance, Bybit and KuCoin spell it on the wire.
    public var upperCaseCode: String {
        switch self {
        case .gtc: "GTC"
        case .ioc: "IOC"
        case .fok: "FOK"
        }
    }
}

public enum OrderStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case new
    case partiallyFilled = "partially-filled"
    case filled
    case canceled
    case rejected
    case expired

    /// True once the order can no longer change: nothing left to fill or cancel.
    public var isFinal: Bool {
        switch self {
        case .new, .partiallyFilled: false
        case .filled, .canceled, .rejected, .expired: true
        }
    }
}
