/// Request weight per IP per minute, with the exchange's escalation: over the limit the client gets 429 and a
/// `Retry-After`; a client that keeps sending while told to wait is banned (418), for 2 minutes at first and
/// longer for each new ban, up to 3 days.
struct RequestWeightLimiter: Sendable {
    enum Verdict: Sendable, Equatable {
        case allowed(usedWeight: Int)
        case rateLimited(usedWeight: Int, retryAfterSeconds: Int)
        case banned(usedWeight: Int, until: Int64, retryAfterSeconds: Int)
    }

    /// Requests a client may send over the limit (each answered 429) before it is banned.
    static let ignoredWarningsBeforeBan = 2
    static let firstBanMilliseconds: Int64 = 120_000
    static let longestBanMilliseconds: Int64 = 3 * 24 * 3_600_000

    let limit: Int
    private var window = FixedWindowCounter(windowMilliseconds: 60_000)
    private var warningsInWindow = 0
    private var warningWindowStart: Int64 = -1
    private(set) var bannedUntil: Int64 = 0
    private(set) var bans = 0

    init(limit: Int) {
        self.limit = limit
    }

    func usedWeight(at now: Int64) -> Int { window.current(at: now) }

    /// Counts the weight without ever refusing (limits switched off for a benchmark).
    mutating func count(weight: Int, at now: Int64) -> Verdict {
        .allowed(usedWeight: window.add(weight, at: now))
    }

    mutating func admit(weight: Int, at now: Int64) -> Verdict {
        if now < bannedUntil {
            return .banned(
                usedWeight: window.current(at: now), until: bannedUntil,
                retryAfterSeconds: Int((bannedUntil - now + 999) / 1000))
        }
        let used = window.add(weight, at: now)
        guard used > limit else { return .allowed(usedWeight: used) }
        if warningWindowStart != window.windowStart {
            warningWindowStart = window.windowStart
            warningsInWindow = 0
        }
        warningsInWindow += 1
        if warningsInWindow > Self.ignoredWarningsBeforeBan + 1 {
            let length = min(Self.firstBanMilliseconds << min(bans, 20), Self.longestBanMilliseconds)
            bans += 1
            bannedUntil = now + length
            warningsInWindow = 0
            return .banned(usedWeight: used, until: bannedUntil, retryAfterSeconds: Int(length / 1000))
        }
        return .rateLimited(usedWeight: used, retryAfterSeconds: window.secondsUntilReset(at: now))
    }
}
