import Foundation

/// The simulator's notion of now: the host's wall clock (or a test's `SimulatorManualClock`) plus a skew set through
/// the admin API, so that a client's clock-drift handling can be rehearsed without touching the host's clock.
///
/// The skew comes from a client, so it is bounded (±1 day, far beyond any drift worth rehearsing) and `now` is
/// computed with checked arithmetic: no admin request can make the simulator overflow while it reads its clock.
struct SimulatorClock: Sendable {
    /// ±1 day in milliseconds: the largest skew the admin API accepts.
    static let largestSkewMilliseconds: Int64 = 86_400_000
    static let skewRange = -largestSkewMilliseconds...largestSkewMilliseconds

    private(set) var skewMilliseconds: Int64 = 0
    /// Read instead of the host's wall clock when set (`SimulatorConfiguration.clock`).
    var manual: SimulatorManualClock? = nil

    /// Sets the skew, clamped to `skewRange` (the admin API refuses values outside it with a 400 first).
    mutating func setSkew(milliseconds: Int64) {
        skewMilliseconds = min(max(milliseconds, Self.skewRange.lowerBound), Self.skewRange.upperBound)
    }

    static func hostMilliseconds() -> Int64 {
        let milliseconds = (Date().timeIntervalSince1970 * 1000).rounded(.down)
        guard milliseconds.isFinite, milliseconds > 0, milliseconds < 9.0e18 else { return 0 }
        return Int64(milliseconds)
    }

    /// The host's (or the manual clock's) time plus the skew, saturating instead of overflowing.
    func now(hostMilliseconds: Int64? = nil) -> Int64 {
        let base = hostMilliseconds ?? manual?.milliseconds ?? Self.hostMilliseconds()
        let (sum, overflow) = base.addingReportingOverflow(skewMilliseconds)
        guard overflow else { return sum }
        return skewMilliseconds > 0 ? .max : .min
    }
}
