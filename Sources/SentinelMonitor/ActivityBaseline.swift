import SentinelCore

/// What the previous poll of a key saw, kept between runs so that a change (a permission that appeared, a whitelist
/// that vanished, a balance that moved, a new withdrawal) is reported once. Holds no secret.
public struct ActivityBaseline: Sendable, Hashable, Codable {
    public var observedAt: Int64
    public var withdraw: Bool?
    public var transfer: Bool?
    public var reportedPermissions: [String]?
    public var ipRestricted: Bool?
    public var ipWhitelist: [String]?
    /// `product/asset` → total, as decimal text.
    public var balances: [String: String]
    /// Withdrawals already reported (the newest few hundred).
    public var withdrawalIDs: [String]
    /// Finished orders from the order history already reported (the newest few hundred); nil in older files.
    public var reportedOrderIDs: [String]?
    /// A Sentinel order was open at the time: its fills explain balance moves until the next poll.
    public var sentinelOrdersOpen: Bool

    public init(
        observedAt: Int64, withdraw: Bool?, transfer: Bool?, reportedPermissions: [String]?, ipRestricted: Bool?,
        ipWhitelist: [String]?, balances: [String: String], withdrawalIDs: [String], reportedOrderIDs: [String]? = nil,
        sentinelOrdersOpen: Bool
    ) {
        self.observedAt = observedAt
        self.withdraw = withdraw
        self.transfer = transfer
        self.reportedPermissions = reportedPermissions
        self.ipRestricted = ipRestricted
        self.ipWhitelist = ipWhitelist
        self.balances = balances
        self.withdrawalIDs = withdrawalIDs
        self.reportedOrderIDs = reportedOrderIDs
        self.sentinelOrdersOpen = sentinelOrdersOpen
    }

    static let keptWithdrawalIDs = 500
    static let keptOrderIDs = 500

    static func balanceKey(_ product: Product, _ asset: String) -> String { "\(product.rawValue)/\(asset)" }
}
