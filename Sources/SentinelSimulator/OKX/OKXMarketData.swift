import SentinelCore

/// Public endpoints: server time, instruments, order books, tickers (okx.md §4).
extension OKXDialect {
    static let instrumentTypes: Set<String> = ["SPOT", "MARGIN", "SWAP", "FUTURES", "OPTION"]

    static func publicEndpoints() -> [OKXEndpoint] {
        [
            OKXEndpoint("GET", "/api/v5/public/time", .none, limit: 10) { call, _ in
                OKXReply(data: [.object([("ts", .string(String(call.now)))])])
            },
            OKXEndpoint("GET", "/api/v5/public/instruments", .none, limit: 20, handler: instruments),
            OKXEndpoint("GET", "/api/v5/market/books", .none, limit: 40, handler: books),
            OKXEndpoint("GET", "/api/v5/market/ticker", .none, limit: 20) { call, state throws(OKXError) in
                guard let instId = call.query["instId"] else { throw .empty("instId") }
                guard let market = call.market(instId, &state) else { throw .unknownInstrument }
                return OKXReply(data: [ticker(market, now: call.now)])
            },
            // ccxt lists options per underlying first; no options are simulated.
            OKXEndpoint("GET", "/api/v5/public/underlying", .none, limit: 20) { call, _ throws(OKXError) in
                guard let instType = call.query["instType"] else { throw .empty("instType") }
                guard ["SWAP", "FUTURES", "OPTION"].contains(instType) else { throw .parameter("instType") }
                return OKXReply(data: [.array(instType == "SWAP" ? [.string("BTC-USDT"), .string("ETH-USDT")] : [])])
            },
            OKXEndpoint("GET", "/api/v5/market/tickers", .none, limit: 20) { call, state throws(OKXError) in
                let kind = try marketKind(call.query["instType"])
                let markets = state.marketKeys(exchange: .okx, kind: kind).compactMap { state.market($0, now: call.now) }
                return OKXReply(data: markets.map { ticker($0, now: call.now) })
            },
        ]
    }

    /// SPOT and SWAP list the engine's markets; MARGIN, FUTURES and OPTION are listed empty.
    static func marketKind(_ instType: String?) throws(OKXError) -> MarketKind {
        guard let instType else { throw .empty("instType") }
        switch instType {
        case "SPOT": return .spot
        case "SWAP": return .perpetual
        default: throw .parameter("instType")
        }
    }

    static func instruments(_ call: inout OKXCall, _ state: inout EngineState) throws(OKXError) -> OKXReply {
        guard let instType = call.query["instType"] else { throw .empty("instType") }
        guard instrumentTypes.contains(instType) else { throw .parameter("instType") }
        if instType == "OPTION", call.query["instFamily"] == nil, call.query["uly"] == nil {
            throw .empty("instFamily")
        }
        guard instType == "SPOT" || instType == "SWAP" else { return OKXReply(data: []) }
        let kind: MarketKind = instType == "SPOT" ? .spot : .perpetual
        var rules = state.marketKeys(exchange: .okx, kind: kind).compactMap { state.markets[$0]?.rules }
        if let instId = call.query["instId"] {
            rules = rules.filter { $0.symbol == instId }
            guard !rules.isEmpty else { throw .unknownInstrument }
        }
        return OKXReply(data: rules.enumerated().map { index, rule in instrument(rule, code: index) })
    }

