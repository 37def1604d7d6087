import SentinelCore

/// An account's private events on a listen key: `ORDER_TRADE_UPDATE` and `ACCOUNT_UPDATE` on USDⓈ-M,
/// `executionReport` and `outboundAccountPosition` on Binance.US. Events come from comparing the account with what
/// the stream last saw, in the order the orders changed; an expired or closed key sends `listenKeyExpired` once.
struct BinanceUserStream: MarketStream {
    let token: String
    let futures: Bool
    let intervalMilliseconds = 50
    private var seen: [Int64: (status: OrderStatus, executed: ExactDecimal)]?
    private var pending: [String] = []
    private var ended = false
    private var started = false

    init(token: String, futures: Bool) {
        self.token = token
        self.futures = futures
    }

    mutating func next(_ state: inout EngineState) -> String? {
        let now = state.now
        guard !ended else { return nil }
        // The first call (the pump takes it at the handshake) is the baseline and sends nothing, whatever it returns.
        defer { started = true }
        guard let key = state.userStreamKeys.valid(token, at: now), let account = state.accounts[key.accountID] else {
            guard started else { return nil }
            ended = true
            return JSONValue.object([("e", .string("listenKeyExpired")), ("E", .int(now)), ("listenKey", .string(token))])
                .rendered
        }
        let kind: MarketKind = futures ? .perpetual : .spot
        let orders = account.orders.values.filter { $0.kind == kind }.sorted { ($0.updatedAt, $0.id) < ($1.updatedAt, $1.id) }
        guard let before = seen else {
            seen = Dictionary(uniqueKeysWithValues: orders.map { ($0.id, ($0.status, $0.executedQuantity.value)) })
            return nil
        }
        var filledSymbols = Set<String>()
        for order in orders {
            let previous = before[order.id]
            if let previous, previous.status == order.status, previous.executed == order.executedQuantity.value { continue }
            let lastQuantity = order.executedQuantity.value - (previous?.executed ?? .zero)
            let trade = lastQuantity.isPositive ? account.trades.last { $0.orderID == order.id } : nil
            if trade != nil { filledSymbols.insert(order.symbol) }
            // An order that filled or ended before the stream looked is announced as NEW first, then what followed.
            if previous == nil, order.status != .new {
                pending.append(event(order, execution: "NEW", status: .new, lastQuantity: .zero, trade: nil, state: state, exchange: account.exchange))
            }
            let execution = trade != nil ? "TRADE" : order.status == .new ? "NEW" : order.status == .expired ? "EXPIRED" : "CANCELED"
            pending.append(event(order, execution: execution, status: order.status, lastQuantity: lastQuantity, trade: trade, state: state, exchange: account.exchange))
            seen?[order.id] = (order.status, order.executedQuantity.value)
        }
        if !filledSymbols.isEmpty { pending.append(accountUpdate(account, symbols: filledSymbols, state: state)) }
        return pending.isEmpty ? nil : pending.removeFirst()
    }

