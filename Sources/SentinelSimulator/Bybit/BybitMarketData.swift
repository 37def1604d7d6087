import SentinelCore

/// Public market data: server time, instruments, order book and tickers. Demo and testnet serve them too.
extension BybitDialect {
    static func marketEndpoints() -> [BybitEndpoint] {
        [
            BybitEndpoint("GET", "/v5/market/time", .none, limit: nil) { call, _ throws(BybitError) in
                let seconds = call.now / 1000
                return .object([
                    ("timeSecond", .string(String(seconds))),
                    ("timeNano", .string(String(call.now) + "000000")),
                ])
            },
            BybitEndpoint("GET", "/v5/market/instruments-info", .none, limit: nil, handler: instruments),
            BybitEndpoint("GET", "/v5/market/orderbook", .none, limit: nil, handler: orderBook),
            BybitEndpoint("GET", "/v5/market/tickers", .none, limit: nil, handler: tickers),
        ]
    }

    static func instruments(_ call: inout BybitCall, _ state: inout EngineState) throws(BybitError) -> JSONValue {
        let category = try call.category()
        var markets = call.markets(&state, category: category)
        if let symbol = call.parameters["symbol"] { markets = markets.filter { $0.rules.symbol == symbol } }
        let list = markets.map { category == .spot ? spotInstrument($0.rules) : linearInstrument($0.rules) }
        return .object([
            ("category", .string(category.rawValue)), ("list", .array(list)), ("nextPageCursor", .string("")),
        ])
    }

    static func spotInstrument(_ rules: MarketRules) -> JSONValue {
        .object([
            ("symbol", .string(rules.symbol)), ("baseCoin", .string(rules.base)), ("quoteCoin", .string(rules.quote)),
            ("innovation", .string("0")), ("status", .string("Trading")), ("marginTrading", .string("none")),
            ("stTag", .string("0")),
            (
                "lotSizeFilter",
                .object([
                    ("basePrecision", .string(rules.stepSize.description)),
                    ("quotePrecision", .string("0.00000001")),
                    ("minOrderQty", .string(rules.minQuantity.description)),
                    ("maxOrderQty", .string(rules.maxQuantity.description)),
                    ("minOrderAmt", .string(rules.minNotional.description)),
                    ("maxOrderAmt", .string("2000000")),
                    ("maxLimitOrderQty", .string(rules.maxQuantity.description)),
                    ("maxMarketOrderQty", .string(rules.marketMaxQuantity.description)),
                ])
            ),
            ("priceFilter", .object([("tickSize", .string(rules.tickSize.description))])),
            ("riskParameters", .object([("priceLimitRatioX", .string("0.05")), ("priceLimitRatioY", .string("0.05"))])),
        ])
    }

    static func linearInstrument(_ rules: MarketRules) -> JSONValue {
        .object([
            ("symbol", .string(rules.symbol)), ("contractType", .string("LinearPerpetual")),
            ("status", .string("Trading")), ("baseCoin", .string(rules.base)), ("quoteCoin", .string(rules.quote)),
            ("launchTime", .string("1584230400000")), ("deliveryTime", .string("0")), ("deliveryFeeRate", .string("")),
            ("priceScale", .string(String(rules.tickSize.value.scale))),
            (
                "leverageFilter",
                .object([
                    ("minLeverage", .string("1")), ("maxLeverage", .string("100.00")),
                    ("leverageStep", .string("0.01")),
                ])
            ),
            (
                "priceFilter",
                .object([
                    ("minPrice", .string(rules.minPrice.description)), ("maxPrice", .string(rules.maxPrice.description)),
                    ("tickSize", .string(rules.tickSize.description)),
                ])
            ),
            (
                "lotSizeFilter",
                .object([
                    ("maxOrderQty", .string(rules.maxQuantity.description)),
                    ("minOrderQty", .string(rules.minQuantity.description)),
                    ("qtyStep", .string(rules.stepSize.description)),
                    ("postOnlyMaxOrderQty", .string(rules.maxQuantity.description)),
                    ("maxMktOrderQty", .string(rules.marketMaxQuantity.description)),
                    ("minNotionalValue", .string(rules.minNotional.description)),
                ])
            ),
            ("unifiedMarginTrade", .bool(true)), ("fundingInterval", .int(480)),
            ("settleCoin", .string(rules.quote)), ("copyTrading", .string("both")),
            ("upperFundingRate", .string("0.00375")), ("lowerFundingRate", .string("-0.00375")),
            ("isPreListing", .bool(false)), ("preListingInfo", .null),
        ])
    }

