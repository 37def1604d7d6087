import SentinelCore

/// Bitget's markets (bitget.md §4): `BTCUSDT` names both the spot pair and the USDT-M perpetual. Spot ticks and lots
/// are powers of ten (`pricePrecision`, `quantityPrecision`); futures ticks are `priceEndStep × 10^-pricePlace` and
/// sizes are in base coin, in steps of `sizeMultiplier` from `minTradeNum`. Minimum notional is `minTradeUSDT`.
extension MarketCatalog {
    static let bitget: [MarketRules] = [bitgetBTCSpot, bitgetETHSpot, bitgetBTCPerpetual, bitgetETHPerpetual]

    static let bitgetBTCSpot = MarketRules(
        symbol: "BTCUSDT", kind: .spot, base: "BTC", quote: "USDT",
        tickSize: .literal("0.01"), minPrice: .literal("0.01"), maxPrice: .literal("1000000"),
        stepSize: .literal("0.000001"), minQuantity: .literal("0.000001"), maxQuantity: .literal("9000"),
        marketMaxQuantity: .literal("100"), minNotional: .literal("1"),
        percentUp: .literal("5"), percentDown: .literal("0.2"), pricePrecision: 2, quantityPrecision: 6,
        initialPrice: .literal("65000.00"), ladderSpacing: .literal("0.50"),
        ladderLevelQuantity: .literal("0.02"), ladderDepth: 20)

    static let bitgetETHSpot = MarketRules(
        symbol: "ETHUSDT", kind: .spot, base: "ETH", quote: "USDT",
        tickSize: .literal("0.01"), minPrice: .literal("0.01"), maxPrice: .literal("1000000"),
        stepSize: .literal("0.0001"), minQuantity: .literal("0.0001"), maxQuantity: .literal("9000"),
        marketMaxQuantity: .literal("2000"), minNotional: .literal("1"),
        percentUp: .literal("5"), percentDown: .literal("0.2"), pricePrecision: 2, quantityPrecision: 4,
        initialPrice: .literal("3200.00"), ladderSpacing: .literal("0.05"),
        ladderLevelQuantity: .literal("0.2"), ladderDepth: 20)

    /// pricePlace 1, priceEndStep 1, volumePlace 4, sizeMultiplier = minTradeNum = 0.0001 BTC.
    static let bitgetBTCPerpetual = MarketRules(
        symbol: "BTCUSDT", kind: .perpetual, base: "BTC", quote: "USDT",
        tickSize: .literal("0.1"), minPrice: .literal("0.1"), maxPrice: .literal("4529764"),
        stepSize: .literal("0.0001"), minQuantity: .literal("0.0001"), maxQuantity: .literal("1000"),
        marketMaxQuantity: .literal("120"), minNotional: .literal("5"),
        percentUp: .literal("1.05"), percentDown: .literal("0.95"), pricePrecision: 1, quantityPrecision: 4,
        initialPrice: .literal("65000.0"), ladderSpacing: .literal("0.5"),
        ladderLevelQuantity: .literal("0.05"), ladderDepth: 20)

    /// pricePlace 2, priceEndStep 1, volumePlace 2, sizeMultiplier = minTradeNum = 0.01 ETH.
    static let bitgetETHPerpetual = MarketRules(
        symbol: "ETHUSDT", kind: .perpetual, base: "ETH", quote: "USDT",
        tickSize: .literal("0.01"), minPrice: .literal("0.01"), maxPrice: .literal("306177"),
        stepSize: .literal("0.01"), minQuantity: .literal("0.01"), maxQuantity: .literal("10000"),
        marketMaxQuantity: .literal("2000"), minNotional: .literal("5"),
        percentUp: .literal("1.05"), percentDown: .literal("0.95"), pricePrecision: 2, quantityPrecision: 2,
        initialPrice: .literal("3200.00"), ladderSpacing: .literal("0.05"),
        ladderLevelQuantity: .literal("0.5"), ladderDepth: 20)
}
