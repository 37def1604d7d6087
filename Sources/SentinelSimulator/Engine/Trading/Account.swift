import SentinelCore

/// A spot balance: what can be used now and what open orders hold.
struct SpotBalance: Sendable, Equatable {
    var free: ExactDecimal
    var locked: ExactDecimal
}

/// The account behind one key: spot balances, a USDT-margined futures wallet with one-way positions, and the
/// orders and fills of both.
struct Account: Sendable {
    let id: Int
    let exchange: ExchangeID
    var spot: [String: SpotBalance]
    var futuresWallet: ExactDecimal
    /// By `positionKey`: the symbol in one-way mode, the symbol and leg in hedge mode.
    var positions: [String: PerpetualPosition] = [:]
    var leverage: [String: Int] = [:]
    /// Hedge mode: a long and a short leg per symbol (Binance dualSidePosition).
    var hedgeMode = false
    /// Symbols margined in isolation; the others share the cross margin.
    var isolatedSymbols: Set<String> = []
    var multiAssetsMargin = false
    /// Every order of the account; change them through `store` so that the indexes stay right.
    private(set) var orders: [Int64: SimulatedOrder] = [:]
    private(set) var openOrderIDs: Set<Int64> = []
    /// The newest order per (product, symbol, client id): lookups by client id without a scan.
    private var latestOrderIDByClientID: [String: Int64] = [:]
    var trades: [SimulatedTrade] = []
    /// Conditional orders waiting for their trigger (and those that have fired or were cancelled), by algo id.
    var algoOrders: [Int64: AlgoOrder] = [:]
    /// Coins that left the account, oldest first.
    var withdrawals: [WithdrawalRecord] = []
    var updatedAt: Int64

    static let defaultLeverage = 20

    /// Every new key's account starts with this much play money.
    static func funded(id: Int, exchange: ExchangeID, now: Int64) -> Account {
        Account(
            id: id, exchange: exchange,
            spot: [
                "USDT": SpotBalance(free: 10_000, locked: .zero),
                "BTC": SpotBalance(free: 1, locked: .zero),
                "ETH": SpotBalance(free: 10, locked: .zero),
            ],
            futuresWallet: 10_000, updatedAt: now)
    }

    func free(_ asset: String) -> ExactDecimal { spot[asset]?.free ?? .zero }

    static func positionKey(_ symbol: String, _ side: PositionSide) -> String {
        side == .both ? symbol : symbol + "#" + side.rawValue
    }

    /// The legs a symbol's positions are kept in: one, or long and short in hedge mode.
    var positionSides: [PositionSide] { hedgeMode ? [.long, .short] : [.both] }

    mutating func credit(_ asset: String, _ amount: ExactDecimal) {
        spot[asset, default: SpotBalance(free: .zero, locked: .zero)].free = free(asset) + amount
    }

    mutating func lock(_ asset: String, _ amount: ExactDecimal) {
        var balance = spot[asset, default: SpotBalance(free: .zero, locked: .zero)]
        balance.free = balance.free - amount
        balance.locked = balance.locked + amount
        spot[asset] = balance
    }

    mutating func unlock(_ asset: String, _ amount: ExactDecimal) {
        lock(asset, amount.negated())
    }

    /// Takes `amount` out of the locked part (an order that held it has filled).
    mutating func spendLocked(_ asset: String, _ amount: ExactDecimal) {
        spot[asset, default: SpotBalance(free: .zero, locked: .zero)].locked =
            (spot[asset]?.locked ?? .zero) - amount
    }

    func leverage(for symbol: String) -> Int { leverage[symbol] ?? Self.defaultLeverage }

    func openOrders(symbol: String? = nil, kind: MarketKind) -> [SimulatedOrder] {
        openOrderIDs.compactMap { orders[$0] }
            .filter { $0.kind == kind && (symbol == nil || $0.symbol == symbol) }
            .sorted { $0.id < $1.id }
    }

    mutating func store(_ order: SimulatedOrder) {
        orders[order.id] = order
        if order.status.isOpen { openOrderIDs.insert(order.id) } else { openOrderIDs.remove(order.id) }
        let key = Self.clientKey(order.kind, order.symbol, order.clientOrderID)
        if (latestOrderIDByClientID[key] ?? .min) <= order.id { latestOrderIDByClientID[key] = order.id }
    }

    /// The newest order with this client id (client ids are unique among open orders, not forever).
    func latestOrder(kind: MarketKind, symbol: String, clientOrderID: String) -> SimulatedOrder? {
        latestOrderIDByClientID[Self.clientKey(kind, symbol, clientOrderID)].flatMap { orders[$0] }
    }

    private static func clientKey(_ kind: MarketKind, _ symbol: String, _ clientOrderID: String) -> String {
        "\(kind.rawValue)|\(symbol)|\(clientOrderID)"
    }
}
