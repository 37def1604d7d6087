import SentinelCore

/// How a client names an existing order.
enum OrderLookup: Sendable, Equatable {
    case id(Int64)
    case clientOrderID(String)
    /// Both given: the id is looked up and the client id must match it.
    case both(Int64, String)
}

/// The result of placing an order: the order as stored and the fills it got at once.
struct PlacedOrder: Sendable {
    let order: SimulatedOrder
    let fills: [SimulatedTrade]
}

extension EngineState {
    func findOrder(accountID: Int, kind: MarketKind, symbol: String, lookup: OrderLookup) -> SimulatedOrder? {
        guard let account = accounts[accountID] else { return nil }
        let candidate: SimulatedOrder?
        switch lookup {
        case .id(let id), .both(let id, _):
            candidate = account.orders[id]
        case .clientOrderID(let clientID):
            candidate = account.latestOrder(kind: kind, symbol: symbol, clientOrderID: clientID)
        }
        guard let order = candidate, order.symbol == symbol, order.kind == kind else { return nil }
        if case .both(_, let clientID) = lookup, order.clientOrderID != clientID { return nil }
        return order
    }

    /// Cancels one open order and releases what it held.
    mutating func cancelOrder(
        accountID: Int, kind: MarketKind, symbol: String, lookup: OrderLookup, now: Int64
    ) throws(TradingRejection) -> SimulatedOrder {
        guard let order = findOrder(accountID: accountID, kind: kind, symbol: symbol, lookup: lookup),
            order.status.isOpen, var account = takeAccount(accountID)
        else { throw .unknownOrder }
        defer { accounts[accountID] = account }
        var cancelled = order
        if kind == .spot, let price = order.price, let market = markets.keys.first(where: {
            $0.exchange == account.exchange && $0.kind == .spot && $0.symbol == symbol
        }).flatMap({ markets[$0]?.rules }) {
            let remaining = order.remainingQuantity.value
            if order.side == .buy {
                account.unlock(market.quote, price.value * remaining)
            } else {
                account.unlock(market.base, remaining)
            }
        }
        cancelled.status = .canceled
        cancelled.updatedAt = now
        account.store(cancelled)
        account.updatedAt = now
        return cancelled
    }

    /// Cancels every open order of the account on `symbol`.
    mutating func cancelAllOrders(accountID: Int, kind: MarketKind, symbol: String, now: Int64) -> [SimulatedOrder] {
        guard let account = accounts[accountID] else { return [] }
        return account.openOrders(symbol: symbol, kind: kind).compactMap { order in
            try? cancelOrder(accountID: accountID, kind: kind, symbol: symbol, lookup: .id(order.id), now: now)
        }
    }

    func hasOpenOrder(accountID: Int, kind: MarketKind, symbol: String, clientOrderID: String) -> Bool {
        accounts[accountID]?.latestOrder(kind: kind, symbol: symbol, clientOrderID: clientOrderID)?.status.isOpen ?? false
    }

    /// Fills, as maker at their own price, resting limit orders that the market has moved through.
    mutating func fillCrossedRestingOrders(in key: MarketKey, now: Int64) {
        guard let market = markets[key] else { return }
        triggerStopOrders(in: key, at: market.mid, now: now)
        triggerAlgoOrders(in: key, at: market.mid, now: now)
        let ladder = market.ladder
        for accountID in accounts.keys.sorted() where accounts[accountID]?.exchange == key.exchange {
            guard let account = accounts[accountID] else { continue }
            for order in account.openOrders(symbol: key.symbol, kind: key.kind) where order.isWorking {
                guard let price = order.price else { continue }
                let crossed =
                    order.side == .buy
                    ? (ladder.bestAsk.map { price >= $0 } ?? false) : (ladder.bestBid.map { price <= $0 } ?? false)
                guard crossed else { continue }
                let fill = LadderFill(level: 0, price: price, quantity: order.remainingQuantity)
                if key.kind == .spot {
                    if order.executedQuantity.isZero { giveBackUnfilledOrder(exchange: key.exchange, accountID: accountID, now: now) }
                    applySpotFills([fill], to: order, rules: market.rules, accountID: accountID, isMaker: true, now: now)
                } else {
                    applyPerpetualFills([fill], to: order, rules: market.rules, accountID: accountID, isMaker: true, now: now)
                }
            }
        }
    }

