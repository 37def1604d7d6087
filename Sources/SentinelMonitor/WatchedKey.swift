import SentinelCore

/// The key a watch is about: how findings name it, and what the vault knows of it.
public struct WatchedKey: Sendable, Hashable {
    /// The vault name, or the key's fingerprint for a key outside the vault.
    public var name: String
    public var exchange: ExchangeID
    public var products: [Product]
    /// When it was stored in the vault (Unix ms), for the rotation reminder.
    public var storedAt: Int64?
    /// True when the name is a vault entry, so that fixes can say `sentinel vault rotate NAME`.
    public var isInVault: Bool

    public init(name: String, exchange: ExchangeID, products: [Product], storedAt: Int64?, isInVault: Bool) {
        self.name = name
        self.exchange = exchange
        self.products = products
        self.storedAt = storedAt
        self.isInVault = isInVault
    }
}

/// What the order journal says Sentinel did with a key's exchange.
public struct JournalFacts: Sendable, Hashable {
    /// Every client order id Sentinel sent from this machine.
    public var clientOrderIDs: Set<String>
    /// The newest time (Unix ms) Sentinel placed or settled an order on the exchange.
    public var lastActivityAt: Int64?
    /// The symbols Sentinel traded on the exchange, per product, most recent first: where the watch reads history.
    public var symbols: [Product: [UnifiedSymbol]]

    public init(clientOrderIDs: Set<String>, lastActivityAt: Int64?, symbols: [Product: [UnifiedSymbol]] = [:]) {
        self.clientOrderIDs = clientOrderIDs
        self.lastActivityAt = lastActivityAt
        self.symbols = symbols
    }
}
