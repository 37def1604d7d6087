import SentinelCore

/// Best bid/ask, average price, USDⓈ-M 24-hour tickers, mark price and funding: the public data bots poll.
extension BinanceDialect {
    static func spotTickerEndpoints() -> [BinanceEndpoint] {
        [
            BinanceEndpoint("GET", "/api/v3/ticker/bookTicker", .none, weight: bySymbolList(2, 4), handler: bookTicker),
            BinanceEndpoint("GET", "/api/v3/avgPrice", .none, weight: 2, handler: averagePrice),
        ]
    }

    static func futuresTickerEndpoints() -> [BinanceEndpoint] {
        [
            BinanceEndpoint("GET", "/fapi/v1/ticker/24hr", .none, weight: BinanceEndpoint.bySymbol(1, 40)) {
                call, state throws(BinanceError) in
                let now = call.now
                return try tickers(&call, &state) { futuresTicker24h($0, now: now) }
            },
            BinanceEndpoint(
                "GET", "/fapi/v1/ticker/bookTicker", .none, weight: BinanceEndpoint.bySymbol(2, 5), handler: bookTicker),
            BinanceEndpoint("GET", "/fapi/v1/premiumIndex", .none, weight: BinanceEndpoint.bySymbol(1, 10)) {
                call, state throws(BinanceError) in
                let now = call.now
                return try tickers(&call, &state) { premiumIndex($0, now: now) }
            },
            BinanceEndpoint("GET", "/fapi/v1/fundingRate", .none, weight: 1, handler: fundingHistory),
        ]
    }

    static func bookTicker(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let futures = call.flavor == .usdm
        let now = call.now
        return try tickers(&call, &state) { market in
            let format = BinanceMarketFormat(rules: market.rules)
            let ladder = market.ladder
            var members: [(String, JSONValue)] = [
                ("symbol", .string(market.rules.symbol)),
                ("bidPrice", .string(format.price(ladder.bestBid?.exact ?? market.mid.exact))),
                ("bidQty", .string(format.quantity(ladder.bids.first?.quantity.exact ?? .zero))),
                ("askPrice", .string(format.price(ladder.bestAsk?.exact ?? market.mid.exact))),
                ("askQty", .string(format.quantity(ladder.asks.first?.quantity.exact ?? .zero))),
            ]
            if futures { members.append(("time", .int(now))) }
            return .object(members)
        }
    }

    /// The simulator's mid stands for the five-minute average: its walk moves at most a basis point a second.
    static func averagePrice(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let market = try call.market(&state)
        return .object([
            ("mins", .int(5)),
            ("price", .string(BinanceMarketFormat(rules: market.rules).price(market.mid.exact))),
            ("closeTime", .int(call.now)),
        ])
    }

    static func futuresTicker24h(_ market: MarketState, now: Int64) -> JSONValue {
        // The spot ticker's fields, without the book (USDⓈ-M's 24-hour ticker has no bid and ask).
        guard case .object(let members) = ticker24h(market, now: now) else { return .object([]) }
        let dropped: Set<String> = ["prevClosePrice", "bidPrice", "bidQty", "askPrice", "askQty"]
        return .object(members.filter { !dropped.contains($0.0) })
    }

    /// Funding every eight hours at a flat 0.01 %, the rate Binance pays when premium and interest cancel out.
    static let fundingRate = ExactDecimal.literal("0.00010000")
    static let fundingIntervalMs: Int64 = 8 * 3_600_000

    static func premiumIndex(_ market: MarketState, now: Int64) -> JSONValue {
        let format = BinanceMarketFormat(rules: market.rules)
        let mark = format.price(market.mid.exact)
        return .object([
            ("symbol", .string(market.rules.symbol)),
            ("markPrice", .string(mark)),
            ("indexPrice", .string(mark)),
            ("estimatedSettlePrice", .string(mark)),
            ("lastFundingRate", .string(fundingRate.fixed(8))),
            ("interestRate", .string("0.00010000")),
            ("nextFundingTime", .int((now / fundingIntervalMs + 1) * fundingIntervalMs)),
            ("time", .int(now)),
        ])
    }

    /// Past funding events of one symbol (or every symbol), oldest first, within `startTime`…`endTime`.
    static func fundingHistory(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let limit = Int(try call.parameters.integer("limit") ?? 100)
        guard (1...1000).contains(limit) else { throw .mandatory("limit") }
        let markets = call.parameters["symbol"] != nil ? [try call.market(&state)] : call.allMarkets(&state)
        let end = try call.parameters.integer("endTime") ?? call.now
        let start = try call.parameters.integer("startTime")
        let step = fundingIntervalMs
        let last = (min(end, call.now) / step) * step
        // From startTime forward, or the most recent `limit` before endTime.
        let first = start.map { ($0 + step - 1) / step * step } ?? (last - Int64(limit - 1) * step)
        guard first <= last else { return .array([]) }
        var chosen: [(time: Int64, market: MarketState)] = []
        let through = start == nil ? last : min(last, first + Int64(limit) * step)
        for time in stride(from: max(first, step), through: through, by: Int(step)) {
            for market in markets { chosen.append((time, market)) }
        }
        chosen = start == nil ? Array(chosen.suffix(limit)) : Array(chosen.prefix(limit))
        return .array(
            chosen.sorted { $0.time < $1.time }.map { event in
                .object([
                    ("symbol", .string(event.market.rules.symbol)),
                    ("fundingTime", .int(event.time)),
                    ("fundingRate", .string(fundingRate.fixed(8))),
                    ("markPrice", .string(BinanceMarketFormat(rules: event.market.rules).price(event.market.mid.exact))),
                ])
            })
    }
}