    static func orderBook(_ call: inout BybitCall, _ state: inout EngineState) throws(BybitError) -> JSONValue {
        let category = try call.category([.spot, .linear, .inverse])
        let market = try call.market(&state, category: category)
        let limit = try call.parameters.integer("limit") ?? (category == .spot ? 1 : 25)
        guard (1...1000).contains(limit) else { throw .parameter("limit invalid") }
        let ladder = market.ladder
        func levels(_ list: [LadderLevel]) -> JSONValue {
            .array(
                list.filter { $0.quantity.isPositive }.prefix(limit).map {
                    .array([.string($0.price.description), .string($0.quantity.description)])
                })
        }
        return .object([
            ("s", .string(market.rules.symbol)), ("b", levels(ladder.bids)), ("a", levels(ladder.asks)),
            ("ts", .int(call.now)), ("u", .int(market.updateID)), ("seq", .int(market.updateID)),
            ("cts", .int(call.now)),
        ])
    }

    static func tickers(_ call: inout BybitCall, _ state: inout EngineState) throws(BybitError) -> JSONValue {
        let category = try call.category([.spot, .linear, .inverse])
        let markets: [MarketState]
        if let symbol = call.parameters["symbol"] {
            markets = [try call.market(&state, category: category, symbol: symbol)]
        } else {
            markets = call.markets(&state, category: category)
        }
        return .object([
            ("category", .string(category.rawValue)),
            ("list", .array(markets.map { ticker($0, category: category, now: call.now) })),
        ])
    }

    static func ticker(_ market: MarketState, category: BybitCategory, now: Int64) -> JSONValue {
        let ladder = market.ladder
        let best = { (levels: [LadderLevel]) in levels.first(where: { $0.quantity.isPositive }) }
        let bid = best(ladder.bids)
        let ask = best(ladder.asks)
        let last = market.mid.value
        let open = market.openPrice.value
        let change = open.isZero ? ExactDecimal.zero : (last - open).over(open, places: 6)
        var members: [(String, JSONValue)] = [
            ("symbol", .string(market.rules.symbol)),
            ("bid1Price", .string(bid?.price.description ?? "")), ("bid1Size", .string(bid?.quantity.description ?? "")),
            ("ask1Price", .string(ask?.price.description ?? "")), ("ask1Size", .string(ask?.quantity.description ?? "")),
            ("lastPrice", .string(market.mid.description)), ("prevPrice24h", .string(market.openPrice.description)),
            ("price24hPcnt", .string(change.description)),
            ("highPrice24h", .string(market.highPrice.description)), ("lowPrice24h", .string(market.lowPrice.description)),
            ("turnover24h", .string(market.tradedQuote.description)),
            ("volume24h", .string(market.tradedVolume.description)),
        ]
        if category == .spot {
            members.append(("usdIndexPrice", .string(market.mid.description)))
        } else {
            members += [
                ("indexPrice", .string(market.mid.description)), ("markPrice", .string(market.mid.description)),
                ("prevPrice1h", .string(market.openPrice.description)), ("openInterest", .string("0")),
                ("openInterestValue", .string("0")), ("fundingRate", .string("0.0001")),
                ("nextFundingTime", .string(String((now / 28_800_000 + 1) * 28_800_000))),
                ("predictedDeliveryPrice", .string("")), ("basisRate", .string("")), ("deliveryFeeRate", .string("")),
                ("deliveryTime", .string("0")), ("basis", .string("")),
            ]
        }
        return .object(members)
    }
}
