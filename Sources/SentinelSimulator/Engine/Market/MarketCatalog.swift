import SentinelCore

/// The markets each simulated exchange lists. Rules follow the real BTC and ETH markets closely enough that a
/// client's filter handling is exercised; the ladders are thin enough that big orders fill partially.
enum MarketCatalog {
    static func markets(for exchange: ExchangeID) -> [MarketRules] {
        switch exchange {
        case .binance: [btcSpot, ethSpot, btcPerpetual, ethPerpetual]
        case .binanceUS: [btcSpot, ethSpot]
        case .okx: okx
        case .kucoin: kucoin
        case .bitget: bitget
        default: [btcSpot, ethSpot, btcPerpetual, ethPerpetual]
        }
    }

    static let btcSpot = MarketRules(
        symbol: "BTCUSDT", kind: .spot, base: "BTC", quote: "USDT",
        tickSize: .literal("0.01"), minPrice: .literal("0.01"), maxPrice: .literal("1000000"),
        stepSize: .literal("0.00001"), minQuantity: .literal("0.00001"), maxQuantity: .literal("9000"),
        marketMaxQuantity: .literal("100"), minNotional: .literal("5"),
        percentUp: .literal("5"), percentDown: .literal("0.2"), pricePrecision: 8, quantityPrecision: 8,
        initialPrice: .literal("65000.00"), ladderSpacing: .literal("0.50"),
        ladderLevelQuantity: .literal("0.02"), ladderDepth: 20)

    static let ethSpot = MarketRules(
        symbol: "ETHUSDT", kind: .spot, base: "ETH", quote: "USDT",
        tickSize: .literal("0.01"), minPrice: .literal("0.01"), maxPrice: .literal("1000000"),
        stepSize: .literal("0.0001"), minQuantity: .literal("0.0001"), maxQuantity: .literal("9000"),
        marketMaxQuantity: .literal("2000"), minNotional: .literal("5"),
        percentUp: .literal("5"), percentDown: .literal("0.2"), pricePrecision: 8, quantityPrecision: 8,
        initialPrice: .literal("3200.00"), ladderSpacing: .literal("0.05"),
        ladderLevelQuantity: .literal("0.2"), ladderDepth: 20)

    static let btcPerpetual = MarketRules(
        symbol: "BTCUSDT", kind: .perpetual, base: "BTC", quote: "USDT",
        tickSize: .literal("0.10"), minPrice: .literal("556.80"), maxPrice: .literal("4529764"),
        stepSize: .literal("0.001"), minQuantity: .literal("0.001"), maxQuantity: .literal("1000"),
        marketMaxQuantity: .literal("120"), minNotional: .literal("100"),
        percentUp: .literal("1.05"), percentDown: .literal("0.95"), pricePrecision: 2, quantityPrecision: 3,
        initialPrice: .literal("65000.00"), ladderSpacing: .literal("0.50"),
        ladderLevelQuantity: .literal("0.05"), ladderDepth: 20)

    static let ethPerpetual = MarketRules(
        symbol: "ETHUSDT", kind: .perpetual, base: "ETH", quote: "USDT",
        tickSize: .literal("0.01"), minPrice: .literal("39.86"), maxPrice: .literal("306177"),
        stepSize: .literal("0.001"), minQuantity: .literal("0.001"), maxQuantity: .literal("10000"),
        marketMaxQuantity: .literal("2000"), minNotional: .literal("20"),
        percentUp: .literal("1.05"), percentDown: .literal("0.95"), pricePrecision: 2, quantityPrecision: 3,
        initialPrice: .literal("3200.00"), ladderSpacing: .literal("0.05"),
        ladderLevelQuantity: .literal("0.5"), ladderDepth: 20)
}
