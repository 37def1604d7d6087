/// Every failure Sentinel reports: a kind that code can switch on, and a `Diagnosis` a person can act on.
public struct SentinelError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Key unknown, signature wrong, passphrase wrong, key expired or disabled.
        case authentication
        /// The key is valid but lacks the permission for this action, or the IP is not whitelisted.
        case permissionDenied
        /// The request's timestamp is outside the exchange's window (clock drift).
        case invalidTimestamp
        /// Too many requests or orders; wait `retryAfter`.
        case rateLimited
        /// The exchange banned this IP for a while after repeated rate-limit breaches.
        case ipBanned
        case insufficientFunds
        /// Rejected by the exchange's rules: tick, step, minimum size or notional, price band, post-only would take.
        case invalidOrder
        case orderNotFound
        /// A client order id that is already in use.
        case duplicateOrder
        /// Could not reach the exchange, or the connection broke.
        case network
        /// The exchange answered with a server error or maintenance.
        case exchangeUnavailable
        /// The exchange's answer could not be understood.
        case badResponse
        /// The exchange, product, environment or feature does not exist or is not supported.
        case unsupported
        /// The input given to Sentinel is wrong: a malformed key, a bad number, a body that is not JSON.
        case invalidInput
        /// The request may or may not have taken effect (timeout after sending an order): ask before retrying.
        case ambiguousOutcome
    }

    public let kind: Kind
    public let diagnosis: Diagnosis
    /// The exchange's own error code, when it gave one (`-1021`, `10002`, `50105`).
    public let exchangeCode: String?
    /// Seconds to wait before trying again (rate limits and bans).
    public let retryAfterSeconds: Int?
    /// The address the exchange says the refused request came from, where it says so (an IP not on the key's
    /// whitelist). Filled by each exchange's error mapper, so the doctor can name the IP to add.
    public let requestIP: String?

    public init(
        _ kind: Kind, _ diagnosis: Diagnosis, exchangeCode: String? = nil, retryAfterSeconds: Int? = nil,
        requestIP: String? = nil
    ) {
        self.kind = kind
        self.diagnosis = diagnosis
        self.exchangeCode = exchangeCode
        self.retryAfterSeconds = retryAfterSeconds
        self.requestIP = requestIP
    }

    /// A bad-input error in one line, with the steps that fix it.
    public static func invalidInput(_ cause: String, evidence: [Diagnosis.Evidence] = [], fix: [String]) -> Self {
        SentinelError(.invalidInput, Diagnosis(cause: cause, evidence: evidence, fix: fix))
    }

    public var description: String {
        let code = exchangeCode.map { " (exchange code \($0))" } ?? ""
        return "\(kind.rawValue)\(code): \(diagnosis)"
    }
}
