/// New orders per account over the exchange's windows (e.g. 10 seconds and one day on Binance spot).
struct OrderRateLimiter: Sendable {
    struct Window: Sendable {
        /// The header suffix the exchange uses for this window, e.g. `10S`, `1M`, `1D`.
        let label: String
        let limit: Int
        var counter: FixedWindowCounter
    }

    enum Verdict: Sendable, Equatable {
        case allowed(counts: [String: Int])
        /// Over the limit of the window `label`.
        case rejected(label: String, limit: Int, retryAfterSeconds: Int)
    }

    private(set) var windows: [Window]

    init(limits: [(label: String, milliseconds: Int64, limit: Int)]) {
        windows = limits.map { Window(label: $0.label, limit: $0.limit, counter: FixedWindowCounter(windowMilliseconds: $0.milliseconds)) }
    }

    /// Counts `orders` new orders unless that would break a window.
    mutating func admit(orders: Int, at now: Int64, enforce: Bool = true) -> Verdict {
        for window in windows where enforce && window.counter.current(at: now) + orders > window.limit {
            return .rejected(
                label: window.label, limit: window.limit, retryAfterSeconds: window.counter.secondsUntilReset(at: now))
        }
        var counts: [String: Int] = [:]
        for index in windows.indices {
            counts[windows[index].label] = windows[index].counter.add(orders, at: now)
        }
        return .allowed(counts: counts)
    }

    /// Gives `orders` back to every window (orders that filled no longer count as unfilled).
    mutating func giveBack(orders: Int, at now: Int64) {
        for index in windows.indices { windows[index].counter.remove(orders, at: now) }
    }

    func counts(at now: Int64) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: windows.map { ($0.label, $0.counter.current(at: now)) })
    }
}
