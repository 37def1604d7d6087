import SentinelCore

/// OKX's markets, named by their instId so that the engine, the admin API and the wire all use one name. Sizes follow
/// the real instruments (okx.md §4): spot `lotSz`/`minSz` in base currency, swaps in contracts of `ctVal` base.
/// OKX has no minimum notional, hence zero.
extension MarketCatalog {
    static let okx: [MarketRules] = [okxBTCSpot, okxETHSpot, okxBTCSwap, okxETHSwap]

    static let okxBTCSpot = MarketRules(
        symbol: "BTC-USDT", kind: .spot, base: "BTC", quote: "USDT",
        tickSize: .literal("0.1"), minPrice: .literal("0.1"), maxPrice: .literal("1000000"),
        stepSize: .literal("0.00000001"), minQuantity: .literal("0.00001"), maxQuantity: .literal("9000"),
        marketMaxQuantity: .literal("100"), minNotional: .literal("0"),
        percentUp: .literal("5"), percentDown: .literal("0.2"), pricePrecision: 8, quantityPrecision: 8,
        initialPrice: .literal("65000.0"), ladderSpacing: .literal("0.5"),
        ladderLevelQuantity: .literal("0.02"), ladderDepth: 20)

    static let okxETHSpot = MarketRules(
        symbol: "ETH-USDT", kind: .spot, base: "ETH", quote: "USDT",
        tickSize: .literal("0.01"), minPrice: .literal("0.01"), maxPrice: .literal("1000000"),
        stepSize: .literal("0.000001"), minQuantity: .literal("0.0001"), maxQuantity: .literal("9000"),
        marketMaxQuantity: .literal("2000"), minNotional: .literal("0"),
        percentUp: .literal("5"), percentDown: .literal("0.2"), pricePrecision: 8, quantityPrecision: 8,
        initialPrice: .literal("3200.00"), ladderSpacing: .literal("0.05"),
        ladderLevelQuantity: .literal("0.2"), ladderDepth: 20)

    /// ctVal 0.01 BTC, lotSz = minSz = 0.01 contracts: 0.0001 BTC steps.
    static let okxBTCSwap = MarketRules(
        symbol: "BTC-USDT-SWAP", kind: .perpetual, base: "BTC", quote: "USDT",
        tickSize: .literal("0.1"), minPrice: .literal("0.1"), maxPrice: .literal("4529764"),
        stepSize: .literal("0.0001"), minQuantity: .literal("0.0001"), maxQuantity: .literal("1000"),
        marketMaxQuantity: .literal("120"), minNotional: .literal("0"),
        percentUp: .literal("1.05"), percentDown: .literal("0.95"), pricePrecision: 8, quantityPrecision: 8,
        initialPrice: .literal("65000.0"), ladderSpacing: .literal("0.5"),
        ladderLevelQuantity: .literal("0.05"), ladderDepth: 20)

    /// ctVal 0.1 ETH, lotSz = minSz = 0.01 contracts: 0.001 ETH steps.
    static let okxETHSwap = MarketRules(
        symbol: "ETH-USDT-SWAP", kind: .perpetual, base: "ETH", quote: "USDT",
        tickSize: .literal("0.01"), minPrice: .literal("0.01"), maxPrice: .literal("306177"),
        stepSize: .literal("0.001"), minQuantity: .literal("0.001"), maxQuantity: .literal("10000"),
        marketMaxQuantity: .literal("2000"), minNotional: .literal("0"),
        percentUp: .literal("1.05"), percentDown: .literal("0.95"), pricePrecision: 8, quantityPrecision: 8,
        initialPrice: .literal("3200.00"), ladderSpacing: .literal("0.05"),
        ladderLevelQuantity: .literal("0.5"), ladderDepth: 20)
}

/// The contract terms of an OKX swap, which the engine (counting in base currency) does not know.
struct OKXContract: Sendable {
    let value: ExactDecimal
    let lotSize: ExactDecimal

    static func of(_ instId: String) -> OKXContract? {
        switch instId {
        case "BTC-USDT-SWAP": OKXContract(value: .literal("0.01"), lotSize: .literal("0.01"))
        case "ETH-USDT-SWAP": OKXContract(value: .literal("0.1"), lotSize: .literal("0.01"))
        default: nil
        }
    }
}
