import SentinelCore

/// KuCoin's markets under their native names: spot `BTC-USDT`, `ETH-USDT` (kucoin.md §4 symbol fields) and the
/// USDT-margined perpetuals `XBTUSDTM`, `ETHUSDTM`, whose sizes are lots of `multiplier` base each. The engine
/// counts base units; the wire counts lots.
extension MarketCatalog {
    static let kucoin: [MarketRules] = [kucoinBTCSpot, kucoinETHSpot, kucoinBTCPerpetual, kucoinETHPerpetual]

    /// baseIncrement 0.00000001, baseMinSize 0.00001, priceIncrement 0.1, minFunds 0.1.
    static let kucoinBTCSpot = MarketRules(
        symbol: "BTC-USDT", kind: .spot, base: "BTC", quote: "USDT",
        tickSize: .literal("0.1"), minPrice: .literal("0.1"), maxPrice: .literal("1000000"),
        stepSize: .literal("0.00000001"), minQuantity: .literal("0.00001"), maxQuantity: .literal("10000"),
        marketMaxQuantity: .literal("100"), minNotional: .literal("0.1"),
        percentUp: .literal("5"), percentDown: .literal("0.2"), pricePrecision: 8, quantityPrecision: 8,
        initialPrice: .literal("65000.0"), ladderSpacing: .literal("0.5"),
        ladderLevelQuantity: .literal("0.02"), ladderDepth: 20)

    static let kucoinETHSpot = MarketRules(
        symbol: "ETH-USDT", kind: .spot, base: "ETH", quote: "USDT",
        tickSize: .literal("0.01"), minPrice: .literal("0.01"), maxPrice: .literal("1000000"),
        stepSize: .literal("0.0000001"), minQuantity: .literal("0.0001"), maxQuantity: .literal("10000"),
        marketMaxQuantity: .literal("2000"), minNotional: .literal("0.1"),
        percentUp: .literal("5"), percentDown: .literal("0.2"), pricePrecision: 8, quantityPrecision: 8,
        initialPrice: .literal("3200.00"), ladderSpacing: .literal("0.05"),
        ladderLevelQuantity: .literal("0.2"), ladderDepth: 20)

    /// multiplier 0.001 BTC, lotSize 1: 0.001 BTC steps.
    static let kucoinBTCPerpetual = MarketRules(
        symbol: "XBTUSDTM", kind: .perpetual, base: "BTC", quote: "USDT",
        tickSize: .literal("0.1"), minPrice: .literal("0.1"), maxPrice: .literal("1000000"),
        stepSize: .literal("0.001"), minQuantity: .literal("0.001"), maxQuantity: .literal("1000"),
        marketMaxQuantity: .literal("120"), minNotional: .literal("0"),
        percentUp: .literal("1.05"), percentDown: .literal("0.95"), pricePrecision: 8, quantityPrecision: 8,
        initialPrice: .literal("65000.0"), ladderSpacing: .literal("0.5"),
        ladderLevelQuantity: .literal("0.05"), ladderDepth: 20)

    /// multiplier 0.01 ETH, lotSize 1.
    static let kucoinETHPerpetual = MarketRules(
        symbol: "ETHUSDTM", kind: .perpetual, base: "ETH", quote: "USDT",
        tickSize: .literal("0.01"), minPrice: .literal("0.01"), maxPrice: .literal("1000000"),
        stepSize: .literal("0.01"), minQuantity: .literal("0.01"), maxQuantity: .literal("10000"),
        marketMaxQuantity: .literal("2000"), minNotional: .literal("0"),
        percentUp: .literal("1.05"), percentDown: .literal("0.95"), pricePrecision: 8, quantityPrecision: 8,
        initialPrice: .literal("3200.00"), ladderSpacing: .literal("0.05"),
        ladderLevelQuantity: .literal("0.5"), ladderDepth: 20)
}

/// A KuCoin futures contract's terms: base units per lot (`multiplier`) and the lot step (`lotSize`).
struct KuCoinContract: Sendable {
    let multiplier: ExactDecimal
    let lotSize: Int64
    let root: String

    static func of(_ symbol: String) -> KuCoinContract? {
        switch symbol {
        case "XBTUSDTM": KuCoinContract(multiplier: .literal("0.001"), lotSize: 1, root: "XBT")
        case "ETHUSDTM": KuCoinContract(multiplier: .literal("0.01"), lotSize: 1, root: "ETH")
        default: nil
        }
    }

    /// Whole lots for `quantity` base units (the engine's quantities are always whole lots).
    func lots(_ quantity: ExactDecimal) -> Int64 {
        Int64(quantity.over(multiplier, places: 0).description) ?? 0
    }
}
