import SentinelCore

/// The engine's exchange-neutral refusals with Bybit's codes: the spot engine's 17xxxx, the derivatives engine's
/// 110xxx and 10001 (fact sheet §3 and its simulator notes).
enum BybitRejections {
    static func error(for rejection: TradingRejection, category: BybitCategory) -> BybitError {
        let spot = category == .spot
        switch rejection {
        case .unknownSymbol:
            return spot ? BybitError(code: 170121, message: "Invalid symbol.") : .parameter("symbol invalid")
        case .unknownOrder:
            return unknownOrder(category)
        case .invalidLeverage:
            return BybitError(code: 10001, message: "leverage invalid")
        case .duplicateClientOrderID:
            return duplicate(category)
        case .postOnlyWouldTake:
            return BybitError(code: 170210, message: "New order rejected.")
        case .insufficientBalance, .insufficientMargin:
            return spot
                ? BybitError(code: 170131, message: "Insufficient balance.")
                : BybitError(code: 110007, message: "ab not enough for new order")
        case .reduceOnlyWouldIncrease:
            return BybitError(code: 110017, message: "current position is zero, cannot fix reduce-only order qty")
        case .filter(let violation):
            return spot ? spotFilter(violation) : derivativesFilter(violation)
        }
    }

    static func unknownOrder(_ category: BybitCategory) -> BybitError {
        category == .spot
            ? BybitError(code: 170213, message: "Order does not exist.")
            : BybitError(code: 110001, message: "order not exists or too late to cancel")
    }

    static func duplicate(_ category: BybitCategory) -> BybitError {
        category == .spot
            ? BybitError(code: 170141, message: "Duplicate clientOrderId.")
            : BybitError(code: 110072, message: "OrderLinkedID is duplicate")
    }

    private static func spotFilter(_ violation: FilterViolation) -> BybitError {
        switch violation {
        case .pricePrecision, .priceNotOnTick:
            BybitError(code: 170134, message: "Order price has too many decimals.")
        case .priceNotPositive, .priceBelowMinimum, .priceBelowPercentBound:
            BybitError(code: 170133, message: "Order price cannot be lower than the minimum price.")
        case .priceAboveMaximum, .priceAbovePercentBound:
            BybitError(code: 170132, message: "Order price too high.")
        case .quantityPrecision, .quantityNotOnStep:
            BybitError(code: 170137, message: "Order quantity has too many decimals.")
        case .quantityNotPositive, .quantityBelowMinimum:
            BybitError(code: 170136, message: "Order quantity lower than the minimum.")
        case .quantityAboveMaximum, .marketQuantityAboveMaximum:
            BybitError(code: 170135, message: "Order quantity exceeds the upper limit.")
        case .notionalBelowMinimum:
            BybitError(code: 170140, message: "Order value exceeded lower limit.")
        }
    }

    private static func derivativesFilter(_ violation: FilterViolation) -> BybitError {
        switch violation {
        case .pricePrecision, .priceNotOnTick, .priceNotPositive:
            .parameter("price invalid")
        case .priceBelowMinimum, .priceAboveMaximum, .priceAbovePercentBound, .priceBelowPercentBound:
            BybitError(code: 110003, message: "Order price is out of permissible range.")
        case .quantityPrecision, .quantityNotOnStep, .quantityNotPositive:
            .parameter("Qty invalid")
        case .quantityBelowMinimum:
            BybitError(code: 10001, message: "The number of contracts is below minimum allowed.")
        case .quantityAboveMaximum, .marketQuantityAboveMaximum:
            BybitError(code: 10001, message: "The number of contracts exceeds maximum limit allowed.")
        case .notionalBelowMinimum:
            BybitError(code: 110094, message: "Order does not meet minimum order value.")
        }
    }
}
