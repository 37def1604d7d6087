import SentinelCore

/// A USDT-margined account as a client reads it, priced at the current marks.
struct PerpetualAccountSnapshot: Sendable {
    struct PositionLine: Sendable {
        let symbol: String
        let position: PerpetualPosition
        let markPrice: ExactDecimal
        let leverage: Int
        let unrealizedProfit: ExactDecimal
        let notional: ExactDecimal
        let initialMargin: ExactDecimal
        let maintenanceMargin: ExactDecimal
        var positionSide: PositionSide = .both
    }

    let walletBalance: ExactDecimal
    let unrealizedProfit: ExactDecimal
    let positionInitialMargin: ExactDecimal
    let openOrderInitialMargin: ExactDecimal
    let maintenanceMargin: ExactDecimal
    let positions: [PositionLine]
    let updatedAt: Int64

    var marginBalance: ExactDecimal { walletBalance + unrealizedProfit }
    var availableBalance: ExactDecimal {
        ExactDecimal.max(.zero, marginBalance - positionInitialMargin - openOrderInitialMargin)
    }
}

extension EngineState {
    static let maintenanceMarginRate = ExactDecimal.literal("0.004")

    func perpetualSnapshot(accountID: Int, exchange: ExchangeID) -> PerpetualAccountSnapshot? {
        guard let account = accounts[accountID] else { return nil }
        var lines: [PerpetualAccountSnapshot.PositionLine] = []
        var unrealized = ExactDecimal.zero
        var positionMargin = ExactDecimal.zero
        var maintenance = ExactDecimal.zero
        for key in marketKeys(exchange: exchange, kind: .perpetual) {
            guard let market = markets[key] else { continue }
            for side in account.positionSides {
                let position = account.positions[Account.positionKey(key.symbol, side)] ?? PerpetualPosition()
                let leverage = account.leverage(for: key.symbol)
                let mark = market.mid.value
                let profit = position.unrealizedProfit(mark: mark)
                let notional = position.amount * mark
                let initial = notional.magnitude.over(ExactDecimal(leverage))
                let maint = (notional.magnitude * Self.maintenanceMarginRate).roundedDown(places: 8)
                unrealized = unrealized + profit
                positionMargin = positionMargin + initial
                maintenance = maintenance + maint
                lines.append(
                    .init(
                        symbol: key.symbol, position: position, markPrice: mark, leverage: leverage,
                        unrealizedProfit: profit, notional: notional, initialMargin: initial, maintenanceMargin: maint,
                        positionSide: side))
            }
        }
        var orderMargin = ExactDecimal.zero
        for order in account.openOrders(kind: .perpetual) where !order.reduceOnly && !order.closesHedgedLeg {
            let price = order.price?.value ?? .zero
            orderMargin = orderMargin + (price * order.remainingQuantity.value).over(ExactDecimal(account.leverage(for: order.symbol)))
        }
        return PerpetualAccountSnapshot(
            walletBalance: account.futuresWallet, unrealizedProfit: unrealized, positionInitialMargin: positionMargin,
            openOrderInitialMargin: orderMargin, maintenanceMargin: maintenance, positions: lines,
            updatedAt: account.updatedAt)
    }

    /// Places an order on a perpetual: filters (minimum notional waived for reduce-only), duplicate client id,
    /// reduce-only direction, post-only, initial margin, then fills and the resting remainder.
    mutating func placePerpetualOrder(
        exchange: ExchangeID, accountID: Int, request: OrderRequest, now: Int64
    ) throws(TradingRejection) -> PlacedOrder {
        let (key, market, account) = try admit(request, kind: .perpetual, exchange: exchange, accountID: accountID, now: now)
        let rules = market.rules
        let isMarket = request.type == .market
        let position = account.positions[Account.positionKey(request.symbol, request.positionSide)] ?? PerpetualPosition()
        var quantity = request.quantity ?? .zero
        let closesLeg = (request.positionSide == .long && request.side == .sell)
            || (request.positionSide == .short && request.side == .buy)
        if request.reduceOnly || closesLeg {
            let reducible = position.reducibleQuantity(side: request.side)
            guard reducible.isPositive else { throw .reduceOnlyWouldIncrease }
            if quantity.value > reducible { quantity = Quantity(reducible) }
        }
        var fills = LiquidityWalk.fills(
            ladder: market.ladder, side: request.side, limit: isMarket ? nil : request.price, quantity: quantity,
            quoteBudget: nil, step: rules.stepSize)
        if request.timeInForce == .postOnly, !fills.isEmpty { throw .postOnlyWouldTake }
        if request.timeInForce == .fillOrKill, LiquidityWalk.totalQuantity(fills) < quantity { fills = [] }

        if !request.reduceOnly, !closesLeg {
            let opening = ExactDecimal.max(.zero, quantity.value - position.reducibleQuantity(side: request.side))
            let price = request.price?.value ?? fills.last?.price.value ?? market.mid.value
            let required = (opening * price).over(ExactDecimal(account.leverage(for: request.symbol)))
            let available = perpetualSnapshot(accountID: accountID, exchange: exchange)?.availableBalance ?? .zero
            if required > available { throw .insufficientMargin }
        }

        let rests = !isMarket && (request.timeInForce == .goodTillCancel || request.timeInForce == .postOnly)
        let order = SimulatedOrder(
            id: takeOrderID(), clientOrderID: request.clientOrderID, symbol: request.symbol, kind: .perpetual,
            side: request.side, type: request.type, timeInForce: request.timeInForce,
            price: isMarket ? nil : request.price, quantity: quantity, quoteQuantity: nil,
            reduceOnly: request.reduceOnly, createdAt: now, updatedAt: now, positionSide: request.positionSide)
        return bookTakerFills(order, fills: fills, key: key, rests: rests, accountID: accountID) { state, order in
            state.applyPerpetualFills(fills, to: order, rules: rules, accountID: accountID, isMaker: false, now: now)
        }
    }

