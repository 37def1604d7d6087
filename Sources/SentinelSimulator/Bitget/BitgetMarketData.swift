import SentinelCore

/// Public endpoints (bitget.md §4): server time, spot symbols and coins, futures contracts per productType, tickers
/// and order books. All 20 requests per second per IP.
extension BitgetDialect {
    static func publicEndpoints() -> [BitgetEndpoint] {
        [
            BitgetEndpoint("GET", "/api/v2/public/time", .none, limit: 20) { call, _ in
                .object([("serverTime", .string(String(call.now)))])
            },
            BitgetEndpoint("GET", "/api/v2/spot/public/symbols", .none, limit: 20) { call, state throws(BitgetError) in
                var rules = state.marketKeys(exchange: .bitget, kind: .spot).compactMap { state.markets[$0]?.rules }
                if let symbol = call.query["symbol"] {
                    rules = rules.filter { $0.symbol == symbol }
                    guard !rules.isEmpty else { throw .unknownSymbol }
                }
                return .array(rules.map(spotSymbol))
            },
            BitgetEndpoint("GET", "/api/v2/spot/public/coins", .none, limit: 3) { _, _ in
                .array(["BTC", "ETH", "USDT"].map(coin))
            },
            BitgetEndpoint("GET", "/api/v2/margin/currencies", .none, limit: 10) { _, _ in .array([]) },
            BitgetEndpoint("GET", "/api/v2/spot/market/tickers", .none, limit: 20) { call, state throws(BitgetError) in
                var keys = state.marketKeys(exchange: .bitget, kind: .spot)
                if let symbol = call.query["symbol"] {
                    keys = keys.filter { $0.symbol == symbol }
                    guard !keys.isEmpty else { throw .unknownSymbol }
                }
                return .array(keys.compactMap { state.market($0, now: call.now) }.map { ticker($0, now: call.now) })
            },
            BitgetEndpoint("GET", "/api/v2/spot/market/orderbook", .none, limit: 20) { call, state throws(BitgetError) in
                guard let symbol = call.query["symbol"] else { throw .empty("symbol") }
                guard let market = call.market(symbol, kind: .spot, &state) else { throw .unknownSymbol }
                return try book(market, limit: call.query["limit"], maximum: 150, now: call.now)
            },
            BitgetEndpoint("GET", "/api/v2/mix/market/contracts", .none, limit: 20) { call, state throws(BitgetError) in
                let type = try call.productType(call.query["productType"])
                var rules = state.marketKeys(exchange: .bitget, kind: .perpetual).compactMap { state.markets[$0]?.rules }
                    .filter { type.lists($0.symbol) }
                if let symbol = call.query["symbol"] {
                    rules = rules.filter { $0.symbol == symbol }
                    guard !rules.isEmpty else { throw .unknownSymbol }
                }
                return .array(rules.map { contract($0, type: type) })
            },
            BitgetEndpoint("GET", "/api/v2/mix/market/ticker", .none, limit: 20) { call, state throws(BitgetError) in
                let type = try call.productType(call.query["productType"])
                guard let symbol = call.query["symbol"] else { throw .empty("symbol") }
                guard type.lists(symbol), let market = call.market(symbol, kind: .perpetual, &state) else {
                    throw .unknownSymbol
                }
                return .array([ticker(market, now: call.now)])
            },
            BitgetEndpoint("GET", "/api/v2/mix/market/tickers", .none, limit: 20) { call, state throws(BitgetError) in
                let type = try call.productType(call.query["productType"])
                let markets = state.marketKeys(exchange: .bitget, kind: .perpetual).filter { type.lists($0.symbol) }
                    .compactMap { state.market($0, now: call.now) }
                return .array(markets.map { ticker($0, now: call.now) })
            },
            BitgetEndpoint("GET", "/api/v2/mix/market/merge-depth", .none, limit: 20) { call, state throws(BitgetError) in
                let type = try call.productType(call.query["productType"])
                guard let symbol = call.query["symbol"] else { throw .empty("symbol") }
                guard type.lists(symbol), let market = call.market(symbol, kind: .perpetual, &state) else {
                    throw .unknownSymbol
                }
                return try book(market, limit: call.query["limit"], maximum: 100, now: call.now)
            },
        ]
    }

    static func decimals(_ value: ExactDecimal) -> String { String(value.normalized.scale) }

    static func spotSymbol(_ rules: MarketRules) -> JSONValue {
        .object([
            ("symbol", .string(rules.symbol)), ("baseCoin", .string(rules.base)), ("quoteCoin", .string(rules.quote)),
            ("minTradeAmount", .string("0")), ("maxTradeAmount", .string(rules.maxQuantity.value.normalized.description)),
            ("takerFeeRate", .string("0.001")), ("makerFeeRate", .string("0.001")),
            ("pricePrecision", .string(decimals(rules.tickSize.value))),
            ("quantityPrecision", .string(decimals(rules.stepSize.value))),
            ("quotePrecision", .string(decimals(rules.tickSize.value))),
            ("status", .string("online")), ("minTradeUSDT", .string(rules.minNotional.value.normalized.description)),
            ("buyLimitPriceRatio", .string("0.05")), ("sellLimitPriceRatio", .string("0.05")),
            ("areaSymbol", .string("no")), ("orderQuantity", .string("200")), ("openTime", .string("1532454360000")),
            ("offTime", .string("")),
        ])
    }

