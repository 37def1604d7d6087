import SentinelCore

/// Order history (`allOrders`) and the public trade tape (`trades`, `aggTrades`). The simulator has no other
/// traders: the tape is every fill any account made against the market's liquidity, each fill one trade.
extension BinanceDialect {
    static func spotHistoryEndpoints() -> [BinanceEndpoint] {
        [
            BinanceEndpoint("GET", "/api/v3/allOrders", .userData, weight: 20) { call, state throws(BinanceError) in
                try allOrders(&call, &state, kind: .spot) { order, _ in BinanceSpotOrderJSON.queried(order) }
            },
            BinanceEndpoint("GET", "/api/v3/trades", .none, weight: 25) { call, state throws(BinanceError) in
                try publicTrades(&call, &state, kind: .spot, aggregated: false)
            },
            BinanceEndpoint("GET", "/api/v3/aggTrades", .none, weight: 4) { call, state throws(BinanceError) in
                try publicTrades(&call, &state, kind: .spot, aggregated: true)
            },
        ]
    }

    static func futuresHistoryEndpoints() -> [BinanceEndpoint] {
        [
            BinanceEndpoint("GET", "/fapi/v1/allOrders", .userData, weight: 5) { call, state throws(BinanceError) in
                try allOrders(&call, &state, kind: .perpetual) { order, rules in
                    BinanceFuturesOrderJSON.order(order, rules: rules, includeTime: true)
                }
            },
            BinanceEndpoint("GET", "/fapi/v1/trades", .none, weight: 5) { call, state throws(BinanceError) in
                try publicTrades(&call, &state, kind: .perpetual, aggregated: false)
            },
            BinanceEndpoint("GET", "/fapi/v1/aggTrades", .none, weight: 20) { call, state throws(BinanceError) in
                try publicTrades(&call, &state, kind: .perpetual, aggregated: true)
            },
        ]
    }

    /// The account's orders on `symbol`: from `orderId` on, or within `startTime`…`endTime`, else the most recent.
    static func allOrders(
        _ call: inout BinanceCall, _ state: inout EngineState, kind: MarketKind,
        render: (SimulatedOrder, MarketRules) -> JSONValue
    ) throws(BinanceError) -> JSONValue {
        let rules = try call.market(&state).rules
        let fromID = try call.parameters.integer("orderId")
        let start = try call.parameters.integer("startTime")
        let end = try call.parameters.integer("endTime")
        let limit = Int(try call.parameters.integer("limit") ?? 500)
        guard (1...1000).contains(limit) else { throw .mandatory("limit") }
        let orders = (state.accounts[call.accountID]?.orders.values.map { $0 } ?? [])
            .filter { order in
                order.kind == kind && order.symbol == rules.symbol && (fromID.map { order.id >= $0 } ?? true)
                    && (start.map { order.createdAt >= $0 } ?? true) && (end.map { order.createdAt <= $0 } ?? true)
            }
            .sorted { $0.id < $1.id }
        let chosen = fromID != nil || start != nil ? orders.prefix(limit) : orders.suffix(limit)
        return .array(chosen.map { render($0, rules) })
    }

    static func publicTrades(
        _ call: inout BinanceCall, _ state: inout EngineState, kind: MarketKind, aggregated: Bool
    ) throws(BinanceError) -> JSONValue {
        let rules = try call.market(&state).rules
        let limit = Int(try call.parameters.integer("limit") ?? 500)
        guard (1...1000).contains(limit) else { throw .mandatory("limit") }
        let fromID = aggregated ? try call.parameters.integer("fromId") : nil
        let start = aggregated ? try call.parameters.integer("startTime") : nil
        let end = aggregated ? try call.parameters.integer("endTime") : nil
        let exchange = call.flavor.exchange
        let tape = state.accounts.values.filter { $0.exchange == exchange }
            .flatMap { $0.trades }
            .filter { trade in
                trade.kind == kind && trade.symbol == rules.symbol && (fromID.map { trade.id >= $0 } ?? true)
                    && (start.map { trade.time >= $0 } ?? true) && (end.map { trade.time <= $0 } ?? true)
            }
            .sorted { $0.id < $1.id }
        let chosen = fromID != nil || start != nil ? Array(tape.prefix(limit)) : Array(tape.suffix(limit))
        let format = BinanceMarketFormat(rules: rules)
        let spot = kind == .spot
        return .array(
            chosen.map { trade in
                let price = spot ? trade.price.exact.fixed(8) : format.price(trade.price.exact)
                let quantity = spot ? trade.quantity.exact.fixed(8) : format.quantity(trade.quantity.exact)
                // The account's side against the ladder: a buying taker lifted a resting seller, and so on.
                let buyerIsMaker = (trade.side == .buy) == trade.isMaker
                if aggregated {
                    var members: [(String, JSONValue)] = [
                        ("a", .int(trade.id)), ("p", .string(price)), ("q", .string(quantity)),
                        ("f", .int(trade.id)), ("l", .int(trade.id)), ("T", .int(trade.time)),
                        ("m", .bool(buyerIsMaker)),
                    ]
                    if spot { members.append(("M", .bool(true))) }
                    return .object(members)
                }
                var members: [(String, JSONValue)] = [
                    ("id", .int(trade.id)), ("price", .string(price)), ("qty", .string(quantity)),
                    ("quoteQty", .string(spot ? trade.quoteQuantity.exact.fixed(8) : format.amount(trade.quoteQuantity.exact))),
                    ("time", .int(trade.time)), ("isBuyerMaker", .bool(buyerIsMaker)),
                ]
                if spot { members.append(("isBestMatch", .bool(true))) }
                return .object(members)
            })
    }
}
