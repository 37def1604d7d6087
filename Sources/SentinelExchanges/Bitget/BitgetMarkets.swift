import SentinelCore

/// Spot symbols and futures contracts → markets (bitget.md §4). Spot: tick 10^-pricePrecision, step
/// 10^-quantityPrecision, minimum value `minTradeUSDT`. Futures: tick `priceEndStep × 10^-pricePlace`, step
/// `sizeMultiplier`, minimum `minTradeNum` — sizes in base coin on every product, so no conversion is needed.
enum BitgetMarkets {
    /// 10^-places, or nil for a negative or absurd count.
    static func power(_ places: Int64) -> ExactDecimal? {
        guard (0...18).contains(places) else { return nil }
        return try? ExactDecimal(significand: 1, scale: Int(places))
    }

    static func spot(_ symbol: BitgetWire.SpotSymbol) -> Market? {
        guard let tick = power(symbol.pricePrecision.value), let step = power(symbol.quantityPrecision.value),
            !symbol.baseCoin.isEmpty, !symbol.quoteCoin.isEmpty
        else { return nil }
        let minimum = symbol.minTradeAmount?.value.flatMap { $0 > step ? $0 : nil } ?? step
        let maximum = symbol.maxTradeAmount?.value.flatMap { $0.isPositive ? Quantity($0) : nil }
        return Market(
            symbol: UnifiedSymbol(base: symbol.baseCoin, quote: symbol.quoteCoin), nativeSymbol: symbol.symbol,
            product: .spot, isTrading: symbol.status == "online",
            rules: MarketRules(
                tickSize: Price(tick), stepSize: Quantity(step), minQuantity: Quantity(minimum), maxQuantity: maximum,
                minNotional: symbol.minTradeUSDT?.value.flatMap { $0.isPositive ? Amount($0) : nil }))
    }

    /// A USDT-M contract settles in its quote coin, a Coin-M one in its base coin (its margin coin).
    static func contract(_ contract: BitgetWire.Contract, product: Product) -> Market? {
        guard let place = power(contract.pricePlace.value), contract.priceEndStep.value > 0,
            let tick = try? place.multiplied(by: ExactDecimal(Int(contract.priceEndStep.value))),
            let step = contract.sizeMultiplier.value, step.isPositive, let minimum = contract.minTradeNum.value,
            !contract.baseCoin.isEmpty, !contract.quoteCoin.isEmpty
        else { return nil }
        if let type = contract.symbolType, type != "perpetual" { return nil }
        let settle = product == .inverse ? contract.baseCoin : (contract.supportMarginCoins?.first ?? contract.quoteCoin)
        let status = contract.symbolStatus ?? "normal"
        return Market(
            symbol: UnifiedSymbol(base: contract.baseCoin, quote: contract.quoteCoin, settle: settle),
            nativeSymbol: contract.symbol, product: product, isTrading: status == "normal" || status == "listed",
            rules: MarketRules(
                tickSize: Price(tick), stepSize: Quantity(step), minQuantity: Quantity(minimum > step ? minimum : step),
                maxQuantity: contract.maxOrderQty?.value.flatMap { $0.isPositive ? Quantity($0) : nil },
                marketMaxQuantity: contract.maxMarketOrderQty?.value.flatMap { $0.isPositive ? Quantity($0) : nil },
                minNotional: contract.minTradeUSDT?.value.flatMap { $0.isPositive ? Amount($0) : nil }))
    }
}
