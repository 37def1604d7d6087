import SentinelCore

/// Which market: an exchange, spot or perpetual, and the exchange-native symbol.
struct MarketKey: Sendable, Hashable {
    let exchange: ExchangeID
    let kind: MarketKind
    let symbol: String
}

/// Everything the simulated exchanges know, as one value: keys, accounts, markets, faults, the clock and the
/// rate-limit windows. No I/O; `SimulatorEngine` guards it with a lock and the dialects work on it.
struct EngineState: Sendable {
    static let spotFeeRate = ExactDecimal.literal("0.001")
    static let perpetualMakerFeeRate = ExactDecimal.literal("0.0002")
    static let perpetualTakerFeeRate = ExactDecimal.literal("0.0005")

    var clock = SimulatorClock()
    var keys = KeyRegistry()
    var accounts: [Int: Account] = [:]
    var markets: [MarketKey: MarketState] = [:]
    var faults: FaultInjector
    var weightLimiters: [String: RequestWeightLimiter] = [:]
    var orderLimiters: [String: OrderRateLimiter] = [:]
    /// Requests per IP in fixed 5-minute windows (Binance RAW_REQUESTS), by listener and IP.
    var rawRequestCounters: [String: FixedWindowCounter] = [:]
    var userStreamKeys = UserStreamKeys()
    var generator: SeededGenerator
    /// When false, limits are counted (for the usage headers) but never refuse a request.
    var enforcesRateLimits = true
    var nextOrderID: Int64 = 4_000_000_001
    var nextTradeID: Int64 = 300_000_001
    var nextAccountID = 1

    init(seed: UInt64, origin: Int64) {
        generator = SeededGenerator(seed: seed)
        faults = FaultInjector(seed: seed ^ 0xFA17)
        for exchange in ExchangeID.allCases {
            for rules in MarketCatalog.markets(for: exchange) {
                markets[MarketKey(exchange: exchange, kind: rules.kind, symbol: rules.symbol)] =
                    MarketState(rules: rules, seed: seed, origin: origin)
            }
        }
    }

    var now: Int64 { clock.now() }

    // MARK: Keys

    /// Issues a key (and funds its account) as the exchange would when a user creates one.
    mutating func createKey(_ specification: KeySpecification, now: Int64) -> SimulatedKey {
        let apiKey = IssuedKeyFormat.apiKey(for: specification.exchange, &generator)
        let secret: String
        let material: KeyMaterial
        if let publicKey = specification.publicKey {
            secret = ""
            material = publicKey
        } else {
            secret = IssuedKeyFormat.secret(for: specification.exchange, &generator)
            material = .hmacSecret(secret)
        }
        let passphrase: String? =
            specification.exchange.traits.passphrase == .required
            ? generator.string(count: 16, alphabet: SeededGenerator.alphanumerics) : nil
        let accountID = nextAccountID
        nextAccountID += 1
        accounts[accountID] = Account.funded(id: accountID, exchange: specification.exchange, now: now)
        keys.add(
            SimulatedAPIKey(
                apiKey: apiKey, exchange: specification.exchange, environment: specification.environment,
                material: material, permissions: specification.permissions, ipWhitelist: specification.ipWhitelist,
                expiresAt: specification.expiresAt, createdAt: now, passphrase: passphrase, accountID: accountID))
        return SimulatedKey(apiKey: apiKey, secret: secret, passphrase: passphrase)
    }

    // MARK: Markets

    /// The market brought up to `now`: the price walk advanced and resting orders that the move crossed filled.
    mutating func market(_ key: MarketKey, now: Int64) -> MarketState? {
        guard var state = markets[key] else { return nil }
        let moved = state.advance(to: now)
        markets[key] = state
        if moved { fillCrossedRestingOrders(in: key, now: now) }
        return markets[key]
    }

    /// Moves a market and holds it at `price`; resting orders it crosses fill.
    mutating func setPrice(_ key: MarketKey, price: Price, now: Int64) throws(TradingRejection) {
        guard markets[key] != nil else { throw .unknownSymbol }
        markets[key]?.pin(at: price, time: now)
        fillCrossedRestingOrders(in: key, now: now)
    }

    func marketKeys(exchange: ExchangeID, kind: MarketKind) -> [MarketKey] {
        markets.keys.filter { $0.exchange == exchange && $0.kind == kind }.sorted { $0.symbol < $1.symbol }
    }

    mutating func takeOrderID() -> Int64 {
        defer { nextOrderID += 1 }
        return nextOrderID
    }

    mutating func takeTradeID() -> Int64 {
        defer { nextTradeID += 1 }
        return nextTradeID
    }
}