    static func instrument(_ rules: MarketRules, code: Int) -> JSONValue {
        let contract = OKXContract.of(rules.symbol)
        let isSwap = contract != nil
        let lot = contract?.lotSize ?? rules.stepSize.value
        let minimum = contract.map { rules.minQuantity.value.over($0.value) } ?? rules.minQuantity.value
        let family = "\(rules.base)-\(rules.quote)"
        return .object([
            ("alias", .string("")), ("auctionEndTime", .string("")), ("baseCcy", .string(isSwap ? "" : rules.base)),
            ("category", .string("1")), ("ctMult", .string(isSwap ? "1" : "")),
            ("ctType", .string(isSwap ? "linear" : "")), ("ctVal", .string(contract?.value.normalized.description ?? "")),
            ("ctValCcy", .string(isSwap ? rules.base : "")), ("expTime", .string("")),
            ("instFamily", .string(isSwap ? family : "")), ("instId", .string(rules.symbol)),
            ("instIdCode", .int(isSwap ? 10_459 + code : 1_000_000 + code)),
            ("instType", .string(isSwap ? "SWAP" : "SPOT")), ("lever", .string(isSwap ? "100" : "10")),
            ("listTime", .string("1606468572000")), ("lotSz", .string(lot.normalized.description)),
            ("maxIcebergSz", .string("9999999999")), ("maxLmtAmt", .string("20000000")),
            ("maxLmtSz", .string(isSwap ? "100000" : "9999999999")), ("maxMktAmt", .string("1000000")),
            ("maxMktSz", .string(isSwap ? "12000" : "1000000")), ("maxStopSz", .string("12000")),
            ("maxTriggerSz", .string("9999999999")), ("maxTwapSz", .string("9999999999")),
            ("minSz", .string(minimum.normalized.description)), ("optType", .string("")),
            ("quoteCcy", .string(isSwap ? "" : rules.quote)), ("ruleType", .string("normal")),
            ("settleCcy", .string(isSwap ? rules.quote : "")), ("state", .string("live")), ("stk", .string("")),
            ("tickSz", .string(rules.tickSize.value.normalized.description)), ("uly", .string(isSwap ? family : "")),
        ])
    }

    /// `sz` on the wire: base currency on spot, contracts on swaps.
    static func wireSize(_ quantity: ExactDecimal, instId: String) -> String {
        guard let contract = OKXContract.of(instId) else { return quantity.normalized.description }
        return quantity.over(contract.value).normalized.description
    }

    static func books(_ call: inout OKXCall, _ state: inout EngineState) throws(OKXError) -> OKXReply {
        guard let instId = call.query["instId"] else { throw .empty("instId") }
        var depth = 1
        if let text = call.query["sz"] {
            guard let value = Int(text), (1...400).contains(value) else { throw .parameter("sz") }
            depth = value
        }
        guard let market = call.market(instId, &state) else { throw .unknownInstrument }
        let ladder = market.ladder
        func levels(_ list: [LadderLevel]) -> JSONValue {
            .array(
                list.filter { $0.quantity.isPositive }.prefix(depth).map { level in
                    .array([
                        .string(level.price.value.normalized.description),
                        .string(wireSize(level.quantity.value, instId: instId)), .string("0"), .string("1"),
                    ])
                })
        }
        return OKXReply(data: [
            .object([("asks", levels(ladder.asks)), ("bids", levels(ladder.bids)), ("ts", .string(String(call.now)))])
        ])
    }

    static func ticker(_ market: MarketState, now: Int64) -> JSONValue {
        let ladder = market.ladder
        let instId = market.rules.symbol
        func size(_ level: LadderLevel?) -> String { level.map { wireSize($0.quantity.value, instId: instId) } ?? "" }
        let bid = ladder.bids.first { $0.quantity.isPositive }
        let ask = ladder.asks.first { $0.quantity.isPositive }
        let last = market.mid.value.normalized.description
        return .object([
            ("instType", .string(market.rules.kind == .spot ? "SPOT" : "SWAP")), ("instId", .string(instId)),
            ("last", .string(last)), ("lastSz", .string("0")),
            ("askPx", .string(ask?.price.value.normalized.description ?? "")), ("askSz", .string(size(ask))),
            ("bidPx", .string(bid?.price.value.normalized.description ?? "")), ("bidSz", .string(size(bid))),
            ("open24h", .string(market.openPrice.value.normalized.description)),
            ("high24h", .string(market.highPrice.value.normalized.description)),
            ("low24h", .string(market.lowPrice.value.normalized.description)),
            ("volCcy24h", .string(market.tradedQuote.value.normalized.description)),
            ("vol24h", .string(wireSize(market.tradedVolume.value, instId: instId))), ("ts", .string(String(now))),
            ("sodUtc0", .string(market.openPrice.value.normalized.description)),
            ("sodUtc8", .string(market.openPrice.value.normalized.description)),
        ])
    }
}
