/// What to do when the exchange rejects a request's timestamp: re-sync the clock once and retry once; if the retry
/// is rejected too, fail with the measured offset. A success resets the budget.
public struct TimestampRecovery: Sendable {
    public enum Action: Sendable, Equatable {
        case resyncAndRetry
        case fail
    }

    private var retried = false

    public init() {}

    public mutating func timestampRejected() -> Action {
        if retried { return .fail }
        retried = true
        return .resyncAndRetry
    }

    public mutating func requestSucceeded() {
        retried = false
    }
}
