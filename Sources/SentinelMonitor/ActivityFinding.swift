import SentinelCore

/// One thing the exchange says happened on a key that Sentinel did not do, or a state of the key that needs a
/// person: with the evidence (ids, times, amounts) and what to do.
public struct ActivityFinding: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// An open order whose client id is neither Sentinel's nor a declared other bot's.
        case foreignOrder = "foreign-order"
        /// A filled (or partly filled) order from the order history whose client id is not Sentinel's.
        case foreignFill = "foreign-fill"
        /// An open order with a Sentinel client id that this machine's journal does not know.
        case unknownSentinelOrder = "unknown-sentinel-order"
        case withdrawal
        case withdrawPermission = "withdraw-permission"
        case transferPermission = "transfer-permission"
        case permissionsChanged = "permissions-changed"
        case ipWhitelistRemoved = "ip-whitelist-removed"
        case ipWhitelistChanged = "ip-whitelist-changed"
        case noIPWhitelist = "no-ip-whitelist"
        case keyExpired = "key-expired"
        case keyExpiring = "key-expiring"
        case rotationDue = "rotation-due"
        case balanceMoved = "balance-moved"
    }

    public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        case info
        case warning
        case critical

        private var rank: Int {
            switch self {
            case .info: 0
            case .warning: 1
            case .critical: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var kind: Kind
    public var severity: Severity
    /// The key's vault name, or its fingerprint when it is not in the vault.
    public var key: String
    public var exchange: ExchangeID
    public var summary: String
    public var evidence: [Diagnosis.Evidence]
    public var fix: [String]
    /// When the poll that found it ran, Unix ms.
    public var observedAt: Int64
    /// What the finding is about (an order id, a withdrawal id, an asset): with `kind`, the finding's identity, so
    /// that a watch reports each once.
    public var subject: String

    public init(
        kind: Kind, severity: Severity, key: String, exchange: ExchangeID, summary: String,
        evidence: [Diagnosis.Evidence], fix: [String], observedAt: Int64, subject: String
    ) {
        self.kind = kind
        self.severity = severity
        self.key = key
        self.exchange = exchange
        self.summary = summary
        self.evidence = evidence
        self.fix = fix
        self.observedAt = observedAt
        self.subject = subject
    }

    public var identity: String { "\(key)|\(kind.rawValue)|\(subject)" }
}

extension ActivityFinding {
    /// `observedAt` in UTC ISO 8601, as findings print it.
    public var observedAtText: String { TimeText.utc(observedAt) }
}
