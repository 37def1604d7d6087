import SentinelCore

/// Symbols and contracts → markets (kucoin.md §4). Rules are in base units for the user: on futures a lot is
/// `lotSize × multiplier` base; the connector converts back to lots exactly. Inverse contracts (`XBTUSDM`) are not
/// listed until the connector sizes them, so no order can be mis-sized.
enum KuCoinMarkets {
    /// KuCoin calls bitcoin XBT on futures; unified symbols say BTC.
    static func unifiedAsset(_ code: String) -> String { code == "XBT" ? "BTC" : code }

    static func spot(_ symbols: [KuCoinWire.Symbol]) -> [Market] {
        symbols.compactMap { symbol in
            guard let tick = symbol.priceIncrement.value, tick.isPositive, let step = symbol.baseIncrement.value,
                step.isPositive, let minimum = symbol.baseMinSize.value
            else { return nil }
            return Market(
                symbol: UnifiedSymbol(base: symbol.baseCurrency, quote: symbol.quoteCurrency),
                nativeSymbol: symbol.symbol, product: .spot, isTrading: symbol.enableTrading ?? true,
                rules: MarketRules(
                    tickSize: Price(tick), stepSize: Quantity(step), minQuantity: Quantity(minimum),
                    maxQuantity: symbol.baseMaxSize?.value.map(Quantity.init),
                    minNotional: symbol.minFunds?.value.map(Amount.init)))
        }
    }

    static func futures(_ contracts: [KuCoinWire.Contract], product: Product) -> [Market] {
        guard product == .linear else { return [] }
        return contracts.compactMap { contract in
            guard contract.isInverse != true, contract.type == nil || contract.type == "FFWCSX",
                let multiplier = contract.multiplier.value, multiplier.isPositive, let lot = contract.lotSize.value,
                lot.isPositive, let tick = contract.tickSize.value, tick.isPositive,
                let step = try? lot.multiplied(by: multiplier)
            else { return nil }
            let settle = contract.settleCurrency ?? contract.quoteCurrency
            let maximum = contract.maxOrderQty?.value.flatMap { try? $0.multiplied(by: multiplier) }
            return Market(
                symbol: UnifiedSymbol(
                    base: unifiedAsset(contract.baseCurrency), quote: contract.quoteCurrency, settle: settle),
                nativeSymbol: contract.symbol, product: .linear, isTrading: (contract.status ?? "Open") == "Open",
                rules: MarketRules(
                    tickSize: Price(tick), stepSize: Quantity(step), minQuantity: Quantity(step),
                    maxQuantity: maximum.map(Quantity.init), maxPrice: contract.maxPrice?.value.map(Price.init)),
                sizing: .baseContracts(size: multiplier))
        }
    }

    static func multiplier(_ market: Market?) -> ExactDecimal? {
        if case .baseContracts(let size)? = market?.sizing { return size }
        return nil
    }
}
