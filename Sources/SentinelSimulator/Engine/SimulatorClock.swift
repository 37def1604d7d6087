import Foundation

/// The simulator's notion of now: the host's wall clock (or a test's `SimulatorManualClock`) plus a skew set through
/// the admin API, so that a client's clock-drift handling can be rehearsed without touching the host's clock.
struct SimulatorClock: Sendable {
    var skewMilliseconds: Int64 = 0
    /// Read instead of the host's wall clock when set (`SimulatorConfiguration.clock`).
    var manual: SimulatorManualClock? = nil

    static func hostMilliseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }

    func now() -> Int64 {
        (manual?.milliseconds ?? Self.hostMilliseconds()) + skewMilliseconds
    }
}
