import SentinelCore

/// How Binance writes a market's numbers: spot always with 8 decimals; futures prices with the symbol's price
/// precision and quantities with its quantity precision.
struct BinanceMarketFormat: Sendable {
    let rules: MarketRules

    var isSpot: Bool { rules.kind == .spot }

    func price(_ value: ExactDecimal) -> String {
        value.fixed(isSpot ? 8 : rules.pricePrecision)
    }

    func quantity(_ value: ExactDecimal) -> String {
        value.fixed(isSpot ? 8 : rules.quantityPrecision)
    }

    func amount(_ value: ExactDecimal) -> String {
        value.fixed(8)
    }

    /// A rule value as the exchange lists it in exchangeInfo.
    func rule(_ value: ExactDecimal) -> String {
        isSpot ? value.fixed(8) : value.normalized.description
    }
}

extension ExactValue {
    var exact: ExactDecimal { value }
}
