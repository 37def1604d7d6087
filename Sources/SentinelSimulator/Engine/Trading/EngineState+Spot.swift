import SentinelCore

extension EngineState {
    /// Places a spot order: filters, duplicate client id, post-only, balance, then the fills against the ladder
    /// and, for a good-till-cancel limit order, the resting remainder with its funds locked.
    mutating func placeSpotOrder(
        exchange: ExchangeID, accountID: Int, request: OrderRequest, now: Int64
    ) throws(TradingRejection) -> PlacedOrder {
        let (key, market, account) = try admit(request, kind: .spot, exchange: exchange, accountID: accountID, now: now)
        let rules = market.rules
        let isMarket = request.type == .market
        // A stop order rests outside the book until triggered: no fills now.
        var fills = request.stop != nil ? [] : LiquidityWalk.fills(
            ladder: market.ladder, side: request.side, limit: isMarket ? nil : request.price,
            quantity: request.quantity, quoteBudget: request.quoteQuantity, step: rules.stepSize)
        if request.timeInForce == .postOnly, !fills.isEmpty { throw .postOnlyWouldTake }
        if request.timeInForce == .fillOrKill, let wanted = request.quantity,
            LiquidityWalk.totalQuantity(fills) < wanted
        {
            fills = []
        }
        let rests = !isMarket && (request.timeInForce == .goodTillCancel || request.timeInForce == .postOnly)

        // Funds: a limit buy needs price × quantity, a market buy what its fills cost, a sell its quantity.
        switch request.side {
        case .buy:
            let needed =
                isMarket
                ? (request.quoteQuantity?.value ?? LiquidityWalk.totalQuote(fills).value)
                : (request.price?.value ?? .zero) * (request.quantity?.value ?? .zero)
            if account.free(rules.quote) < needed { throw .insufficientBalance }
        case .sell:
            let needed = request.quantity?.value ?? LiquidityWalk.totalQuantity(fills).value
            if account.free(rules.base) < needed { throw .insufficientBalance }
        }

        let quantity = request.quantity ?? LiquidityWalk.totalQuantity(fills)
        let order = SimulatedOrder(
            id: takeOrderID(), clientOrderID: request.clientOrderID, symbol: request.symbol, kind: .spot,
            side: request.side, type: request.type, timeInForce: request.timeInForce,
            price: isMarket ? nil : request.price, quantity: quantity, quoteQuantity: request.quoteQuantity,
            reduceOnly: false, createdAt: now, updatedAt: now, stop: request.stop, isWorking: request.stop == nil)
        if rests, let price = order.price {
            // Lock the whole order first; fills below spend from the locked part.
            if order.side == .buy {
                accounts[accountID]?.lock(rules.quote, price.value * quantity.value)
            } else {
                accounts[accountID]?.lock(rules.base, quantity.value)
            }
        }
        return bookTakerFills(order, fills: fills, key: key, rests: rests, accountID: accountID) { state, order in
            state.applySpotFills(
                fills, to: order, rules: rules, accountID: accountID, isMaker: false, fromLocked: rests, now: now)
        }
    }

    /// Books fills of one order: balances, commission (in the asset received), the order's progress and the
    /// account's trade list. Resting orders pay from their locked funds and get back any price improvement.
    @discardableResult
    mutating func applySpotFills(
        _ fills: [LadderFill], to order: SimulatedOrder, rules: MarketRules, accountID: Int, isMaker: Bool,
        fromLocked: Bool = true, now: Int64
    ) -> [SimulatedTrade] {
        guard var account = takeAccount(accountID) else { return [] }
        defer { accounts[accountID] = account }
        guard var current = account.orders[order.id] else { return [] }
        var trades: [SimulatedTrade] = []
        for fill in fills where fill.quantity.isPositive {
            let quantity = fill.quantity.value
            let quote = fill.price.value * quantity
            let commission: ExactDecimal
            let commissionAsset: String
            if order.side == .buy {
                commission = (quantity * Self.spotFeeRate).roundedDown(places: 8)
                commissionAsset = rules.base
                if fromLocked, let limit = order.price {
                    account.spendLocked(rules.quote, limit.value * quantity)
                    account.credit(rules.quote, (limit.value - fill.price.value) * quantity)
                } else {
                    account.credit(rules.quote, quote.negated())
                }
                account.credit(rules.base, quantity - commission)
            } else {
                commission = (quote * Self.spotFeeRate).roundedDown(places: 8)
                commissionAsset = rules.quote
                if fromLocked { account.spendLocked(rules.base, quantity) } else { account.credit(rules.base, quantity.negated()) }
                account.credit(rules.quote, quote - commission)
            }
            current.executedQuantity = Quantity(current.executedQuantity.value + quantity)
            current.cumulativeQuote = Amount(current.cumulativeQuote.value + quote)
            let trade = SimulatedTrade(
                id: takeTradeID(), orderID: order.id, symbol: order.symbol, kind: .spot, side: order.side,
                price: fill.price, quantity: fill.quantity, quoteQuantity: Amount(quote),
                commission: Amount(commission), commissionAsset: commissionAsset, realizedProfit: .zero,
                isMaker: isMaker, time: now)
            trades.append(trade)
            markets[MarketKey(exchange: account.exchange, kind: .spot, symbol: order.symbol)]?
                .recordTrade(price: fill.price, quantity: fill.quantity, time: now)
        }
        if !trades.isEmpty {
            current.status = current.remainingQuantity.isPositive ? .partiallyFilled : .filled
            current.updatedAt = now
        }
        account.trades.append(contentsOf: trades)
        account.store(current)
        account.updatedAt = now
        return trades
    }
}
