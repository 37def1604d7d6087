import SentinelCore

/// The engine's exchange-neutral refusals, as Binance spot and USDⓈ-M word them.
extension BinanceFlavor {
    func error(for rejection: TradingRejection, rules: MarketRules?, cancelling: Bool = false) -> BinanceError {
        switch rejection {
        case .unknownSymbol: return .invalidSymbol
        case .unknownOrder: return cancelling ? .unknownOrderSent : .orderDoesNotExist
        case .invalidLeverage:
            return BinanceError(status: 400, code: -4028, message: "Leverage is not valid")
        case .filter(let violation):
            return self == .usdm ? futuresError(for: violation, rules: rules) : spotError(for: violation)
        case .duplicateClientOrderID:
            return self == .usdm
                ? BinanceError(status: 400, code: -4116, message: "ClientOrderId is duplicated.")
                : .newOrderRejected("Duplicate order sent.")
        case .postOnlyWouldTake:
            return self == .usdm
                ? BinanceError(
                    status: 400, code: -5022,
                    message: "Due to the order could not be executed as maker, the Post Only order will be rejected. "
                        + "The order will not be recorded in the order history")
                : .newOrderRejected("Order would immediately match and take.")
        case .insufficientBalance, .insufficientMargin:
            return self == .usdm
                ? BinanceError(status: 400, code: -2019, message: "Margin is insufficient.")
                : .newOrderRejected("Account has insufficient balance for requested action.")
        case .reduceOnlyWouldIncrease:
            return BinanceError(status: 400, code: -2022, message: "ReduceOnly Order is rejected.")
        }
    }

    private func spotError(for violation: FilterViolation) -> BinanceError {
        switch violation {
        case .pricePrecision:
            BinanceError(status: 400, code: -1111, message: "Parameter 'price' has too much precision.")
        case .quantityPrecision:
            BinanceError(status: 400, code: -1111, message: "Parameter 'quantity' has too much precision.")
        case .priceNotPositive: BinanceError(status: 400, code: -1013, message: "Invalid price.")
        case .quantityNotPositive: BinanceError(status: 400, code: -1013, message: "Invalid quantity.")
        case .priceBelowMinimum, .priceAboveMaximum, .priceNotOnTick: .filterFailure("PRICE_FILTER")
        case .priceAbovePercentBound, .priceBelowPercentBound: .filterFailure("PERCENT_PRICE_BY_SIDE")
        case .quantityBelowMinimum, .quantityAboveMaximum, .quantityNotOnStep: .filterFailure("LOT_SIZE")
        case .marketQuantityAboveMaximum: .filterFailure("MARKET_LOT_SIZE")
        case .notionalBelowMinimum: .filterFailure("NOTIONAL")
        }
    }

    private func futuresError(for violation: FilterViolation, rules: MarketRules?) -> BinanceError {
        switch violation {
        case .pricePrecision, .quantityPrecision:
            BinanceError(status: 400, code: -1111, message: "Precision is over the maximum defined for this asset.")
        case .priceNotPositive, .priceBelowMinimum:
            BinanceError(status: 400, code: -4013, message: "Price less than min price.")
        case .priceAboveMaximum:
            BinanceError(status: 400, code: -4016, message: "Limit price can't be higher than \(rules?.maxPrice.description ?? "the maximum").")
        case .priceNotOnTick: BinanceError(status: 400, code: -4014, message: "Price not increased by tick size.")
        case .quantityNotPositive:
            BinanceError(status: 400, code: -4003, message: "Quantity less than or equal to zero.")
        case .quantityBelowMinimum: BinanceError(status: 400, code: -4004, message: "Quantity less than min quantity.")
        case .quantityAboveMaximum, .marketQuantityAboveMaximum:
            BinanceError(status: 400, code: -4005, message: "Quantity greater than max quantity.")
        case .quantityNotOnStep: BinanceError(status: 400, code: -4023, message: "Quantity not increased by step size.")
        case .notionalBelowMinimum:
            BinanceError(
                status: 400, code: -4164,
                message: "Order's notional must be no smaller than \(rules?.minNotional.value.normalized.description ?? "the minimum") "
                    + "(unless you choose reduce only).")
        case .priceAbovePercentBound(let bound):
            BinanceError(status: 400, code: -4016, message: "Limit price can't be higher than \(bound).")
        case .priceBelowPercentBound(let bound):
            BinanceError(status: 400, code: -4024, message: "Limit price can't be lower than \(bound).")
        }
    }
}