    /// `pricePlace` and `priceEndStep` with tick = priceEndStep × 10^-pricePlace.
    static func contract(_ rules: MarketRules, type: BitgetProductType) -> JSONValue {
        let tick = rules.tickSize.value.normalized
        let place = tick.scale
        let endStep = tick.description.filter(\.isNumber).drop { $0 == "0" }
        return .object([
            ("symbol", .string(rules.symbol)), ("baseCoin", .string(rules.base)), ("quoteCoin", .string(rules.quote)),
            ("buyLimitPriceRatio", .string("0.05")), ("sellLimitPriceRatio", .string("0.05")),
            ("feeRateUpRatio", .string("0.005")), ("makerFeeRate", .string("0.0002")), ("takerFeeRate", .string("0.0006")),
            ("openCostUpRatio", .string("0.01")), ("supportMarginCoins", .array([.string(type.marginCoin)])),
            ("minTradeNum", .string(rules.minQuantity.value.normalized.description)), ("priceEndStep", .string(String(endStep))),
            ("volumePlace", .string(decimals(rules.stepSize.value))), ("pricePlace", .string(String(place))),
            ("sizeMultiplier", .string(rules.stepSize.value.normalized.description)), ("symbolType", .string("perpetual")),
            ("minTradeUSDT", .string(rules.minNotional.value.normalized.description)),
            ("maxSymbolOrderNum", .string("200")), ("maxProductOrderNum", .string("400")),
            ("maxPositionNum", .string("150")), ("symbolStatus", .string("normal")), ("offTime", .string("-1")),
            ("limitOpenTime", .string("-1")), ("deliveryTime", .string("")), ("deliveryStartTime", .string("")),
            ("launchTime", .string("")), ("fundInterval", .string("8")), ("minLever", .string("1")),
            ("maxLever", .string("125")), ("posLimit", .string("0.05")), ("maintainTime", .string("")),
            ("maxMarketOrderQty", .string(rules.marketMaxQuantity.value.normalized.description)),
            ("maxOrderQty", .string(rules.maxQuantity.value.normalized.description)),
        ])
    }

    static func coin(_ name: String) -> JSONValue {
        .object([
            ("coinId", .string(name == "BTC" ? "1" : name == "ETH" ? "3" : "2")), ("coin", .string(name)),
            ("transfer", .string("true")),
            ("chains", .array([
                .object([
                    ("chain", .string(name == "USDT" ? "TRC20" : name)), ("needTag", .string("false")),
                    ("withdrawable", .string("true")), ("rechargeable", .string("true")),
                    ("withdrawFee", .string("0")), ("extraWithDrawFee", .string("0")),
                    ("depositConfirm", .string("1")), ("withdrawConfirm", .string("1")),
                    ("minDepositAmount", .string("0.0001")), ("minWithdrawAmount", .string("0.001")),
                    ("browserUrl", .string("")), ("contractAddress", .string("")), ("withdrawStep", .string("0")),
                    ("withdrawMinScale", .string("8")), ("congestion", .string("normal")),
                ])
            ])),
        ])
    }

    static func ticker(_ market: MarketState, now: Int64) -> JSONValue {
        let ladder = market.ladder
        let bid = ladder.bids.first { $0.quantity.isPositive }
        let ask = ladder.asks.first { $0.quantity.isPositive }
        let last = market.mid.value.normalized.description
        var members: [(String, JSONValue)] = [
            ("symbol", .string(market.rules.symbol)), ("high24h", .string(market.highPrice.value.normalized.description)),
            ("open", .string(market.openPrice.value.normalized.description)), ("lastPr", .string(last)),
            ("low24h", .string(market.lowPrice.value.normalized.description)),
            ("quoteVolume", .string(market.tradedQuote.value.normalized.description)),
            ("baseVolume", .string(market.tradedVolume.value.normalized.description)),
            ("usdtVolume", .string(market.tradedQuote.value.normalized.description)),
            ("bidPr", .string(bid?.price.value.normalized.description ?? "")),
            ("askPr", .string(ask?.price.value.normalized.description ?? "")),
            ("bidSz", .string(bid?.quantity.value.normalized.description ?? "")),
            ("askSz", .string(ask?.quantity.value.normalized.description ?? "")),
            ("openUtc", .string(market.openPrice.value.normalized.description)), ("ts", .string(String(now))),
            ("changeUtc24h", .string("0")), ("change24h", .string("0")),
        ]
        if market.rules.kind == .perpetual {
            members += [
                ("indexPrice", .string(last)), ("markPrice", .string(last)), ("fundingRate", .string("0.0001")),
                ("holdingAmount", .string("0")), ("open24h", .string(market.openPrice.value.normalized.description)),
                ("deliveryStartTime", .null), ("deliveryTime", .null), ("deliveryStatus", .string("")),
            ]
        }
        return .object(members)
    }

    static func book(_ market: MarketState, limit: String?, maximum: Int, now: Int64) throws(BitgetError) -> JSONValue {
        var depth = maximum
        if let limit {
            guard let value = Int(limit), (1...maximum).contains(value) else { throw .parameter("limit") }
            depth = value
        }
        let ladder = market.ladder
        func levels(_ list: [LadderLevel]) -> JSONValue {
            .array(
                list.filter { $0.quantity.isPositive }.prefix(depth).map { level in
                    .array([
                        .string(level.price.value.normalized.description),
                        .string(level.quantity.value.normalized.description),
                    ])
                })
        }
        return .object([("asks", levels(ladder.asks)), ("bids", levels(ladder.bids)), ("ts", .string(String(now)))])
    }
}
