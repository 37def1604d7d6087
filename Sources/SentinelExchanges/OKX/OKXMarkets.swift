import SentinelCore

/// `public/instruments` → markets. Rules are in base units for the user: on swaps a lot is `lotSz × ctVal` base and the
/// minimum `minSz × ctVal`; the connector converts back to contracts exactly (okx.md §4).
enum OKXMarkets {
    /// The `instType` a product's markets are listed under.
    static func instrumentType(for product: Product) -> String { product == .spot ? "SPOT" : "SWAP" }

    static func markets(from instruments: [OKXWire.Instrument], product: Product) -> [Market] {
        instruments.compactMap { market(from: $0, product: product) }
    }

    static func market(from instrument: OKXWire.Instrument, product: Product) -> Market? {
        guard let tick = instrument.tickSz.value, tick.isPositive, let lot = instrument.lotSz.value, lot.isPositive,
            let minimum = instrument.minSz.value
        else { return nil }
        if product == .spot {
            guard instrument.instType == "SPOT", let base = instrument.baseCcy, let quote = instrument.quoteCcy,
                !base.isEmpty, !quote.isEmpty
            else { return nil }
            return Market(
                symbol: UnifiedSymbol(base: base, quote: quote), nativeSymbol: instrument.instId, product: .spot,
                isTrading: instrument.state == "live",
                rules: MarketRules(
                    tickSize: Price(tick), stepSize: Quantity(lot), minQuantity: Quantity(minimum),
                    maxQuantity: instrument.maxLmtSz?.value.map(Quantity.init)))
        }
        guard instrument.instType == "SWAP", let contract = instrument.ctVal?.value, contract.isPositive,
            let settle = instrument.settleCcy, !settle.isEmpty
        else { return nil }
        // Inverse swaps (contracts worth a USD amount) need a price to size an order in base units; until the
        // connector does that they are not listed, so no order can be mis-sized.
        guard product == .linear, instrument.ctType == "linear" else { return nil }
        // `uly` is BASE-QUOTE (BTC-USDT, BTC-USD).
        let parts = (instrument.uly ?? "").split(separator: "-").map(String.init)
        guard parts.count == 2, let step = try? lot.multiplied(by: contract),
            let smallest = try? minimum.multiplied(by: contract)
        else { return nil }
        let maxQuantity = instrument.maxLmtSz?.value.flatMap { try? $0.multiplied(by: contract) }
        return Market(
            symbol: UnifiedSymbol(base: parts[0], quote: parts[1], settle: settle), nativeSymbol: instrument.instId,
            product: product, isTrading: instrument.state == "live",
            rules: MarketRules(
                tickSize: Price(tick), stepSize: Quantity(step), minQuantity: Quantity(smallest),
                maxQuantity: maxQuantity.map(Quantity.init)),
            sizing: .baseContracts(size: contract))
    }

    /// The contract value of a linear swap, from its sizing.
    static func contractValue(_ market: Market) -> ExactDecimal? {
        if case .baseContracts(let size) = market.sizing { return size }
        return nil
    }
}
