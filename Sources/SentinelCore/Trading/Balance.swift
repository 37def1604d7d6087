/// What an account holds of one asset.
public struct Balance: Sendable, Hashable, Codable {
    public var asset: String
    /// Available to trade or withdraw.
    public var free: Amount
    /// Held by open orders or margin.
    public var locked: Amount

    public init(asset: String, free: Amount, locked: Amount) {
        self.asset = asset
        self.free = free
        self.locked = locked
    }

    public var total: Amount { (try? free.adding(locked)) ?? free }
}
