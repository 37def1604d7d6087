import SentinelCore

/// Places one order exactly once, without doing I/O.
///
/// The rule (design.md §3): a timeout on an order is an ambiguous outcome, not a failure. After any answer that
/// leaves the outcome unknown, the exchange is asked by client order id before the order is ever sent again.
///
/// "No such order" alone does not make a resend safe: the first request may still be on its way, and exchanges only
/// refuse a reused client id while the first order is open (a filled market or IOC order does not block a second
/// one on Binance). A resend is safe only when the exchange says "no such order" at a server time past the first
/// request's validity window — its timestamp plus the exchange's window (`recvWindow`, `expTime`, …) — because after
/// that the exchange itself refuses the first request if it ever arrives. Until then the machine keeps looking.
public struct OrderPlacementStateMachine: Sendable {
    public enum Action: Sendable, Equatable {
        /// Send the order (attempt number given).
        case send(attempt: Int)
        /// Ask the exchange for the order by client id, after waiting `afterMs`.
        case lookUp(afterMs: Int64)
        case succeeded(Order)
        /// The exchange refused the order; it certainly does not exist.
        case rejected(SentinelError)
        /// Nothing could establish whether the order exists. It stays open in the journal for reconciliation.
        case unresolved(SentinelError)
    }

    public enum State: Sendable, Equatable {
        case idle
        case sending
        case lookingUp
        case done
    }

    public let maxSends: Int
    public let maxLookUps: Int
    public let lookUpDelaysMs: [Int64]
    /// How long after its timestamp the exchange still accepts a request.
    public let requestValidityMs: Int64
    public private(set) var state: State = .idle
    /// The latest signed timestamp of a send whose outcome is unknown.
    private var lastSentAtServerMs: Int64?
    private var sends = 0
    private var lookUps = 0
    private var lastAmbiguity: SentinelError?

    public init(
        maxSends: Int = 2, maxLookUps: Int = 4, lookUpDelaysMs: [Int64] = [300, 700, 1_500, 3_000],
        requestValidityMs: Int64 = 60_000
    ) {
        self.maxSends = maxSends
        self.maxLookUps = maxLookUps
        self.lookUpDelaysMs = lookUpDelaysMs.isEmpty ? [0] : lookUpDelaysMs
        self.requestValidityMs = requestValidityMs
    }

    /// Resumes an order that an earlier send (a batch, an earlier run) left with an unknown outcome: the first step
    /// is a look-up.
    public mutating func resume(sentAtServerMs: Int64) -> Action {
        precondition(state == .idle)
        sends = 1
        lastSentAtServerMs = sentAtServerMs
        return lookUp(after: SentinelError(.ambiguousOutcome, Diagnosis(cause: "The earlier request got no answer.")))
    }

    /// The send was signed with this timestamp (the exchange's time as the client estimated it).
    public mutating func sent(atServerTimeMs timestamp: Int64) {
        lastSentAtServerMs = max(lastSentAtServerMs ?? timestamp, timestamp)
    }

    public mutating func start() -> Action {
        precondition(state == .idle)
        return send()
    }

    /// The exchange answered the placement with the order.
    public mutating func placed(_ order: consuming Order) -> Action {
        state = .done
        return .succeeded(order)
    }

    /// The placement failed. `mayHaveArrived` is false only when the request certainly did not reach the exchange or
    /// the exchange answered with a definite refusal.
    public mutating func placementFailed(_ error: SentinelError, mayHaveArrived: Bool) -> Action {
        if error.kind == .duplicateOrder {
            // An order with this client id is already there: most likely our own earlier attempt.
            return lookUp(after: error)
        }
        if mayHaveArrived { return lookUp(after: error) }
        if Self.isDefiniteRefusal(error) || sends >= maxSends {
            state = .done
            return .rejected(error)
        }
        return send()
    }

    /// The look-up found the order: it was placed.
    public mutating func found(_ order: consuming Order) -> Action {
        state = .done
        return .succeeded(order)
    }

    /// The exchange says no order has this client id, at `serverTimeMs` (the client's estimate of the exchange's
    /// clock, good to ± `uncertaintyMs`). Sends again only once the earlier request can no longer arrive.
    public mutating func notFound(atServerTimeMs serverTimeMs: Int64, uncertaintyMs: Int64 = 0) -> Action {
        guard let sentAt = lastSentAtServerMs else {
            // A send whose time is unknown can never be shown to be past its window: never send again.
            state = .done
            return .unresolved(unresolvedError(lastAmbiguity))
        }
        do {
            // The margin covers the clock estimate's error and the exchange rounding its own window.
            let safeAfter = sentAt + requestValidityMs + max(0, uncertaintyMs) + Self.windowMarginMs
            if serverTimeMs <= safeAfter {
                guard lookUps < maxLookUps + Self.windowLookUps else {
                    state = .done
                    return .unresolved(unresolvedError(lastAmbiguity))
                }
                let wait = max(safeAfter - serverTimeMs + 1, lookUpDelaysMs[min(lookUps, lookUpDelaysMs.count - 1)])
                lookUps += 1
                state = .lookingUp
                return .lookUp(afterMs: wait)
            }
        }
        if sends < maxSends { return send() }
        state = .done
        return .unresolved(unresolvedError(lastAmbiguity))
    }

    static let windowMarginMs: Int64 = 1_000
    /// Extra look-ups allowed while waiting out a validity window.
    static let windowLookUps = 2

    /// The look-up itself failed (network again, 5xx).
    public mutating func lookUpFailed(_ error: SentinelError) -> Action {
        if lookUps < maxLookUps { return lookUp(after: error) }
        state = .done
        return .unresolved(unresolvedError(error))
    }

    private mutating func send() -> Action {
        sends += 1
        state = .sending
        return .send(attempt: sends)
    }

    private mutating func lookUp(after error: SentinelError) -> Action {
        lastAmbiguity = error
        let delay = lookUpDelaysMs[min(lookUps, lookUpDelaysMs.count - 1)]
        lookUps += 1
        state = .lookingUp
        return .lookUp(afterMs: delay)
    }

    /// Refusals by the exchange's rules: sending again would be refused again.
    static func isDefiniteRefusal(_ error: SentinelError) -> Bool {
        switch error.kind {
        case .authentication, .permissionDenied, .insufficientFunds, .invalidOrder, .unsupported, .invalidInput,
            .ipBanned, .rateLimited, .invalidTimestamp, .badResponse, .orderNotFound:
            return true
        case .network, .exchangeUnavailable, .ambiguousOutcome, .duplicateOrder:
            return false
        }
    }

    private func unresolvedError(_ cause: SentinelError?) -> SentinelError {
        SentinelError(
            .ambiguousOutcome,
            Diagnosis(
                cause: "The order was sent, but whether the exchange accepted it could not be established.",
                evidence: cause.map { [.init("last error", $0.diagnosis.cause)] } ?? [],
                fix: [
                    "Do not place the order again by hand yet.",
                    "Check it with `sentinel order show --client-id <id>` once the exchange answers again; the order "
                        + "journal keeps it and Sentinel reconciles it on the next start.",
                ]))
    }
}
