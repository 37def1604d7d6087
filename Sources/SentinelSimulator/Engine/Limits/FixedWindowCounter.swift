/// A counter over fixed windows aligned to the epoch (a one-minute window starts at :00), as the exchanges count.
struct FixedWindowCounter: Sendable, Equatable {
    let windowMilliseconds: Int64
    private(set) var windowStart: Int64 = 0
    private(set) var count = 0

    init(windowMilliseconds: Int64) {
        self.windowMilliseconds = windowMilliseconds
    }

    /// The count in the window that contains `now`.
    func current(at now: Int64) -> Int {
        start(of: now) == windowStart ? count : 0
    }

    mutating func add(_ amount: Int, at now: Int64) -> Int {
        roll(to: now)
        count += amount
        return count
    }

    /// Takes `amount` back from the current window (never below zero): Binance spot gives an order back to the
    /// unfilled-order count when it fills.
    mutating func remove(_ amount: Int, at now: Int64) {
        roll(to: now)
        count = max(0, count - amount)
    }

    mutating func roll(to now: Int64) {
        let start = start(of: now)
        if start != windowStart {
            windowStart = start
            count = 0
        }
    }

    /// Whole seconds, at least one, until the window containing `now` ends.
    func secondsUntilReset(at now: Int64) -> Int {
        let end = start(of: now) + windowMilliseconds
        return max(1, Int((end - now + 999) / 1000))
    }

    private func start(of time: Int64) -> Int64 {
        time - ((time % windowMilliseconds) + windowMilliseconds) % windowMilliseconds
    }
}
