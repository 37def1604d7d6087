/// Where and how to run the simulator.
public struct SimulatorConfiguration: Sendable {
    /// The address every listener binds to. Only loopback addresses are accepted.
    public var host: String
    /// Ports `portBase + offset` (see `SimulatorVenue.portOffset`) and `portBase + 99` for the admin API; nil binds
    /// every listener to an ephemeral port (tests use this to run simulators in parallel).
    public var portBase: Int?
    /// Seeds the price walks, issued keys and fault draws: the same seed gives the same run.
    public var seed: UInt64
    /// Answer 429/418 when request-weight or order-count limits are exceeded (the exchanges' behaviour). Turn off
    /// for load benchmarks; usage headers are still sent.
    public var enforcesRateLimits: Bool
    /// The clock the simulator reads instead of the host's wall clock; nil (the default) follows the host. Tests set
    /// one so that rate-limit windows and timestamps do not depend on when the test runs.
    public var clock: SimulatorManualClock?

    public init(
        host: String = "127.0.0.1", portBase: Int? = nil, seed: UInt64 = 42, enforcesRateLimits: Bool = true,
        clock: SimulatorManualClock? = nil
    ) {
        self.host = host
        self.portBase = portBase
        self.seed = seed
        self.enforcesRateLimits = enforcesRateLimits
        self.clock = clock
    }

    /// True for `127.0.0.0/8`, `::1` and `localhost`.
    public static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) else { return false }
        return parts[0] == "127"
    }
}
