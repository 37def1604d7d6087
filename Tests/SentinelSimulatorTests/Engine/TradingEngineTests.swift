import SentinelCore
import Testing
@testable import SentinelSimulator

/// The engine without HTTP: one account, a pinned market.
@Suite struct SpotTradingEngineTests {
    func engine() -> (EngineState, Int) {
        var state = EngineState(seed: 1, origin: 0)
        let specification = try! KeySpecification(
            exchange: "binance", permissions: ["read", "trade"], ipWhitelist: [], expiresAt: nil, environment: "live",
            keyType: "hmac", publicKey: nil)
        let key = state.createKey(specification, now: 0)
        try! state.setPrice(MarketKey(exchange: .binance, kind: .spot, symbol: "BTCUSDT"), price: .literal("65000.00"), now: 0)
        try! state.setPrice(MarketKey(exchange: .binance, kind: .perpetual, symbol: "BTCUSDT"), price: .literal("65000.00"), now: 0)
        return (state, state.keys.key(key.apiKey)!.accountID)
    }

    func limit(_ side: OrderSide, _ price: String, _ quantity: String, _ tif: TimeInForce = .goodTillCancel, id: String = "c1")
        -> OrderRequest
    {
        OrderRequest(
            symbol: "BTCUSDT", side: side, type: .limit, timeInForce: tif, price: .literal(price),
            quantity: .literal(quantity), quoteQuantity: nil, clientOrderID: id)
    }

    @Test func restingBuyLocksAndCancelReleases() throws {
        var (state, account) = engine()
        let placed = try state.placeSpotOrder(exchange: .binance, accountID: account, request: limit(.buy, "60000", "0.1"), now: 1)
        #expect(placed.order.status == .new)
        #expect(state.accounts[account]?.spot["USDT"] == SpotBalance(free: 4000, locked: 6000))
        _ = try state.cancelOrder(accountID: account, kind: .spot, symbol: "BTCUSDT", lookup: .clientOrderID("c1"), now: 2)
        #expect(state.accounts[account]?.spot["USDT"] == SpotBalance(free: 10_000, locked: 0))
    }

    @Test func crossingLimitFillsPartiallyAndRests() throws {
        var (state, account) = engine()
        let placed = try state.placeSpotOrder(exchange: .binance, accountID: account, request: limit(.buy, "65001.00", "0.1"), now: 1)
        #expect(placed.order.status == .partiallyFilled)
        #expect(placed.order.executedQuantity == .literal("0.06"))
        #expect(placed.fills.count == 2)
        let usdt = try #require(state.accounts[account]?.spot["USDT"])
        // Locked: the resting 0.04 at its limit; spent: 0.02 × 65000.50 + 0.04 × 65001.00.
        #expect(usdt.locked == .literal("2600.04"))
        #expect(usdt.free == ExactDecimal(10_000) - .literal("1300.01") - .literal("2600.04") - .literal("2600.04"))
        #expect(state.accounts[account]?.spot["BTC"]?.free == .literal("1.05994"))
    }

    @Test func fillOrKillAllOrNothing() throws {
        var (state, account) = engine()
        let placed = try state.placeSpotOrder(
            exchange: .binance, accountID: account, request: limit(.buy, "65001.00", "0.1", .fillOrKill), now: 1)
        #expect(placed.order.status == .expired)
        #expect(placed.order.executedQuantity == .zero)
        #expect(state.accounts[account]?.spot["USDT"]?.free == 10_000)
    }

