import SentinelCore

/// `/v5/market/instruments-info` → markets with their rules. Spot and linear count size in the base coin, so
/// their rules are already in base units. Inverse contracts count USD and are not mapped yet.
enum BybitMarkets {
    static func markets(from instruments: [BybitWire.Instrument], product: Product) -> [Market] {
        instruments.compactMap { instrument in
            switch product {
            case .spot: break
            case .linear: guard instrument.contractType == "LinearPerpetual" else { return nil }
            case .inverse: return nil
            }
            guard let rules = rules(instrument, product: product) else { return nil }
            let symbol = UnifiedSymbol(
                base: instrument.baseCoin, quote: instrument.quoteCoin,
                settle: product == .spot ? nil : (instrument.settleCoin ?? instrument.quoteCoin))
            return Market(
                symbol: symbol, nativeSymbol: instrument.symbol, product: product,
                isTrading: instrument.status == "Trading", rules: rules)
        }
    }

    /// Spot's step is `basePrecision`, derivatives' `qtyStep`; a market without a positive tick or step is skipped,
    /// since its orders could not be checked.
    static func rules(_ instrument: BybitWire.Instrument, product: Product) -> MarketRules? {
        let lot = instrument.lotSizeFilter
        let tick = instrument.priceFilter.tickSize
        guard let step = product == .spot ? lot.basePrecision : lot.qtyStep, step.isPositive, tick.isPositive else {
            return nil
        }
        let minimum = lot.minOrderQty.flatMap { $0.isPositive ? $0 : nil } ?? step
        return MarketRules(
            tickSize: Price(tick), stepSize: Quantity(step), minQuantity: Quantity(minimum),
            maxQuantity: (lot.maxLimitOrderQty ?? lot.maxOrderQty).map(Quantity.init),
            marketMaxQuantity: (lot.maxMarketOrderQty ?? lot.maxMktOrderQty).map(Quantity.init),
            minNotional: (lot.minOrderAmt ?? lot.minNotionalValue).map(Amount.init),
            minPrice: instrument.priceFilter.minPrice.flatMap { $0.isPositive ? Price($0) : nil },
            maxPrice: instrument.priceFilter.maxPrice.flatMap { $0.isPositive ? Price($0) : nil })
    }
}
