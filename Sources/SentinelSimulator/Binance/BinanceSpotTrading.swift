import SentinelCore

/// Spot order endpoints: place, query, cancel, open orders, cancel all, my trades.
extension BinanceDialect {
    static func spotPlaceOrder(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let request = try call.orderRequest(call.parameters, state: &state)
        // FULL is the default for LIMIT and MARKET orders, ACK for every other type (here LIMIT_MAKER).
        let responseType = call.parameters["newOrderRespType"] ?? (call.parameters["type"] == "LIMIT_MAKER" ? "ACK" : "FULL")
        guard ["ACK", "RESULT", "FULL"].contains(responseType) else { throw .mandatory("newOrderRespType") }
        let market = try call.market(&state, symbol: request.symbol)
        if let stop = request.stop, stop.isReached(by: market.mid) {
            throw .newOrderRejected("Stop price would trigger immediately.")
        }
        // NOTIONAL's maxNotional applies to limit orders (applyMaxToMarket is false), after the other filters.
        do {
            try market.rules.validate(
                price: request.type == .market ? nil : request.price, quantity: request.quantity,
                referencePrice: market.mid, isMarket: request.type == .market, side: request.side)
        } catch {
            throw call.flavor.error(for: .filter(error), rules: market.rules)
        }
        if request.type == .limit, let price = request.price, let quantity = request.quantity,
            price.value * quantity.value > BinanceDialect.spotMaxNotional
        {
            throw .filterFailure("NOTIONAL")
        }
        try call.checkOpenOrderCap(symbol: request.symbol, kind: .spot, state: state)
        try call.admitOrders(1, state: &state)
        do {
            let placed = try state.placeSpotOrder(
                exchange: call.flavor.exchange, accountID: call.accountID, request: request, now: call.now)
            if !placed.fills.isEmpty { call.giveBackFilledOrder(state: &state) }
            return BinanceSpotOrderJSON.placed(placed, responseType: responseType)
        } catch {
            throw call.flavor.error(for: error, rules: try? call.market(&state, symbol: request.symbol).rules)
        }
    }

    static func spotQueryOrder(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let market = try call.market(&state)
        let lookup = try call.orderLookup()
        try spotLookupAgrees(lookup, call: call, state: state, symbol: market.rules.symbol)
        guard
            let order = state.findOrder(
                accountID: call.accountID, kind: .spot, symbol: market.rules.symbol, lookup: lookup)
        else { throw .orderDoesNotExist }
        return BinanceSpotOrderJSON.queried(order)
    }

    static func spotCancelOrder(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let market = try call.market(&state)
        let lookup = try call.orderLookup()
        try spotLookupAgrees(lookup, call: call, state: state, symbol: market.rules.symbol)
        let cancelID = try call.clientOrderID(call.parameters["newClientOrderId"], state: &state)
        do {
            let order = try state.cancelOrder(
                accountID: call.accountID, kind: .spot, symbol: market.rules.symbol, lookup: lookup, now: call.now)
            return BinanceSpotOrderJSON.cancelled(order, cancelClientID: cancelID, now: call.now)
        } catch {
            throw call.flavor.error(for: error, rules: market.rules, cancelling: true)
        }
    }

    static func spotOpenOrders(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let symbol = call.parameters["symbol"]
        if symbol != nil { _ = try call.market(&state) }
        let orders = state.accounts[call.accountID]?.openOrders(symbol: symbol, kind: .spot) ?? []
        return .array(orders.map(BinanceSpotOrderJSON.queried))
    }

    static func spotCancelAll(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let market = try call.market(&state)
        let cancelled = state.cancelAllOrders(
            accountID: call.accountID, kind: .spot, symbol: market.rules.symbol, now: call.now)
        guard !cancelled.isEmpty else { throw .unknownOrderSent }
        var entries: [JSONValue] = []
        for order in cancelled {
            let cancelID = try call.clientOrderID(nil, state: &state)
            entries.append(BinanceSpotOrderJSON.cancelled(order, cancelClientID: cancelID, now: call.now))
        }
        return .array(entries)
    }

    static func spotMyTrades(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let market = try call.market(&state)
        let orderID = try call.parameters.integer("orderId")
        let fromID = try call.parameters.integer("fromId")
        let start = try call.parameters.integer("startTime")
        let end = try call.parameters.integer("endTime")
        let limit = Int(try call.parameters.integer("limit") ?? 500)
        guard (1...1000).contains(limit) else { throw .mandatory("limit") }
        let trades = (state.accounts[call.accountID]?.trades ?? []).filter { trade in
            trade.kind == .spot && trade.symbol == market.rules.symbol && (orderID == nil || trade.orderID == orderID)
                && (fromID == nil || trade.id >= fromID!) && (start == nil || trade.time >= start!)
                && (end == nil || trade.time <= end!)
        }
        let selected = fromID == nil ? Array(trades.suffix(limit)) : Array(trades.prefix(limit))
        return .array(
            selected.map { trade in
                .object([
                    ("symbol", .string(trade.symbol)), ("id", .int(trade.id)), ("orderId", .int(trade.orderID)),
                    ("orderListId", .int(-1)), ("price", .string(trade.price.exact.fixed(8))),
                    ("qty", .string(trade.quantity.exact.fixed(8))),
                    ("quoteQty", .string(trade.quoteQuantity.exact.fixed(8))),
                    ("commission", .string(trade.commission.exact.fixed(8))),
                    ("commissionAsset", .string(trade.commissionAsset)), ("time", .int(trade.time)),
                    ("isBuyer", .bool(trade.side == .buy)), ("isMaker", .bool(trade.isMaker)),
                    ("isBestMatch", .bool(true)),
                ])
            })
    }

    /// Spot looks `orderId` up first, then checks `origClientOrderId` against that order: -2039 when they differ.
    static func spotLookupAgrees(
        _ lookup: OrderLookup, call: BinanceCall, state: EngineState, symbol: String
    ) throws(BinanceError) {
        guard case .both(let id, let clientID) = lookup,
            let order = state.findOrder(accountID: call.accountID, kind: .spot, symbol: symbol, lookup: .id(id)),
            order.clientOrderID != clientID
        else { return }
        throw .clientIDMismatch
    }
}
