import SentinelCore

/// Public endpoints of both hosts (kucoin.md §4): server time, symbols or contracts, tickers, order books.
extension KuCoinDialect {
    static func text(_ value: ExactDecimal) -> String { value.normalized.description }

    static func time() -> KuCoinEndpoint {
        KuCoinEndpoint("GET", "/api/v1/timestamp", .none, .publicPool, weight: 3) { call, _ in .int(call.now) }
    }

    static func spotPublicEndpoints() -> [KuCoinEndpoint] {
        [
            time(),
            KuCoinEndpoint("GET", "/api/v2/symbols", .none, .publicPool, weight: 4) { call, state in
                .array(spotRules(&state, now: call.now).map(symbol))
            },
            KuCoinEndpoint("GET", "/api/v2/symbols/{symbol}", .none, .publicPool, weight: 4) {
                call, state throws(KuCoinError) in
                guard let market = call.market(call.variables[0], &state) else { throw .symbolNotAvailable }
                return symbol(market.rules)
            },
            KuCoinEndpoint("GET", "/api/v1/market/orderbook/level1", .none, .publicPool, weight: 2) {
                call, state throws(KuCoinError) in
                guard let market = call.market(try call.required("symbol"), &state) else { throw .symbolNotAvailable }
                return level1(market, now: call.now)
            },
            KuCoinEndpoint("GET", "/api/v1/market/allTickers", .none, .publicPool, weight: 15) { call, state in
                let markets = state.marketKeys(exchange: .kucoin, kind: .spot).compactMap { state.market($0, now: call.now) }
                return .object([("time", .int(call.now)), ("ticker", .array(markets.map(spotTicker)))])
            },
            KuCoinEndpoint("GET", "/api/v1/market/stats", .none, .publicPool, weight: 15) { call, state throws(KuCoinError) in
                guard let market = call.market(try call.required("symbol"), &state) else { throw .symbolNotAvailable }
                guard case .object(let members) = spotTicker(market) else { return .null }
                return .object([("time", .int(call.now))] + members.filter { $0.0 != "symbolName" })
            },
            // The full book needs a key (General).
            KuCoinEndpoint("GET", "/api/v3/market/orderbook/level2", .general, .spot, weight: 3) {
                call, state throws(KuCoinError) in try spotBook(&call, &state, depth: 1_000)
            },
            KuCoinEndpoint("GET", "/api/v1/market/orderbook/level2_20", .none, .publicPool, weight: 2) {
                call, state throws(KuCoinError) in try spotBook(&call, &state, depth: 20)
            },
            KuCoinEndpoint("GET", "/api/v1/market/orderbook/level2_100", .none, .publicPool, weight: 4) {
                call, state throws(KuCoinError) in try spotBook(&call, &state, depth: 100)
            },
        ]
    }

    static func futuresPublicEndpoints() -> [KuCoinEndpoint] {
        [
            time(),
            KuCoinEndpoint("GET", "/api/v1/contracts/active", .none, .publicPool, weight: 3) { call, state in
                let markets = state.marketKeys(exchange: .kucoin, kind: .perpetual).compactMap {
                    state.market($0, now: call.now)
                }
                return .array(markets.map(contract))
            },
            KuCoinEndpoint("GET", "/api/v1/contracts/{symbol}", .none, .publicPool, weight: 3) {
                call, state throws(KuCoinError) in
                guard let market = call.market(call.variables[0], &state) else { throw .symbolNotAvailable }
                return contract(market)
            },
            KuCoinEndpoint("GET", "/api/v1/ticker", .none, .publicPool, weight: 2) { call, state throws(KuCoinError) in
                guard let market = call.market(try call.required("symbol"), &state) else { throw .symbolNotAvailable }
                return futuresTicker(market, now: call.now)
            },
            KuCoinEndpoint("GET", "/api/v1/level2/depth20", .none, .publicPool, weight: 5) {
                call, state throws(KuCoinError) in try futuresBook(&call, &state, depth: 20)
            },
            KuCoinEndpoint("GET", "/api/v1/level2/depth100", .none, .publicPool, weight: 10) {
                call, state throws(KuCoinError) in try futuresBook(&call, &state, depth: 100)
            },
            KuCoinEndpoint("GET", "/api/v1/level2/snapshot", .none, .publicPool, weight: 3) {
                call, state throws(KuCoinError) in try futuresBook(&call, &state, depth: 1_000)
            },
        ]
    }

