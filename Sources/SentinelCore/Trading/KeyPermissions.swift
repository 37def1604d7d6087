/// What an API key may do, as the exchange reports it, normalized across exchanges. `nil` means the exchange did
/// not say (the doctor reports that as unknown rather than guessing).
public struct KeyPermissions: Sendable, Hashable, Codable {
    public var read: Bool
    public var spotTrade: Bool
    public var futuresTrade: Bool
    public var withdraw: Bool
    public var transfer: Bool
    /// True when the key only works from whitelisted IPs.
    public var ipRestricted: Bool?
    /// The whitelisted addresses, when the exchange returns them.
    public var ipWhitelist: [String]?
    /// When trading rights or the key expire (ms since the epoch).
    public var expiresAt: Int64?
    /// When the key was created (ms since the epoch).
    public var createdAt: Int64?
    /// The exchange's own words for what the key may do, as it reported them (Bybit's permission groups such as
    /// `ContractTrade`, OKX `perm` "read_only,trade", KuCoin's `General`/`Spot`/`Futures`, Bitget's list), shown as
    /// evidence so nothing the exchange said is lost in the normalization above.
    public var reported: [String] = []
    /// The key can only read (Bybit `readOnly`, OKX `read_only` without `trade`).
    public var readOnly: Bool { read && !spotTrade && !futuresTrade && !withdraw && !transfer }

    public init(
        read: Bool, spotTrade: Bool, futuresTrade: Bool, withdraw: Bool, transfer: Bool, ipRestricted: Bool?,
        ipWhitelist: [String]? = nil, expiresAt: Int64? = nil, createdAt: Int64? = nil
    ) {
        self.read = read
        self.spotTrade = spotTrade
        self.futuresTrade = futuresTrade
        self.withdraw = withdraw
        self.transfer = transfer
        self.ipRestricted = ipRestricted
        self.ipWhitelist = ipWhitelist
        self.expiresAt = expiresAt
        self.createdAt = createdAt
    }

    public func canTrade(_ product: Product) -> Bool {
        product == .spot ? spotTrade : futuresTrade
    }
}
