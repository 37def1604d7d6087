import SentinelCore

/// The checks of `sentinel doctor`, in the order they run (design.md §2).
public enum DoctorCheckID: String, Sendable, CaseIterable, Codable {
    case credentials
    case environment
    case clock
    case auth
    case permissionsRead = "permissions.read"
    case permissionsTrade = "permissions.trade"
    case permissionsWithdraw = "permissions.withdraw"
    case permissionsTransfer = "permissions.transfer"
    case ipWhitelist = "ip-whitelist"
    case expiry
    case readTest = "read-test"
    case orderTest = "order-test"
    case positionTest = "position-test"
    case reconnectTest = "reconnect-test"
}

public enum CheckStatus: String, Sendable, Codable {
    case pass, warn, fail, skip
}

/// One line of the report: what was checked, how it went, what shows it, and what to do.
public struct DoctorCheck: Sendable, Codable, Hashable {
    public let id: DoctorCheckID
    public let status: CheckStatus
    public let summary: String
    public let evidence: [String: String]
    public let fix: [String]

    public init(
        _ id: DoctorCheckID, _ status: CheckStatus, _ summary: String, evidence: [String: String] = [:],
        fix: [String] = []
    ) {
        self.id = id
        self.status = status
        self.summary = summary
        self.evidence = evidence
        self.fix = fix
    }

    /// A failed or warning check built from an error's diagnosis.
    static func from(
        _ id: DoctorCheckID, _ status: CheckStatus, _ error: SentinelError, summary: String? = nil,
        extraEvidence: [String: String] = [:]
    ) -> DoctorCheck {
        var evidence = Dictionary(
            error.diagnosis.evidence.map { ($0.label, $0.value) }, uniquingKeysWith: { first, _ in first })
        if let code = error.exchangeCode { evidence["exchange code"] = code }
        evidence.merge(extraEvidence) { _, new in new }
        return DoctorCheck(id, status, summary ?? error.diagnosis.cause, evidence: evidence, fix: error.diagnosis.fix)
    }
}

/// The doctor's whole answer (`--json` prints it as is).
public struct DoctorReport: Sendable, Codable {
    public let key: String
    public let exchange: String
    public let ok: Bool
    public let checks: [DoctorCheck]

    public init(key: String, exchange: String, checks: [DoctorCheck]) {
        self.key = key
        self.exchange = exchange
        self.checks = checks
        self.ok = !checks.contains { $0.status == .fail }
    }

    public func check(_ id: DoctorCheckID) -> DoctorCheck? { checks.first { $0.id == id } }
}
