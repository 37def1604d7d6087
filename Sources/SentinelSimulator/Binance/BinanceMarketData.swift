import Foundation
import SentinelCore

/// Public market data: exchangeInfo, depth and tickers for spot and Binance.US.
extension BinanceDialect {
    /// NOTIONAL's upper bound on spot limit orders.
    static let spotMaxNotional = ExactDecimal(9_000_000)

    static func spotExchangeInfo(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        var markets = call.allMarkets(&state)
        if let symbol = call.parameters["symbol"] {
            markets = markets.filter { $0.rules.symbol == symbol }
            if markets.isEmpty { throw .invalidSymbol }
        } else if let list = call.parameters["symbols"] {
            let wanted = symbolList(list)
            markets = markets.filter { wanted.contains($0.rules.symbol) }
            if markets.isEmpty { throw .invalidSymbol }
        }
        let limits = call.flavor.orderLimits
        let enforced = state.enforcesRateLimits
        var rateLimits: [JSONValue] = [rateLimit("REQUEST_WEIGHT", "MINUTE", 1, call.flavor.weightLimit, enforced: enforced)]
        for window in limits {
            rateLimits.append(
                rateLimit(
                    "ORDERS", window.label == "10S" ? "SECOND" : "DAY", window.label == "10S" ? 10 : 1, window.limit,
                    enforced: enforced))
        }
        if let raw = call.flavor.rawRequestLimit {
            rateLimits.append(rateLimit("RAW_REQUESTS", "MINUTE", 5, raw, enforced: enforced))
        }
        return .object([
            ("timezone", .string("UTC")),
            ("serverTime", .int(call.now)),
            ("rateLimits", .array(rateLimits)),
            ("exchangeFilters", .array([])),
            ("symbols", .array(markets.map { spotSymbolInfo($0.rules) })),
        ])
    }

    /// What a simulator started without rate limits (`--no-rate-limits`, for benchmarks) advertises for every
    /// limit: far more than any loop on this machine can send, so that a client that paces itself to the advertised
    /// limits (as it should against the real exchange) measures its own speed, not its pacing.
    static let unenforcedLimit = 1_000_000_000

    /// One `rateLimits` entry: the exchange's own limit, or `unenforcedLimit` when the simulator does not enforce it.
    static func rateLimit(_ type: String, _ interval: String, _ number: Int, _ limit: Int, enforced: Bool) -> JSONValue {
        .object([
            ("rateLimitType", .string(type)), ("interval", .string(interval)), ("intervalNum", .int(number)),
            ("limit", .int(enforced ? limit : unenforcedLimit)),
        ])
    }

    static func spotSymbolInfo(_ rules: MarketRules) -> JSONValue {
        let format = BinanceMarketFormat(rules: rules)
        return .object([
            ("symbol", .string(rules.symbol)),
            ("status", .string("TRADING")),
            ("baseAsset", .string(rules.base)),
            ("baseAssetPrecision", .int(8)),
            ("quoteAsset", .string(rules.quote)),
            ("quotePrecision", .int(8)),
            ("quoteAssetPrecision", .int(8)),
            ("baseCommissionPrecision", .int(8)),
            ("quoteCommissionPrecision", .int(8)),
            ("orderTypes", .array(["LIMIT", "LIMIT_MAKER", "MARKET", "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT"].map(JSONValue.string))),
            ("icebergAllowed", .bool(false)),
            ("ocoAllowed", .bool(false)),
            ("otoAllowed", .bool(false)),
            ("quoteOrderQtyMarketAllowed", .bool(true)),
            ("allowTrailingStop", .bool(false)),
            ("cancelReplaceAllowed", .bool(false)),
            ("amendAllowed", .bool(false)),
            ("isSpotTradingAllowed", .bool(true)),
            ("isMarginTradingAllowed", .bool(false)),
            (
                "filters",
                .array(format.priceAndLotFilters + [
                    .object([
                        ("filterType", .string("MARKET_LOT_SIZE")), ("minQty", .string(format.rule(.zero))),
                        ("maxQty", .string(format.rule(rules.marketMaxQuantity.exact))),
                        ("stepSize", .string(format.rule(.zero))),
                    ]),
                    .object([
                        ("filterType", .string("NOTIONAL")), ("minNotional", .string(format.rule(rules.minNotional.exact))),
                        ("applyMinToMarket", .bool(true)), ("maxNotional", .string(format.rule(BinanceDialect.spotMaxNotional))),
                        ("applyMaxToMarket", .bool(false)), ("avgPriceMins", .int(5)),
                    ]),
                    .object([
                        ("filterType", .string("PERCENT_PRICE_BY_SIDE")),
                        ("bidMultiplierUp", .string(rules.percentUp.description)),
                        ("bidMultiplierDown", .string(rules.percentDown.description)),
                        ("askMultiplierUp", .string(rules.percentUp.description)),
                        ("askMultiplierDown", .string(rules.percentDown.description)), ("avgPriceMins", .int(5)),
                    ]),
                    .object([("filterType", .string("MAX_NUM_ORDERS")), ("maxNumOrders", .int(BinanceCall.maxOpenOrders))]),
                ])
            ),
            ("permissions", .array([])),
            ("permissionSets", .array([.array([.string("SPOT")])])),
            ("defaultSelfTradePreventionMode", .string("EXPIRE_MAKER")),
            ("allowedSelfTradePreventionModes", .array(["EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH"].map(JSONValue.string))),
        ])
    }