    static func spotRules(_ state: inout EngineState, now: Int64) -> [MarketRules] {
        state.marketKeys(exchange: .kucoin, kind: .spot).compactMap { state.market($0, now: now)?.rules }
    }

    static func symbol(_ rules: MarketRules) -> JSONValue {
        .object([
            ("symbol", .string(rules.symbol)), ("name", .string(rules.symbol)), ("baseCurrency", .string(rules.base)),
            ("quoteCurrency", .string(rules.quote)), ("feeCurrency", .string(rules.quote)), ("market", .string("USDS")),
            ("baseMinSize", .string(text(rules.minQuantity.value))), ("quoteMinSize", .string(text(rules.minNotional.value))),
            ("baseMaxSize", .string(text(rules.maxQuantity.value))), ("quoteMaxSize", .string("99999999")),
            ("baseIncrement", .string(text(rules.stepSize.value))), ("quoteIncrement", .string("0.000001")),
            ("priceIncrement", .string(text(rules.tickSize.value))), ("priceLimitRate", .string("0.1")),
            ("minFunds", .string(text(rules.minNotional.value))), ("isMarginEnabled", .bool(true)),
            ("enableTrading", .bool(true)), ("feeCategory", .int(1)), ("makerFeeCoefficient", .string("1.00")),
            ("takerFeeCoefficient", .string("1.00")), ("st", .bool(false)), ("callauctionIsEnabled", .bool(false)),
        ])
    }

    static func best(_ market: MarketState) -> (bid: LadderLevel?, ask: LadderLevel?) {
        let ladder = market.ladder
        return (ladder.bids.first { $0.quantity.isPositive }, ladder.asks.first { $0.quantity.isPositive })
    }

    static func level1(_ market: MarketState, now: Int64) -> JSONValue {
        let (bid, ask) = best(market)
        return .object([
            ("time", .int(now)), ("sequence", .string(String(market.updateID))),
            ("price", .string(text(market.mid.value))), ("size", .string("0.0001")),
            ("bestBid", .string(bid.map { text($0.price.value) } ?? "")),
            ("bestBidSize", .string(bid.map { text($0.quantity.value) } ?? "")),
            ("bestAsk", .string(ask.map { text($0.price.value) } ?? "")),
            ("bestAskSize", .string(ask.map { text($0.quantity.value) } ?? "")),
        ])
    }

    static func spotTicker(_ market: MarketState) -> JSONValue {
        let (bid, ask) = best(market)
        return .object([
            ("symbol", .string(market.rules.symbol)), ("symbolName", .string(market.rules.symbol)),
            ("buy", .string(bid.map { text($0.price.value) } ?? "")), ("bestBidSize", .string(bid.map { text($0.quantity.value) } ?? "")),
            ("sell", .string(ask.map { text($0.price.value) } ?? "")), ("bestAskSize", .string(ask.map { text($0.quantity.value) } ?? "")),
            ("changeRate", .string("0")), ("changePrice", .string("0")),
            ("high", .string(text(market.highPrice.value))), ("low", .string(text(market.lowPrice.value))),
            ("vol", .string(text(market.tradedVolume.value))), ("volValue", .string(text(market.tradedQuote.value))),
            ("last", .string(text(market.mid.value))), ("averagePrice", .string(text(market.mid.value))),
            ("takerFeeRate", .string("0.001")), ("makerFeeRate", .string("0.001")),
            ("takerCoefficient", .string("1")), ("makerCoefficient", .string("1")),
        ])
    }

    static func spotBook(_ call: inout KuCoinCall, _ state: inout EngineState, depth: Int) throws(KuCoinError) -> JSONValue {
        guard let market = call.market(try call.required("symbol"), &state) else { throw .symbolNotAvailable }
        let ladder = market.ladder
        func levels(_ list: [LadderLevel]) -> JSONValue {
            .array(list.filter { $0.quantity.isPositive }.prefix(depth).map {
                .array([.string(text($0.price.value)), .string(text($0.quantity.value))])
            })
        }
        return .object([
            ("time", .int(call.now)), ("sequence", .string(String(market.updateID))), ("bids", levels(ladder.bids)),
            ("asks", levels(ladder.asks)),
        ])
    }

