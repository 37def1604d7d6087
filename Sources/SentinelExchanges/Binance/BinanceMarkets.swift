import SentinelCore

/// exchangeInfo → markets with their rules.
enum BinanceMarkets {
    static func markets(from info: BinanceWire.ExchangeInfo, product: Product) -> [Market] {
        info.symbols.compactMap { symbol in
            if product != .spot, symbol.contractType != "PERPETUAL" { return nil }
            guard let rules = rules(from: symbol.filters) else { return nil }
            let unified = UnifiedSymbol(
                base: symbol.baseAsset, quote: symbol.quoteAsset,
                settle: product == .spot ? nil : (symbol.marginAsset ?? symbol.quoteAsset))
            return Market(
                symbol: unified, nativeSymbol: symbol.symbol, product: product, isTrading: symbol.status == "TRADING",
                rules: rules)
        }
    }

    /// The filters Sentinel checks before sending. Markets without a price or lot filter are skipped: their
    /// orders could not be checked.
    static func rules(from filters: [BinanceWire.Filter]) -> MarketRules? {
        func filter(_ type: String) -> BinanceWire.Filter? { filters.first { $0.filterType == type } }
        guard let price = filter("PRICE_FILTER"), let tick = price.tickSize,
            let lot = filter("LOT_SIZE"), let step = lot.stepSize, let minQty = lot.minQty
        else { return nil }
        let marketLot = filter("MARKET_LOT_SIZE")
        let notional = filter("NOTIONAL")?.minNotional ?? filter("MIN_NOTIONAL").flatMap { $0.minNotional ?? $0.notional }
        var up: ExactDecimal?
        var down: ExactDecimal?
        if let percent = filter("PERCENT_PRICE") {
            up = percent.multiplierUp
            down = percent.multiplierDown
        }
        if let bySide = filter("PERCENT_PRICE_BY_SIDE") {
            // One band for both sides: the stricter of the bid and ask bands, so a price that passes here passes
            // on either side.
            up = [bySide.bidMultiplierUp, bySide.askMultiplierUp].compactMap { $0 }.min()
            down = [bySide.bidMultiplierDown, bySide.askMultiplierDown].compactMap { $0 }.max()
        }
        return MarketRules(
            tickSize: Price(tick), stepSize: Quantity(step), minQuantity: Quantity(minQty),
            maxQuantity: lot.maxQty.map(Quantity.init),
            marketStepSize: marketLot?.stepSize.flatMap { $0.isZero ? nil : Quantity($0) },
            marketMaxQuantity: marketLot?.maxQty.flatMap { $0.isZero ? nil : Quantity($0) },
            minNotional: notional.map(Amount.init), minPrice: price.minPrice.map(Price.init),
            maxPrice: price.maxPrice.map(Price.init), percentPriceUp: up, percentPriceDown: down)
    }
}