    static func spotDepth(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let market = try call.market(&state)
        // Above 5000 the answer is cut to 5000 rather than refused.
        let limit = min(try call.parameters.integer("limit") ?? 100, 5000)
        guard limit >= 1 else { throw .mandatory("limit") }
        return depthBody(market, limit: Int(limit), futures: nil)
    }

    /// `{"lastUpdateId", ["E", "T",] "bids", "asks"}` from the ladder.
    static func depthBody(_ market: MarketState, limit: Int, futures now: Int64?) -> JSONValue {
        let format = BinanceMarketFormat(rules: market.rules)
        let ladder = market.ladder
        func levels(_ side: [LadderLevel]) -> JSONValue {
            .array(
                side.filter { $0.quantity.isPositive }.prefix(limit).map { level in
                    .array([.string(format.price(level.price.exact)), .string(format.quantity(level.quantity.exact))])
                })
        }
        var members: [(String, JSONValue)] = [("lastUpdateId", .int(market.updateID))]
        if let now {
            members.append(("E", .int(now)))
            members.append(("T", .int(now)))
        }
        members.append(("bids", levels(ladder.bids)))
        members.append(("asks", levels(ladder.asks)))
        return .object(members)
    }

    static func spotTicker24h(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let now = call.now
        return try tickers(&call, &state) { market in ticker24h(market, now: now) }
    }

    static func spotTickerPrice(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        try tickers(&call, &state) { market in
            .object([
                ("symbol", .string(market.rules.symbol)),
                ("price", .string(BinanceMarketFormat(rules: market.rules).price(market.mid.exact))),
            ])
        }
    }

    /// One ticker for `symbol`, a list for `symbols=["A","B"]`, or every market.
    static func tickers(
        _ call: inout BinanceCall, _ state: inout EngineState, _ render: (MarketState) -> JSONValue
    ) throws(BinanceError) -> JSONValue {
        if call.parameters["symbol"] != nil { return render(try call.market(&state)) }
        var markets = call.allMarkets(&state)
        if let list = call.parameters["symbols"] {
            let wanted = symbolList(list)
            markets = markets.filter { wanted.contains($0.rules.symbol) }
            if markets.count != wanted.count { throw .invalidSymbol }
        }
        return .array(markets.map(render))
    }

    static func ticker24h(_ market: MarketState, now: Int64) -> JSONValue {
        let format = BinanceMarketFormat(rules: market.rules)
        let ladder = market.ladder
        let last = market.mid.exact
        let open = market.openPrice.exact
        let change = last - open
        let percent = open.isZero ? ExactDecimal.zero : (change * 100).over(open, places: 3)
        let volume = market.tradedVolume.exact
        let weighted = volume.isZero ? last : market.tradedQuote.exact.over(volume)
        return .object([
            ("symbol", .string(market.rules.symbol)),
            ("priceChange", .string(format.price(change))),
            ("priceChangePercent", .string(percent.description)),
            ("weightedAvgPrice", .string(format.price(weighted))),
            ("prevClosePrice", .string(format.price(open))),
            ("lastPrice", .string(format.price(last))),
            ("lastQty", .string(format.quantity(.zero))),
            ("bidPrice", .string(format.price(ladder.bestBid?.exact ?? last))),
            ("bidQty", .string(format.quantity(ladder.bids.first?.quantity.exact ?? .zero))),
            ("askPrice", .string(format.price(ladder.bestAsk?.exact ?? last))),
            ("askQty", .string(format.quantity(ladder.asks.first?.quantity.exact ?? .zero))),
            ("openPrice", .string(format.price(open))),
            ("highPrice", .string(format.price(market.highPrice.exact))),
            ("lowPrice", .string(format.price(market.lowPrice.exact))),
            ("volume", .string(format.quantity(volume))),
            ("quoteVolume", .string(format.amount(market.tradedQuote.exact))),
            ("openTime", .int(now - 86_400_000)),
            ("closeTime", .int(now)),
            ("firstId", .int(market.tradeCount > 0 ? 1 : -1)),
            ("lastId", .int(market.tradeCount > 0 ? market.tradeCount : -1)),
            ("count", .int(market.tradeCount)),
        ])
    }

    /// `["BTCUSDT","ETHUSDT"]` (URL-decoded) as a set of symbols.
    static func symbolList(_ text: String) -> Set<String> {
        Set(
            text.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
                .split(separator: ",")
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) })
    }
}