    @Test func postOnlyThatWouldTakeIsRejected() {
        var (state, account) = engine()
        #expect(throws: TradingRejection.postOnlyWouldTake) {
            try state.placeSpotOrder(exchange: .binance, accountID: account, request: limit(.buy, "65001.00", "0.01", .postOnly), now: 1)
        }
    }

    @Test func duplicateOpenClientIDIsRejected() throws {
        var (state, account) = engine()
        _ = try state.placeSpotOrder(exchange: .binance, accountID: account, request: limit(.buy, "60000", "0.01"), now: 1)
        #expect(throws: TradingRejection.duplicateClientOrderID) {
            try state.placeSpotOrder(exchange: .binance, accountID: account, request: limit(.buy, "60000", "0.01"), now: 2)
        }
    }

    @Test func insufficientBalance() {
        var (state, account) = engine()
        #expect(throws: TradingRejection.insufficientBalance) {
            try state.placeSpotOrder(exchange: .binance, accountID: account, request: limit(.buy, "60000", "1"), now: 1)
        }
    }

    @Test func restingOrderFillsWhenTheMarketMovesThroughIt() throws {
        var (state, account) = engine()
        _ = try state.placeSpotOrder(exchange: .binance, accountID: account, request: limit(.sell, "66000", "0.5"), now: 1)
        try state.setPrice(MarketKey(exchange: .binance, kind: .spot, symbol: "BTCUSDT"), price: .literal("66500"), now: 2)
        let order = try #require(state.findOrder(accountID: account, kind: .spot, symbol: "BTCUSDT", lookup: .clientOrderID("c1")))
        #expect(order.status == .filled)
        #expect(state.accounts[account]?.spot["BTC"] == SpotBalance(free: .literal("0.5"), locked: 0))
        // 0.5 × 66000 = 33000, less 0.1 % commission.
        #expect(state.accounts[account]?.spot["USDT"]?.free == .literal("42967"))
    }

    @Test func perpetualPositionOpensAndClosesWithReduceOnly() throws {
        var (state, account) = engine()
        let open = OrderRequest(
            symbol: "BTCUSDT", side: .buy, type: .market, timeInForce: .goodTillCancel, price: nil,
            quantity: .literal("0.01"), quoteQuantity: nil, clientOrderID: "open")
        _ = try state.placePerpetualOrder(exchange: .binance, accountID: account, request: open, now: 1)
        var snapshot = try #require(state.perpetualSnapshot(accountID: account, exchange: .binance))
        let line = try #require(snapshot.positions.first { $0.symbol == "BTCUSDT" })
        #expect(line.position.amount == .literal("0.01"))
        #expect(line.position.entryPrice == .literal("65000.5"))
        try state.setPrice(MarketKey(exchange: .binance, kind: .perpetual, symbol: "BTCUSDT"), price: .literal("66000"), now: 2)
        snapshot = try #require(state.perpetualSnapshot(accountID: account, exchange: .binance))
        #expect(snapshot.unrealizedProfit == .literal("9.995"))
        var close = open
        close.side = .sell
        close.reduceOnly = true
        close.clientOrderID = "close"
        _ = try state.placePerpetualOrder(exchange: .binance, accountID: account, request: close, now: 3)
        #expect(state.accounts[account]?.positions["BTCUSDT"]?.isFlat == true)
        // Realised (65999.5 − 65000.5) × 0.01 = 9.99, less taker fees on both fills.
        let wallet = try #require(state.accounts[account]?.futuresWallet)
        #expect(wallet == ExactDecimal(10_000) + .literal("9.99") - .literal("0.32500250") - .literal("0.32999750"))
        #expect(throws: TradingRejection.reduceOnlyWouldIncrease) {
            try state.placePerpetualOrder(exchange: .binance, accountID: account, request: close, now: 4)
        }
    }

    @Test func marginIsChecked() {
        var (state, account) = engine()
        let big = OrderRequest(
            symbol: "BTCUSDT", side: .buy, type: .limit, timeInForce: .goodTillCancel, price: .literal("64000"),
            quantity: .literal("5"), quoteQuantity: nil, clientOrderID: "big")
        #expect(throws: TradingRejection.insufficientMargin) {
            try state.placePerpetualOrder(exchange: .binance, accountID: account, request: big, now: 1)
        }
    }
}

@Suite struct PerpetualPositionTests {
    @Test func averagesAndFlips() {
        var position = PerpetualPosition()
        _ = position.apply(side: .buy, quantity: 1, price: 100, at: 1)
        _ = position.apply(side: .buy, quantity: 1, price: 110, at: 2)
        #expect(position.entryPrice == 105)
        let realized = position.apply(side: .sell, quantity: 3, price: 120, at: 3)
        #expect(realized == 30)
        #expect(position.amount == -1)
        #expect(position.entryPrice == 120)
        #expect(position.unrealizedProfit(mark: 110) == 10)
    }
}
