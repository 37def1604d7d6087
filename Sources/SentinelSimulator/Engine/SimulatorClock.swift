import Foundation

/// The simulator's notion of now: the host's wall clock plus a skew set through the admin API, so that a client's
/// clock-drift handling can be rehearsed without touching the host's clock.
struct SimulatorClock: Sendable {
    var skewMilliseconds: Int64 = 0

    static func hostMilliseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }

    func now(hostMilliseconds: Int64 = SimulatorClock.hostMilliseconds()) -> Int64 {
        hostMilliseconds + skewMilliseconds
    }
}