    /// Takes an account out of `accounts` to change it in place: while the dictionary still held it, changing its
    /// orders or trades would copy all of them (copy-on-write), which made every order cost more than the last.
    /// The caller puts it back (`defer { accounts[id] = account }`).
    mutating func takeAccount(_ id: Int) -> Account? {
        accounts.removeValue(forKey: id)
    }

    /// Binance spot counts unfilled orders: a resting order's first fill gives its count back to the account's
    /// order windows, as an order that filled on arrival does (`BinanceCall.giveBackFilledOrder`).
    mutating func giveBackUnfilledOrder(exchange: ExchangeID, accountID: Int, now: Int64) {
        let listener: SimulatorVenue
        switch exchange {
        case .binance: listener = .binance
        case .binanceUS: listener = .binanceUS
        default: return
        }
        orderLimiters["\(listener.rawValue)|\(accountID)"]?.giveBack(orders: 1, at: now)
    }

    /// Stop orders whose trigger the market reached start working: from now on they are limit orders in the book.
    mutating func triggerStopOrders(in key: MarketKey, at price: Price, now: Int64) {
        for accountID in accounts.keys.sorted() where accounts[accountID]?.exchange == key.exchange {
            guard var account = takeAccount(accountID) else { continue }
            defer { accounts[accountID] = account }
            for var order in account.openOrders(symbol: key.symbol, kind: key.kind) where !order.isWorking {
                guard let stop = order.stop, stop.isReached(by: price) else { continue }
                order.isWorking = true
                order.workingTime = now
                order.updatedAt = now
                account.store(order)
            }
        }
    }

    /// The market and account an order goes to, once its filters pass and its client id is free. Reduce-only
    /// perpetual orders may be below the minimum notional.
    mutating func admit(
        _ request: OrderRequest, kind: MarketKind, exchange: ExchangeID, accountID: Int, now: Int64
    ) throws(TradingRejection) -> (key: MarketKey, market: MarketState, account: Account) {
        let key = MarketKey(exchange: exchange, kind: kind, symbol: request.symbol)
        guard let market = market(key, now: now), let account = accounts[accountID] else { throw .unknownSymbol }
        let isMarket = request.type == .market
        do {
            try market.rules.validate(
                price: isMarket ? nil : request.price, quantity: request.quantity, referencePrice: market.mid,
                isMarket: isMarket, side: request.side)
        } catch .notionalBelowMinimum where request.reduceOnly && kind == .perpetual {
            // Reduce-only orders may be smaller than the minimum notional.
        } catch {
            throw .filter(error)
        }
        if let quote = request.quoteQuantity, quote < market.rules.minNotional { throw .filter(.notionalBelowMinimum) }
        if hasOpenOrder(accountID: accountID, kind: kind, symbol: request.symbol, clientOrderID: request.clientOrderID) {
            throw .duplicateClientOrderID
        }
        return (key, market, account)
    }

    /// Books a new order's taker side: stores it, takes its fills off the ladder, books them with `book` (spot
    /// balances or perpetual position), and expires what is left of an order that may not rest (IOC, FOK, market).
    mutating func bookTakerFills(
        _ order: SimulatedOrder, fills: [LadderFill], key: MarketKey, rests: Bool, accountID: Int,
        book: (inout EngineState, SimulatedOrder) -> [SimulatedTrade]
    ) -> PlacedOrder {
        accounts[accountID]?.store(order)
        for fill in fills { markets[key]?.consume(side: order.side, level: fill.level, quantity: fill.quantity) }
        let trades = book(&self, order)
        var booked = accounts[accountID]?.orders[order.id] ?? order
        if !rests, booked.status.isOpen {
            booked.status = .expired
            accounts[accountID]?.store(booked)
        }
        return PlacedOrder(order: booked, fills: trades)
    }
}
