import SentinelCore

enum MarketKind: String, Sendable, Hashable {
    case spot
    /// A USDT-margined perpetual swap.
    case perpetual
}

/// One market's trading rules and the shape of its simulated liquidity, exchange-neutral. Dialects present these as
/// their exchange's filters (Binance PRICE_FILTER, LOT_SIZE, ...).
struct MarketRules: Sendable {
    /// The exchange-native id, e.g. `BTCUSDT`.
    let symbol: String
    let kind: MarketKind
    let base: String
    let quote: String
    let tickSize: Price
    let minPrice: Price
    let maxPrice: Price
    let stepSize: Quantity
    let minQuantity: Quantity
    let maxQuantity: Quantity
    let marketMaxQuantity: Quantity
    let minNotional: Amount
    /// A limit price must lie within `reference × percentDown ... reference × percentUp`.
    let percentUp: ExactDecimal
    let percentDown: ExactDecimal
    /// Decimals accepted in a request's price and quantity.
    let pricePrecision: Int
    let quantityPrecision: Int
    let initialPrice: Price
    /// Distance between two levels of the resting ladder.
    let ladderSpacing: Price
    /// Level k (1-based) of the ladder holds `ladderLevelQuantity × k`.
    let ladderLevelQuantity: Quantity
    let ladderDepth: Int

    /// `BTC/USDT` or `BTC/USDT:USDT`.
    var unifiedSymbol: String {
        kind == .spot ? "\(base)/\(quote)" : "\(base)/\(quote):\(quote)"
    }
}

/// What a request breaks, in exchange-neutral terms; each dialect names it its own way.
enum FilterViolation: Error, Sendable, Equatable {
    case pricePrecision
    case quantityPrecision
    case priceNotPositive
    case priceBelowMinimum
    case priceAboveMaximum
    case priceNotOnTick
    case quantityNotPositive
    case quantityBelowMinimum
    case quantityAboveMaximum
    case quantityNotOnStep
    case marketQuantityAboveMaximum
    case notionalBelowMinimum
    /// Limit price above `reference × percentUp` (the bound is given).
    case priceAbovePercentBound(Price)
    /// Limit price below `reference × percentDown`.
    case priceBelowPercentBound(Price)
}

extension MarketRules {
    /// Checks a price and quantity in the order the exchanges do: precision, price rules, percent bounds, size,
    /// notional. `price` is nil for market orders (then `referencePrice` prices the notional).
    func validate(price: Price?, quantity: Quantity?, referencePrice: Price, isMarket: Bool, side: OrderSide)
        throws(FilterViolation)
    {
        if let price, price.value.significantScale > pricePrecision { throw .pricePrecision }
        if let quantity, quantity.value.significantScale > quantityPrecision { throw .quantityPrecision }
        if let price {
            guard price.isPositive else { throw .priceNotPositive }
            if price < minPrice { throw .priceBelowMinimum }
            if price > maxPrice { throw .priceAboveMaximum }
            guard price.isMultiple(of: tickSize) else { throw .priceNotOnTick }
            let up = (try? Price(referencePrice.value.multiplied(by: percentUp)).rounded(toMultipleOf: tickSize, .down))
                ?? maxPrice
            let down = (try? Price(referencePrice.value.multiplied(by: percentDown)).rounded(toMultipleOf: tickSize, .up))
                ?? minPrice
            if price > up, side == .buy || kind == .spot { throw .priceAbovePercentBound(up) }
            if price < down, side == .sell || kind == .spot { throw .priceBelowPercentBound(down) }
        }
        if let quantity {
            guard quantity.isPositive else { throw .quantityNotPositive }
            if quantity < minQuantity { throw .quantityBelowMinimum }
            if isMarket, quantity > marketMaxQuantity { throw .marketQuantityAboveMaximum }
            if quantity > maxQuantity { throw .quantityAboveMaximum }
            guard quantity.isMultiple(of: stepSize) else { throw .quantityNotOnStep }
            let notional = (try? (price ?? referencePrice).notional(of: quantity)) ?? Amount(.zero)
            if notional < minNotional { throw .notionalBelowMinimum }
        }
    }
}