    private func event(
        _ order: SimulatedOrder, execution: String, status: OrderStatus, lastQuantity: ExactDecimal,
        trade: SimulatedTrade?, state: EngineState, exchange: ExchangeID
    ) -> String {
        let now = state.now
        let kind: MarketKind = futures ? .perpetual : .spot
        let rules = state.markets[MarketKey(exchange: exchange, kind: kind, symbol: order.symbol)]?.rules
        let price: (ExactDecimal) -> String = { value in
            guard self.futures, let rules else { return value.fixed(8) }
            return BinanceMarketFormat(rules: rules).price(value)
        }
        let quantity: (ExactDecimal) -> String = { value in
            guard self.futures, let rules else { return value.fixed(8) }
            return BinanceMarketFormat(rules: rules).quantity(value)
        }
        let side = order.side == .buy ? "BUY" : "SELL"
        let type = order.type == .market ? "MARKET" : (order.timeInForce == .postOnly && !futures ? "LIMIT_MAKER" : "LIMIT")
        let timeInForce: String
        switch order.timeInForce {
        case .goodTillCancel: timeInForce = "GTC"
        case .immediateOrCancel: timeInForce = "IOC"
        case .fillOrKill: timeInForce = "FOK"
        case .postOnly: timeInForce = futures ? "GTX" : "GTC"
        }
        let statusText = BinanceSpotOrderJSON.status(status)
        if futures {
            let details: JSONValue = .object([
                ("s", .string(order.symbol)), ("c", .string(order.clientOrderID)), ("S", .string(side)),
                ("o", .string(type)), ("f", .string(timeInForce)), ("q", .string(quantity(order.quantity.value))),
                ("p", .string(price(order.price?.value ?? .zero))),
                ("ap", .string(order.averagePrice.isZero ? "0" : order.averagePrice.fixed(5))), ("sp", .string("0")),
                ("x", .string(execution)), ("X", .string(statusText)), ("i", .int(order.id)),
                ("l", .string(quantity(lastQuantity))), ("z", .string(quantity(order.executedQuantity.value))),
                ("L", .string(price(trade?.price.value ?? .zero))), ("N", .string(trade?.commissionAsset ?? "USDT")),
                ("n", .string((trade?.commission.value ?? .zero).fixed(8))), ("T", .int(trade?.time ?? order.updatedAt)),
                ("t", .int(trade?.id ?? 0)), ("b", .string("0")), ("a", .string("0")), ("m", .bool(trade?.isMaker ?? false)),
                ("R", .bool(order.reduceOnly)), ("wt", .string("CONTRACT_PRICE")), ("ot", .string(type)),
                ("ps", .string(BinanceFuturesOrderJSON.positionSide(order.positionSide))), ("cp", .bool(false)), ("rp", .string((trade?.realizedProfit.value ?? .zero).fixed(8))),
                ("pP", .bool(false)), ("si", .int(0)), ("ss", .int(0)), ("V", .string("EXPIRE_MAKER")),
                ("pm", .string("NONE")), ("gtd", .int(0)),
            ])
            return JSONValue.object([("e", .string("ORDER_TRADE_UPDATE")), ("E", .int(now)), ("T", .int(now)), ("o", details)])
                .rendered
        }
        return JSONValue.object([
            ("e", .string("executionReport")), ("E", .int(now)), ("s", .string(order.symbol)),
            ("c", .string(order.clientOrderID)), ("S", .string(side)), ("o", .string(type)), ("f", .string(timeInForce)),
            ("q", .string(quantity(order.quantity.value))), ("p", .string(price(order.price?.value ?? .zero))),
            ("P", .string("0.00000000")), ("F", .string("0.00000000")), ("g", .int(-1)),
            ("C", .string(status == .canceled ? order.clientOrderID : "")), ("x", .string(execution)),
            ("X", .string(statusText)), ("r", .string("NONE")), ("i", .int(order.id)),
            ("l", .string(quantity(lastQuantity))), ("z", .string(quantity(order.executedQuantity.value))),
            ("L", .string(price(trade?.price.value ?? .zero))), ("n", .string((trade?.commission.value ?? .zero).fixed(8))),
            ("N", trade.map { .string($0.commissionAsset) } ?? .null), ("T", .int(trade?.time ?? order.updatedAt)),
            ("t", .int(trade?.id ?? -1)), ("I", .int(order.id * 2)), ("w", .bool(status.isOpen)),
            ("m", .bool(trade?.isMaker ?? false)), ("M", .bool(false)), ("O", .int(order.createdAt)),
            ("Z", .string(order.cumulativeQuote.value.fixed(8))),
            ("Y", .string((trade?.quoteQuantity.value ?? .zero).fixed(8))), ("Q", .string("0.00000000")),
            ("W", .int(order.createdAt)), ("V", .string("EXPIRE_MAKER")),
        ]).rendered
    }

    /// The balances, and on USDⓈ-M the positions of the symbols that just traded (Binance sends only what changed).
    private func accountUpdate(_ account: Account, symbols: Set<String>, state: EngineState) -> String {
        let now = state.now
        if futures {
            let snapshot = state.perpetualSnapshot(accountID: account.id, exchange: account.exchange)
            let wallet = (snapshot?.walletBalance ?? account.futuresWallet).fixed(8)
            let positions: [JSONValue] = (snapshot?.positions ?? []).filter { symbols.contains($0.symbol) }.map { line in
                .object([
                    ("s", .string(line.symbol)), ("pa", .string(line.position.amount.normalized.description)),
                    ("ep", .string(line.position.entryPrice.fixed(8))), ("bep", .string(line.position.entryPrice.fixed(8))),
                    ("cr", .string("0")), ("up", .string(line.unrealizedProfit.fixed(8))), ("mt", .string(account.isolatedSymbols.contains(line.symbol) ? "isolated" : "cross")),
                    ("iw", .string("0")), ("ps", .string(BinanceFuturesOrderJSON.positionSide(line.positionSide))),
                ])
            }
            return JSONValue.object([
                ("e", .string("ACCOUNT_UPDATE")), ("E", .int(now)), ("T", .int(now)),
                (
                    "a",
                    .object([
                        ("m", .string("ORDER")),
                        ("B", .array([.object([("a", .string("USDT")), ("wb", .string(wallet)), ("cw", .string(wallet)), ("bc", .string("0"))])])),
                        ("P", .array(positions)),
                    ])
                ),
            ]).rendered
        }
        let balances: [JSONValue] = account.spot.keys.sorted().compactMap { asset in
            guard let balance = account.spot[asset] else { return nil }
            return .object([("a", .string(asset)), ("f", .string(balance.free.fixed(8))), ("l", .string(balance.locked.fixed(8)))])
        }
        return JSONValue.object([
            ("e", .string("outboundAccountPosition")), ("E", .int(now)), ("u", .int(account.updatedAt)),
            ("B", .array(balances)),
        ]).rendered
    }
}
