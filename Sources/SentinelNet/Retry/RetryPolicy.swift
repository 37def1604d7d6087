/// When and how long to wait before trying again. Only requests that are safe to repeat are retried: reads, and
/// order placement only after the exchange has been asked by client id (see `OrderPlacementStateMachine`).
public struct RetryPolicy: Sendable, Hashable {
    public let maxAttempts: Int
    public let baseDelayMs: Int64
    public let maxDelayMs: Int64

    public init(maxAttempts: Int = 3, baseDelayMs: Int64 = 200, maxDelayMs: Int64 = 5_000) {
        self.maxAttempts = maxAttempts
        self.baseDelayMs = baseDelayMs
        self.maxDelayMs = maxDelayMs
    }

    public static let none = RetryPolicy(maxAttempts: 1)

    /// Whether attempt number `attempt` (1-based, the one that just failed) may be followed by another.
    public func allowsRetry(after attempt: Int) -> Bool { attempt < maxAttempts }

    /// "Full jitter" exponential backoff: a random delay in [0, min(max, base·2^(attempt-1))], so that many
    /// clients recovering at once do not knock in step.
    public func delayMs<R: RandomNumberGenerator>(after attempt: Int, using generator: inout R) -> Int64 {
        let exponent = min(max(attempt - 1, 0), 20)
        let ceiling = min(maxDelayMs, baseDelayMs << exponent)
        return ceiling <= 0 ? 0 : Int64.random(in: 0...ceiling, using: &generator)
    }
}
