import SentinelCore
import SentinelExchanges
import SentinelNet
import Synchronization

/// An exchange client whose answers a test sets: enough of an exchange for the doctor's logic.
final class FakeExchangeClient: ExchangeClient {
    struct Behaviour: Sendable {
        var authError: SentinelError? = nil
        var permissions: KeyPermissions? = KeyPermissions(
            read: true, spotTrade: true, futuresTrade: true, withdraw: false, transfer: false, ipRestricted: true)
        var clockOffsetMs: Int64 = 12
        var cancelFails = false
        var placeError: SentinelError? = nil
        var unreachable = false
        /// After `dropConnections()`, every request fails with this (a client that cannot reconnect).
        var failsAfterDrop: SentinelError? = nil
    }

    let venue: Venue
    let behaviour: Behaviour
    private let state = Mutex<[String: Order]>([:])
    private let position = Mutex<ExactDecimal>(.zero)
    private let drops = Mutex(0)
    private let placements = Mutex(0)
    let market = Market(
        symbol: UnifiedSymbol("BTC/USDT")!, nativeSymbol: "BTCUSDT", product: .spot, isTrading: true,
        rules: MarketRules(
            tickSize: try! Price("0.01"), stepSize: try! Quantity("0.00001"), minQuantity: try! Quantity("0.00001"),
            minNotional: try! Amount("5"), percentPriceUp: 5, percentPriceDown: try! ExactDecimal("0.2")))

    init(venue: Venue, behaviour: Behaviour) {
        self.venue = venue
        self.behaviour = behaviour
    }

    var openOrderCount: Int { state.withLock { $0.values.filter { !$0.status.isFinal }.count } }
    /// How often the connections were dropped.
    var dropCount: Int { drops.withLock { $0 } }
    /// How many orders were placed (accepted or not).
    var placementCount: Int { placements.withLock { $0 } }

    private func authorized() throws(SentinelError) {
        try reachable()
        if let error = behaviour.authError { throw error }
    }

    private func reachable() throws(SentinelError) {
        if let error = behaviour.failsAfterDrop, dropCount > 0 { throw error }
    }

    func serverTime() async throws(SentinelError) -> Int64 {
        if behaviour.unreachable { throw SentinelError(.network, Diagnosis(cause: "Could not reach the exchange.")) }
        try reachable()
        return 1
    }

    func synchronizeClock() async throws(SentinelError) -> ClockEstimate {
        ClockEstimate(offsetMs: behaviour.clockOffsetMs, roundTripMs: 4, errorBoundMs: 2, samples: 5, measuredAtMs: 1)
    }

    var clock: ClockEstimate { get async { .unsynchronized } }

    func markets() async throws(SentinelError) -> [Market] {
        venue.product == .spot ? [market] : [Market(
            symbol: UnifiedSymbol("BTC/USDT:USDT")!, nativeSymbol: "BTCUSDT", product: .linear, isTrading: true,
            rules: market.rules)]
    }

    func balances() async throws(SentinelError) -> [Balance] {
        try authorized()
        return [Balance(asset: "USDT", free: try! Amount("1000"), locked: .zero)]
    }

    func positions() async throws(SentinelError) -> [Position] {
        try authorized()
        let size = position.withLock { $0 }
        guard !size.isZero else { return [] }
        return [Position(symbol: UnifiedSymbol("BTC/USDT:USDT")!, size: size, entryPrice: try! Price("30000"),
                         markPrice: nil, unrealizedPnl: .zero, liquidationPrice: nil, leverage: nil)]
    }

    func ticker(_ symbol: UnifiedSymbol) async throws(SentinelError) -> Ticker {
        Ticker(symbol: symbol, bid: try! Price("29999.99"), ask: try! Price("30000.01"), last: try! Price("30000"))
    }

    func placeOrder(_ request: OrderRequest) async throws(SentinelError) -> Order {
        placements.withLock { $0 += 1 }
        try authorized()
        if let error = behaviour.placeError { throw error }
        try market.rules.validate(request, referencePrice: try! Price("30000"))
        if request.type == .market {
            position.withLock { size in
                size = (try? request.side == .buy ? size.adding(request.quantity.value) : size.subtracting(request.quantity.value)) ?? size
            }
        }
        let order = Order(
            symbol: request.symbol, id: String(request.clientOrderID.rawValue.hashValue), clientOrderID: request.clientOrderID.rawValue,
            side: request.side, type: request.type, status: request.type == .market ? .filled : .new, price: request.price,
            quantity: request.quantity, filledQuantity: .zero, averagePrice: nil, timeInForce: .gtc,
            postOnly: request.postOnly, reduceOnly: request.reduceOnly, createdAt: nil, updatedAt: nil)
        state.withLock { $0[request.clientOrderID.rawValue] = order }
        return order
    }

    func placeOrders(_ requests: [OrderRequest]) async throws(SentinelError) -> [Result<Order, SentinelError>] {
        var results: [Result<Order, SentinelError>] = []
        for request in requests {
            do { results.append(.success(try await placeOrder(request))) } catch { results.append(.failure(error)) }
        }
        return results
    }

    func cancelOrder(symbol: UnifiedSymbol, _ reference: OrderReference) async throws(SentinelError) -> Order {
        if behaviour.cancelFails { throw SentinelError(.exchangeUnavailable, Diagnosis(cause: "cancel failed")) }
        guard case .clientOrderID(let id) = reference, var order = state.withLock({ $0[id] }) else {
            throw SentinelError(.orderNotFound, Diagnosis(cause: "no such order"))
        }
        order.status = .canceled
        state.withLock { [order] in $0[id] = order }
        return order
    }

    func cancelAllOrders(symbol: UnifiedSymbol) async throws(SentinelError) -> Int { 0 }

    func order(symbol: UnifiedSymbol, _ reference: OrderReference) async throws(SentinelError) -> Order {
        guard case .clientOrderID(let id) = reference, let order = state.withLock({ $0[id] }) else {
            throw SentinelError(.orderNotFound, Diagnosis(cause: "no such order"))
        }
        return order
    }

    func openOrders(symbol: UnifiedSymbol?) async throws(SentinelError) -> [Order] {
        try authorized()
        return state.withLock { orders in
            orders.values.filter { !$0.status.isFinal && (symbol == nil || $0.symbol == symbol) }
                .sorted { ($0.clientOrderID ?? "") < ($1.clientOrderID ?? "") }
        }
    }

    func permissions() async throws(SentinelError) -> KeyPermissions {
        try authorized()
        guard let permissions = behaviour.permissions else {
            throw SentinelError(.unsupported, Diagnosis(cause: "not reported"))
        }
        return permissions
    }

    func dropConnections() async {
        drops.withLock { $0 += 1 }
    }
    func shutdown() async {}
}
