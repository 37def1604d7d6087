import SentinelCore
import SentinelNet

/// What every connector offers, in exchange-neutral terms. Bots and the doctor talk to this and nothing else.
/// Every failure is a `SentinelError` with a `Diagnosis`.
public protocol ExchangeClient: Sendable {
    var venue: Venue { get }

    /// The exchange's clock, in Unix milliseconds.
    func serverTime() async throws(SentinelError) -> Int64
    /// Measures the clock offset and starts using it for every signed request.
    func synchronizeClock() async throws(SentinelError) -> ClockEstimate
    var clock: ClockEstimate { get async }

    func markets() async throws(SentinelError) -> [Market]
    func balances() async throws(SentinelError) -> [Balance]
    /// Open derivatives positions; empty on spot.
    func positions() async throws(SentinelError) -> [Position]
    /// The best bid and ask and the last price, for pricing orders away from the market.
    func ticker(_ symbol: UnifiedSymbol) async throws(SentinelError) -> Ticker
    /// The book's best `depth` levels a side, from the exchange's REST snapshot.
    func orderBook(_ symbol: UnifiedSymbol, depth: Int) async throws(SentinelError) -> OrderBook

    /// Places an order exactly once: checked against the market's rules, journalled, and after a timeout looked
    /// up by its client id before anything is sent again.
    func placeOrder(_ request: OrderRequest) async throws(SentinelError) -> Order
    /// Places several orders in one request where the exchange has a batch endpoint; one result per order.
    func placeOrders(_ requests: [OrderRequest]) async throws(SentinelError) -> [Result<Order, SentinelError>]
    func cancelOrder(symbol: UnifiedSymbol, _ reference: OrderReference) async throws(SentinelError) -> Order
    /// Cancels every open order on `symbol`; returns how many were open.
    func cancelAllOrders(symbol: UnifiedSymbol) async throws(SentinelError) -> Int
    func order(symbol: UnifiedSymbol, _ reference: OrderReference) async throws(SentinelError) -> Order
    func openOrders(symbol: UnifiedSymbol?) async throws(SentinelError) -> [Order]

    /// The key's permissions as the exchange reports them.
    func permissions() async throws(SentinelError) -> KeyPermissions

    /// `symbol`'s orders, open and finished, created since `sinceMs` (Unix ms), from the exchange's order history;
    /// `unsupported` where Sentinel does not read it.
    func recentOrders(symbol: UnifiedSymbol, sinceMs: Int64) async throws(SentinelError) -> [Order]
    /// The account's withdrawals since `sinceMs` (Unix ms), newest first, where the exchange lists them for this
    /// product; `unsupported` where it does not.
    func withdrawals(sinceMs: Int64) async throws(SentinelError) -> [Withdrawal]

    /// A symbol as a person typed it — unified (`BTC/USDT:USDT`) or the exchange's native id (`BTCUSDT`,
    /// `BTC-USDT-SWAP`) — resolved through the exchange's market list.
    func resolveSymbol(_ text: String) async throws(SentinelError) -> UnifiedSymbol

    /// Settles the journal's orders that an earlier run left pending or ambiguous (a crash, Ctrl-C, a lost answer)
    /// by asking the exchange by client id; returns the entries it settled.
    func reconcileJournal() async throws(SentinelError) -> [OrderJournal.Entry]

    /// Closes the client's connections; the next request must reconnect (the doctor's reconnect test).
    func dropConnections() async
    func shutdown() async
}

extension ExchangeClient {
    public func orderBook(_ symbol: UnifiedSymbol, depth: Int) async throws(SentinelError) -> OrderBook {
        throw SentinelError(
            .unsupported, Diagnosis(cause: "This \(venue.exchange.displayName) client does not read order books."))
    }

    public func reconcileJournal() async throws(SentinelError) -> [OrderJournal.Entry] { [] }

    public func recentOrders(symbol: UnifiedSymbol, sinceMs: Int64) async throws(SentinelError) -> [Order] {
        throw SentinelError(
            .unsupported, Diagnosis(cause: "This \(venue.exchange.displayName) client does not read order history."))
    }

    public func withdrawals(sinceMs: Int64) async throws(SentinelError) -> [Withdrawal] {
        throw SentinelError(
            .unsupported, Diagnosis(cause: "This \(venue.exchange.displayName) client does not read withdrawals."))
    }

    /// Unified symbols only, for clients without a market list.
    public func resolveSymbol(_ text: String) async throws(SentinelError) -> UnifiedSymbol {
        guard let symbol = UnifiedSymbol(text) else {
            throw .invalidInput(
                "\"\(text.prefix(40))\" is not a symbol.",
                fix: ["Write it as BTC/USDT (spot), BTC/USDT:USDT (linear) or BTC/USD:BTC (inverse)."])
        }
        return symbol
    }
}

/// Top of the book and the last trade.
public struct Ticker: Sendable, Hashable, Codable {
    public var symbol: UnifiedSymbol
    public var bid: Price?
    public var ask: Price?
    public var last: Price?

    public init(symbol: UnifiedSymbol, bid: Price?, ask: Price?, last: Price?) {
        self.symbol = symbol
        self.bid = bid
        self.ask = ask
        self.last = last
    }

    /// The price orders are judged against: the last trade, else the mid of the book.
    public var reference: Price? {
        if let last, last.isPositive { return last }
        guard let bid, let ask, let sum = try? bid.value.adding(ask.value),
            let mid = try? sum.divided(by: ExactDecimal(2), places: max(bid.value.scale, ask.value.scale) + 1, rounding: .halfEven)
        else { return bid ?? ask }
        return Price(mid)
    }
}