    static func contract(_ market: MarketState) -> JSONValue {
        let rules = market.rules
        let terms = KuCoinContract.of(rules.symbol) ?? KuCoinContract(multiplier: 1, lotSize: 1, root: rules.base)
        return .object([
            ("symbol", .string(rules.symbol)), ("rootSymbol", .string(rules.quote)), ("type", .string("FFWCSX")),
            ("firstOpenDate", .int(1_585_555_200_000)), ("expireDate", .null), ("settleDate", .null),
            ("baseCurrency", .string(terms.root)), ("quoteCurrency", .string(rules.quote)),
            ("settleCurrency", .string(rules.quote)), ("maxOrderQty", .int(terms.lots(rules.maxQuantity.value))),
            ("maxPrice", .number(text(rules.maxPrice.value))), ("lotSize", .int(terms.lotSize)),
            ("tickSize", .number(text(rules.tickSize.value))), ("indexPriceTickSize", .number(text(rules.tickSize.value))),
            ("multiplier", .number(text(terms.multiplier))), ("initialMargin", .number("0.008")),
            ("maintainMargin", .number("0.004")), ("maxRiskLimit", .int(100_000)), ("minRiskLimit", .int(100_000)),
            ("riskStep", .int(50_000)), ("makerFeeRate", .number("0.0002")), ("takerFeeRate", .number("0.0006")),
            ("takerFixFee", .number("0")), ("makerFixFee", .number("0")), ("isDeleverage", .bool(true)),
            ("isQuanto", .bool(false)), ("isInverse", .bool(false)), ("markMethod", .string("FairPrice")),
            ("fairMethod", .string("FundingRate")), ("settlementSymbol", .string("")), ("status", .string("Open")),
            ("fundingFeeRate", .number("0.0001")), ("predictedFundingFeeRate", .number("0.0001")),
            ("fundingRateGranularity", .int(28_800_000)), ("nextFundingRateTime", .int(14_400_000)),
            ("openInterest", .string("0")), ("turnoverOf24h", .number(text(market.tradedQuote.value))),
            ("volumeOf24h", .number(text(market.tradedVolume.value))), ("markPrice", .number(text(market.mid.value))),
            ("indexPrice", .number(text(market.mid.value))), ("lastTradePrice", .number(text(market.mid.value))),
            ("maxLeverage", .int(125)), ("supportCross", .bool(true)),
        ])
    }

    static func futuresTicker(_ market: MarketState, now: Int64) -> JSONValue {
        let (bid, ask) = best(market)
        let terms = KuCoinContract.of(market.rules.symbol)
        func lots(_ level: LadderLevel?) -> JSONValue { .int(level.map { terms?.lots($0.quantity.value) ?? 0 } ?? 0) }
        return .object([
            ("sequence", .int(market.updateID)), ("symbol", .string(market.rules.symbol)), ("side", .string("buy")),
            ("size", .int(1)), ("tradeId", .string(String(market.updateID))), ("price", .string(text(market.mid.value))),
            ("bestBidPrice", .string(bid.map { text($0.price.value) } ?? "")), ("bestBidSize", lots(bid)),
            ("bestAskPrice", .string(ask.map { text($0.price.value) } ?? "")), ("bestAskSize", lots(ask)),
            ("ts", .int(now * 1_000_000)),
        ])
    }

    static func futuresBook(_ call: inout KuCoinCall, _ state: inout EngineState, depth: Int) throws(KuCoinError) -> JSONValue {
        let symbol = try call.required("symbol")
        guard let market = call.market(symbol, &state), let terms = KuCoinContract.of(symbol) else {
            throw .symbolNotAvailable
        }
        let ladder = market.ladder
        func levels(_ list: [LadderLevel]) -> JSONValue {
            .array(list.filter { $0.quantity.isPositive }.prefix(depth).map {
                .array([.number(text($0.price.value)), .int(terms.lots($0.quantity.value))])
            })
        }
        return .object([
            ("sequence", .int(market.updateID)), ("symbol", .string(symbol)), ("bids", levels(ladder.bids)),
            ("asks", levels(ladder.asks)), ("ts", .int(call.now * 1_000_000)),
        ])
    }
}
