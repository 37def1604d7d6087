import SentinelCore

/// One market's live state: its rules, its price process and what takers consumed from the current ladder.
/// Consumed liquidity comes back whenever the ladder is rebuilt around a new price (a step of the walk that moves
/// it, or a price set through the admin API); a market held at one price stays as takers left it.
struct MarketState: Sendable {
    let rules: MarketRules
    private(set) var process: PriceProcess
    private(set) var consumedBids: [Int: Quantity] = [:]
    private(set) var consumedAsks: [Int: Quantity] = [:]
    /// Grows with every change of the book, for depth snapshots' `lastUpdateId`.
    private(set) var updateID: Int64 = 1_000_000
    /// The session's open, high and low, for 24-hour tickers.
    private(set) var openPrice: Price
    private(set) var highPrice: Price
    private(set) var lowPrice: Price
    private(set) var tradedVolume: Quantity = .zero
    private(set) var tradedQuote: Amount = .zero
    private(set) var tradeCount: Int64 = 0
    /// Candles for klines: the recorded walk and fills, and a synthetic past before the origin.
    private(set) var candles: CandleHistory

    init(rules: MarketRules, seed: UInt64, origin: Int64) {
        self.rules = rules
        var mixer = SeededGenerator(seed: seed ^ Self.stableHash(rules.symbol))
        process = PriceProcess(initialPrice: rules.initialPrice, tick: rules.tickSize, seed: mixer.next(), origin: origin)
        openPrice = rules.initialPrice
        highPrice = rules.initialPrice
        lowPrice = rules.initialPrice
        candles = CandleHistory(
            origin: origin, startPrice: rules.initialPrice.value, tick: rules.tickSize.value, seed: mixer.next())
    }

    var mid: Price { process.price }

    var ladder: LiquidityLadder {
        LiquidityLadder(rules: rules, mid: mid, consumedBids: consumedBids, consumedAsks: consumedAsks)
    }

    /// Brings the price and the ladder up to `now`. Returns true when the price moved (resting orders may cross).
    mutating func advance(to now: Int64) -> Bool {
        let moved = process.advance(to: now)
        if moved {
            consumedBids = [:]
            consumedAsks = [:]
            updateID += 1
            record(price: mid)
            candles.record(price: mid.value, at: now)
        }
        return moved
    }

    mutating func pin(at price: Price, time: Int64) {
        process.pin(at: price)
        consumedBids = [:]
        consumedAsks = [:]
        updateID += 1
        record(price: price)
        candles.record(price: price.value, at: time)
    }

    /// Takes `quantity` from ladder level `level` (1-based) on the side a taker of `side` trades against.
    mutating func consume(side: OrderSide, level: Int, quantity: Quantity) {
        if side == .buy {
            consumedAsks[level] = (try? (consumedAsks[level] ?? .zero).adding(quantity)) ?? quantity
        } else {
            consumedBids[level] = (try? (consumedBids[level] ?? .zero).adding(quantity)) ?? quantity
        }
        updateID += 1
    }

    mutating func recordTrade(price: Price, quantity: Quantity, time: Int64) {
        candles.record(trade: price.value, quantity: quantity.value, at: time)
        tradeCount += 1
        tradedVolume = (try? tradedVolume.adding(quantity)) ?? tradedVolume
        if let quote = try? price.notional(of: quantity) { tradedQuote = (try? tradedQuote.adding(quote)) ?? tradedQuote }
        record(price: price)
    }

    private mutating func record(price: Price) {
        if price > highPrice { highPrice = price }
        if price < lowPrice { lowPrice = price }
    }

    /// FNV-1a, stable across runs (Swift's `Hasher` is randomly seeded per process).
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
