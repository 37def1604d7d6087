import SentinelCore

/// Everything a Binance handler gets: the listener, the environment, the parameters, the key (for signed
/// endpoints) and the time; handlers add headers (order counts) through it.
struct BinanceCall: Sendable {
    let flavor: BinanceFlavor
    let environment: EnvironmentKind
    let parameters: BinanceParameters
    var key: SimulatedAPIKey?
    let now: Int64
    var responseHeaders: [(String, String)] = []

    /// The key's account; signed handlers only run after authentication, so it exists.
    var accountID: Int { key?.accountID ?? -1 }

    /// Counts `orders` new orders against the account's windows and adds the `X-MBX-ORDER-COUNT-*` headers.
    mutating func admitOrders(_ orders: Int, state: inout EngineState) throws(BinanceError) {
        let limiterKey = "\(flavor.listenerName)|\(accountID)"
        var limiter = state.orderLimiters[limiterKey] ?? OrderRateLimiter(limits: flavor.orderLimits)
        let verdict = limiter.admit(orders: orders, at: now, enforce: state.enforcesRateLimits)
        state.orderLimiters[limiterKey] = limiter
        switch verdict {
        case .allowed(let counts):
            for (label, count) in counts.sorted(by: { $0.key < $1.key }) {
                responseHeaders.append(("X-MBX-ORDER-COUNT-\(label)", String(count)))
            }
        case .rejected(let label, let limit, let retryAfter):
            throw .tooManyOrders(limit: limit, label: label, retryAfter: retryAfter)
        }
    }

    /// Spot counts unfilled orders: one that filled (partly or fully) on arrival is given back to the windows.
    func giveBackFilledOrder(state: inout EngineState) {
        state.orderLimiters["\(flavor.listenerName)|\(accountID)"]?.giveBack(orders: 1, at: now)
    }

    /// The open orders of the account on `symbol` and the exchange's cap on them (MAX_NUM_ORDERS, 200 here).
    func checkOpenOrderCap(symbol: String, kind: MarketKind, state: EngineState) throws(BinanceError) {
        let open = state.accounts[accountID]?.openOrders(symbol: symbol, kind: kind).count ?? 0
        guard open >= Self.maxOpenOrders else { return }
        throw flavor == .usdm
            ? BinanceError(status: 400, code: -2025, message: "Reach max open order limit.")
            : .filterFailure("MAX_NUM_ORDERS")
    }

    static let maxOpenOrders = 200

    /// The market named by the `symbol` parameter on this listener.
    func market(_ state: inout EngineState, symbol: String? = nil) throws(BinanceError) -> MarketState {
        let name: String
        if let symbol { name = symbol } else { name = try parameters.required("symbol") }
        guard let market = state.market(MarketKey(exchange: flavor.exchange, kind: flavor.kind, symbol: name), now: now)
        else { throw .invalidSymbol }
        return market
    }

    /// All markets of this listener, brought up to now.
    func allMarkets(_ state: inout EngineState) -> [MarketState] {
        state.marketKeys(exchange: flavor.exchange, kind: flavor.kind).compactMap { state.market($0, now: now) }
    }
}

typealias BinanceHandler = @Sendable (inout BinanceCall, inout EngineState) throws(BinanceError) -> JSONValue

/// One REST endpoint: its weight (which may depend on the parameters), what the key must allow, and the handler.
struct BinanceEndpoint: Sendable {
    let method: String
    let path: String
    let security: BinanceSecurity
    /// Environments other than live where the endpoint exists (the spot testnet has no `/sapi`).
    var testnet = true
    let weight: @Sendable (BinanceParameters) -> Int
    let handler: BinanceHandler

    init(
        _ method: String, _ path: String, _ security: BinanceSecurity, testnet: Bool = true,
        weight: @escaping @Sendable (BinanceParameters) -> Int, handler: @escaping BinanceHandler
    ) {
        self.method = method
        self.path = path
        self.security = security
        self.testnet = testnet
        self.weight = weight
        self.handler = handler
    }

    init(
        _ method: String, _ path: String, _ security: BinanceSecurity, testnet: Bool = true, weight: Int,
        handler: @escaping BinanceHandler
    ) {
        self.init(method, path, security, testnet: testnet, weight: { _ in weight }, handler: handler)
    }

    /// Weight `withSymbol` when a `symbol` parameter is present, else `without`.
    static func bySymbol(_ withSymbol: Int, _ without: Int) -> @Sendable (BinanceParameters) -> Int {
        { $0["symbol"] == nil ? without : withSymbol }
    }
}
