import SentinelCore

/// USDⓈ-M public data: exchangeInfo, depth and price tickers.
extension BinanceDialect {
    static func futuresExchangeInfo(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let markets = call.allMarkets(&state)
        let enforced = state.enforcesRateLimits
        return .object([
            ("timezone", .string("UTC")),
            ("serverTime", .int(call.now)),
            ("futuresType", .string("U_MARGINED")),
            (
                "rateLimits",
                .array([
                    rateLimit("REQUEST_WEIGHT", "MINUTE", 1, call.flavor.weightLimit, enforced: enforced),
                    rateLimit("ORDERS", "MINUTE", 1, 1200, enforced: enforced),
                    rateLimit("ORDERS", "SECOND", 10, 300, enforced: enforced),
                ])
            ),
            ("exchangeFilters", .array([])),
            (
                "assets",
                .array([
                    .object([
                        ("asset", .string("USDT")), ("marginAvailable", .bool(true)),
                        ("autoAssetExchange", .string("-10000")),
                    ])
                ])
            ),
            ("symbols", .array(markets.map { futuresSymbolInfo($0.rules) })),
        ])
    }

    static func futuresSymbolInfo(_ rules: MarketRules) -> JSONValue {
        let format = BinanceMarketFormat(rules: rules)
        return .object([
            ("symbol", .string(rules.symbol)),
            ("pair", .string(rules.symbol)),
            ("contractType", .string("PERPETUAL")),
            ("deliveryDate", .int(4_133_404_800_000)),
            ("onboardDate", .int(1_569_398_400_000)),
            ("status", .string("TRADING")),
            ("maintMarginPercent", .string("2.5000")),
            ("requiredMarginPercent", .string("5.0000")),
            ("baseAsset", .string(rules.base)),
            ("quoteAsset", .string(rules.quote)),
            ("marginAsset", .string(rules.quote)),
            ("pricePrecision", .int(rules.pricePrecision)),
            ("quantityPrecision", .int(rules.quantityPrecision)),
            ("baseAssetPrecision", .int(8)),
            ("quotePrecision", .int(8)),
            ("underlyingType", .string("COIN")),
            ("underlyingSubType", .array([])),
            ("settlePlan", .int(0)),
            ("triggerProtect", .string("0.0500")),
            ("liquidationFee", .string("0.012500")),
            ("marketTakeBound", .string("0.05")),
            ("maxMoveOrderLimit", .int(10000)),
            (
                "filters",
                .array(format.priceAndLotFilters + [
                    .object([
                        ("filterType", .string("MARKET_LOT_SIZE")),
                        ("minQty", .string(format.rule(rules.minQuantity.exact))),
                        ("maxQty", .string(format.rule(rules.marketMaxQuantity.exact))),
                        ("stepSize", .string(format.rule(rules.stepSize.exact))),
                    ]),
                    .object([("filterType", .string("MAX_NUM_ORDERS")), ("limit", .int(BinanceCall.maxOpenOrders))]),
                    .object([("filterType", .string("MAX_NUM_ALGO_ORDERS")), ("limit", .int(10))]),
                    .object([
                        ("filterType", .string("MIN_NOTIONAL")), ("notional", .string(format.rule(rules.minNotional.exact))),
                    ]),
                    .object([
                        ("filterType", .string("PERCENT_PRICE")), ("multiplierUp", .string(rules.percentUp.fixed(4))),
                        ("multiplierDown", .string(rules.percentDown.fixed(4))), ("multiplierDecimal", .string("4")),
                    ]),
                ])
            ),
            ("orderTypes", .array(["LIMIT", "MARKET", "STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET"].map(JSONValue.string))),
            ("timeInForce", .array(["GTC", "IOC", "FOK", "GTX"].map(JSONValue.string))),
            ("permissionSets", .array([.string("GRID"), .string("COPY")])),
        ])
    }

    static func futuresDepth(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let market = try call.market(&state)
        let limit = try call.parameters.integer("limit") ?? 500
        guard [5, 10, 20, 50, 100, 500, 1000].contains(limit) else { throw .mandatory("limit") }
        return depthBody(market, limit: Int(limit), futures: call.now)
    }

    static func futuresTickerPrice(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let now = call.now
        return try tickers(&call, &state) { market in
            .object([
                ("symbol", .string(market.rules.symbol)),
                ("price", .string(BinanceMarketFormat(rules: market.rules).price(market.mid.exact))),
                ("time", .int(now)),
            ])
        }
    }
}