    @discardableResult
    mutating func applyPerpetualFills(
        _ fills: [LadderFill], to order: SimulatedOrder, rules: MarketRules, accountID: Int, isMaker: Bool, now: Int64
    ) -> [SimulatedTrade] {
        guard var account = takeAccount(accountID) else { return [] }
        defer { accounts[accountID] = account }
        guard var current = account.orders[order.id] else { return [] }
        let positionKey = Account.positionKey(order.symbol, order.positionSide)
        var position = account.positions[positionKey] ?? PerpetualPosition()
        var trades: [SimulatedTrade] = []
        for fill in fills where fill.quantity.isPositive {
            var quantity = fill.quantity.value
            if order.reduceOnly || order.closesHedgedLeg {
                quantity = ExactDecimal.min(quantity, position.reducibleQuantity(side: order.side))
                guard quantity.isPositive else { break }
            }
            let quote = fill.price.value * quantity
            let rate = isMaker ? Self.perpetualMakerFeeRate : Self.perpetualTakerFeeRate
            let commission = (quote * rate).roundedDown(places: 8)
            let realized = position.apply(side: order.side, quantity: quantity, price: fill.price.value, at: now)
            account.futuresWallet = account.futuresWallet + realized - commission
            current.executedQuantity = Quantity(current.executedQuantity.value + quantity)
            current.cumulativeQuote = Amount(current.cumulativeQuote.value + quote)
            trades.append(
                SimulatedTrade(
                    id: takeTradeID(), orderID: order.id, symbol: order.symbol, kind: .perpetual, side: order.side,
                    price: fill.price, quantity: Quantity(quantity), quoteQuantity: Amount(quote),
                    commission: Amount(commission), commissionAsset: rules.quote, realizedProfit: Amount(realized),
                    isMaker: isMaker, time: now))
            markets[MarketKey(exchange: account.exchange, kind: .perpetual, symbol: order.symbol)]?
                .recordTrade(price: fill.price, quantity: Quantity(quantity), time: now)
        }
        if !trades.isEmpty {
            current.status = current.remainingQuantity.isPositive ? .partiallyFilled : .filled
            current.updatedAt = now
        }
        account.positions[positionKey] = position
        account.trades.append(contentsOf: trades)
        account.store(current)
        account.updatedAt = now
        return trades
    }

    /// Changes a resting perpetual limit order's price and quantity in place (same id, back of the queue); a price
    /// that now crosses the book fills at once as a taker.
    mutating func modifyPerpetualOrder(
        exchange: ExchangeID, accountID: Int, symbol: String, lookup: OrderLookup, price: Price, quantity: Quantity,
        now: Int64
    ) throws(TradingRejection) -> SimulatedOrder {
        let key = MarketKey(exchange: exchange, kind: .perpetual, symbol: symbol)
        guard let market = market(key, now: now),
            var order = findOrder(accountID: accountID, kind: .perpetual, symbol: symbol, lookup: lookup),
            order.status.isOpen, order.type == .limit
        else { throw .unknownOrder }
        do {
            try market.rules.validate(
                price: price, quantity: quantity, referencePrice: market.mid, isMarket: false, side: order.side)
        } catch .notionalBelowMinimum where order.reduceOnly {
        } catch {
            throw .filter(error)
        }
        order.price = price
        order.quantity = quantity
        order.updatedAt = now
        accounts[accountID]?.store(order)
        let fills = LiquidityWalk.fills(
            ladder: market.ladder, side: order.side, limit: price, quantity: order.remainingQuantity, quoteBudget: nil,
            step: market.rules.stepSize)
        guard order.timeInForce != .postOnly || fills.isEmpty else { throw .postOnlyWouldTake }
        for fill in fills { markets[key]?.consume(side: order.side, level: fill.level, quantity: fill.quantity) }
        applyPerpetualFills(fills, to: order, rules: market.rules, accountID: accountID, isMaker: false, now: now)
        return accounts[accountID]?.orders[order.id] ?? order
    }

    mutating func setLeverage(accountID: Int, symbol: String, leverage: Int) throws(TradingRejection) {
        guard (1...125).contains(leverage) else { throw .invalidLeverage }
        accounts[accountID]?.leverage[symbol] = leverage
    }
}
