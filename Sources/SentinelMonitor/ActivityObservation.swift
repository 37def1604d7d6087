import SentinelCore

/// What one poll of one key read from the exchange. A part it could not read is nil, with the reason in `unread`.
public struct ActivityObservation: Sendable, Hashable {
    public var observedAt: Int64
    public var permissions: KeyPermissions?
    /// Open orders of every product the key was polled for.
    public var openOrders: [ProductOrders]
    /// Orders from the exchange's order history (open and finished) on the symbols the poll looked at.
    public var recentOrders: [ProductOrders]
    /// Total (free + locked) per product and asset; nil when a product's balances could not be read.
    public var balances: [Product: [String: ExactDecimal]]
    /// The account's withdrawals since the poll's lookback; nil where the exchange or Sentinel cannot list them.
    public var withdrawals: [Withdrawal]?
    /// What could not be read, and why (shown, never a finding: the watcher cannot tell what it did not see).
    public var unread: [String]
    /// What this exchange or product does not let Sentinel read at all (Binance.US permissions, a withdrawal
    /// history Sentinel does not read yet): said once, so that nobody takes silence for a check.
    public var notChecked: [String]

    public struct ProductOrders: Sendable, Hashable {
        public var product: Product
        public var orders: [Order]

        public init(product: Product, orders: [Order]) {
            self.product = product
            self.orders = orders
        }
    }

    public init(
        observedAt: Int64, permissions: KeyPermissions?, openOrders: [ProductOrders], recentOrders: [ProductOrders] = [],
        balances: [Product: [String: ExactDecimal]], withdrawals: [Withdrawal]?, unread: [String] = [],
        notChecked: [String] = []
    ) {
        self.observedAt = observedAt
        self.permissions = permissions
        self.openOrders = openOrders
        self.recentOrders = recentOrders
        self.balances = balances
        self.withdrawals = withdrawals
        self.unread = unread
        self.notChecked = notChecked
    }
}
