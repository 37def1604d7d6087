import SentinelCore

/// Unified orders ↔ KuCoin order bodies and answers (kucoin.md §4). Sizes: base units for the user; whole lots of
/// `multiplier` base on futures.
enum KuCoinOrderMapping {
    /// KuCoin's futures orders need a leverage unless they close a position. Sentinel sends 1: the order never
    /// borrows more than its own value, whatever the account's setting.
    static let futuresLeverage: Int64 = 1

    /// Whole lots for `quantity` base units on a futures market, or nil when it is not a whole number of lots.
    static func lots(_ quantity: Quantity, market: Market) -> ExactDecimal? {
        market.sizing.contracts(for: quantity, at: nil)
    }

    /// The body of `POST /api/v1/hf/orders` (spot) or `POST /api/v1/orders` (futures). A futures size that is not a
    /// whole number of lots goes out as base units in `qty` so that KuCoin names the rule; the shared client refuses
    /// it before that.
    static func body(_ request: OrderRequest, market: Market) -> String {
        var json = JSONWriter()
        write(request, market: market, to: &json)
        return json.rendered
    }

    /// One order as an object: a single body, or one item of a batch.
    static func write(_ request: OrderRequest, market: Market, to json: inout JSONWriter) {
        json.openObject()
        json.member("clientOid", request.clientOrderID.rawValue)
        json.member("side", request.side.rawValue)
        json.member("symbol", market.nativeSymbol)
        let futures = market.product != .spot
        if futures { json.member("leverage", futuresLeverage) }
        json.member("type", request.type == .market ? "market" : "limit")
        if request.type == .limit, let price = request.price { json.member("price", price.value.normalized.description) }
        if futures {
            if let lots = lots(request.quantity, market: market), let whole = Int64(lots.normalized.description) {
                json.member("size", whole)
            } else {
                json.member("qty", request.quantity.value.normalized.description)
            }
        } else {
            json.member("size", request.quantity.value.normalized.description)
        }
        if request.type == .limit {
            json.member("timeInForce", request.timeInForce.upperCaseCode)
            if request.postOnly { json.member("postOnly", true) }
        }
        if futures, request.reduceOnly { json.member("reduceOnly", true) }
        if futures, let mode = request.marginMode { json.member("marginMode", mode == .isolated ? "ISOLATED" : "CROSS") }
        json.closeObject()
    }

    /// The order as KuCoin acknowledged it: accepted, nothing known yet of fills.
    static func acknowledged(_ request: OrderRequest, symbol: UnifiedSymbol, orderId: String) -> Order {
        Order(
            symbol: symbol, id: orderId, clientOrderID: request.clientOrderID.rawValue, side: request.side,
            type: request.type, status: .new, price: request.type == .limit ? request.price : nil,
            quantity: request.quantity, filledQuantity: .zero, averagePrice: nil,
            timeInForce: request.type == .limit ? request.timeInForce : nil, postOnly: request.postOnly,
            reduceOnly: request.reduceOnly, createdAt: nil, updatedAt: nil)
    }

    /// Base units for a wire size on `market` (lots × multiplier on futures).
    static func base(_ size: ExactDecimal, market: Market?) -> ExactDecimal {
        guard let multiplier = KuCoinMarkets.multiplier(market) else { return size }
        return (try? size.multiplied(by: multiplier)) ?? size
    }

    static func order(_ wire: KuCoinWire.Order, market: Market?, symbol: UnifiedSymbol) -> Order {
        let filled = base((wire.filledSize ?? wire.dealSize)?.value ?? .zero, market: market)
        var quantity = base(wire.size?.value ?? .zero, market: market)
        // A spot market buy sized in funds has no base size until it fills.
        if quantity.isZero { quantity = filled }
        let open = wire.active ?? wire.isActive ?? (wire.status == "open")
        let status: OrderStatus
        if open {
            status = filled.isPositive ? .partiallyFilled : .new
        } else if filled.isPositive, filled >= quantity {
            status = .filled
        } else {
            status = .canceled
        }
        var average: Price?
        if let price = wire.avgDealPrice?.value, price.isPositive {
            average = Price(price)
        } else if filled.isPositive, let funds = (wire.dealFunds ?? wire.dealValue)?.value,
            let value = try? funds.divided(by: filled, places: 8, rounding: .halfEven)
        {
            average = Price(value)
        }
        let isMarket = wire.type == "market"
        return Order(
            symbol: symbol, id: wire.id, clientOrderID: wire.clientOid.flatMap { $0.isEmpty ? nil : $0 },
            side: wire.side == "sell" ? .sell : .buy, type: isMarket ? .market : .limit, status: status,
            price: isMarket ? nil : wire.price?.value.flatMap { $0.isZero ? nil : Price($0) }, quantity: Quantity(quantity),
            filledQuantity: Quantity(filled), averagePrice: average,
            timeInForce: isMarket ? nil : timeInForce(wire.timeInForce), postOnly: wire.postOnly ?? false,
            reduceOnly: wire.reduceOnly ?? false, createdAt: wire.createdAt,
            updatedAt: wire.lastUpdatedAt ?? wire.updatedAt)
    }

    static func timeInForce(_ text: String?) -> TimeInForce? {
        switch text {
        case "GTC", "GTT": .gtc
        case "IOC": .ioc
        case "FOK": .fok
        default: nil
        }
    }
}
