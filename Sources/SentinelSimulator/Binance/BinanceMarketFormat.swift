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

    /// The `PRICE_FILTER` and `LOT_SIZE` entries of exchangeInfo, alike on spot and USDⓈ-M.
    var priceAndLotFilters: [JSONValue] {
        [
            .object([
                ("filterType", .string("PRICE_FILTER")), ("minPrice", .string(rule(rules.minPrice.exact))),
                ("maxPrice", .string(rule(rules.maxPrice.exact))), ("tickSize", .string(rule(rules.tickSize.exact))),
            ]),
            .object([
                ("filterType", .string("LOT_SIZE")), ("minQty", .string(rule(rules.minQuantity.exact))),
                ("maxQty", .string(rule(rules.maxQuantity.exact))), ("stepSize", .string(rule(rules.stepSize.exact))),
            ]),
        ]
    }
}

extension ExactValue {
    var exact: ExactDecimal { value }
}
