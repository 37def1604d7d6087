import SentinelCore

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

    /// Connections one listener holds at once; more wait in the kernel's queue until one closes. Lowered, if
    /// needed, so that all listeners together stay under the process's descriptor limit.
    public var maximumConnectionsPerListener: Int
    /// A connection that sends nothing (no request, or an unfinished request head) for this long is closed; the
    /// first request head must arrive within the smaller of this and 20 s. The default outlasts the idle time of
    /// common client pools (AsyncHTTPClient keeps idle connections 60 s), so that a client, not the simulator,
    /// closes an idle pooled connection and never races a request against the server's close.
    public var idleTimeoutMilliseconds: Int
    /// A request body that takes longer than this to arrive is dropped with its connection.
    public var bodyTimeoutMilliseconds: Int

    public init(
        host: String = "127.0.0.1", portBase: Int? = nil, seed: UInt64 = 42, enforcesRateLimits: Bool = true,
        maximumConnectionsPerListener: Int = 512, idleTimeoutMilliseconds: Int = 75_000,
        bodyTimeoutMilliseconds: Int = 30_000, clock: SimulatorManualClock? = nil
    ) {
        self.host = host
        self.portBase = portBase
        self.seed = seed
        self.enforcesRateLimits = enforcesRateLimits
        self.maximumConnectionsPerListener = maximumConnectionsPerListener
        self.idleTimeoutMilliseconds = idleTimeoutMilliseconds
        self.bodyTimeoutMilliseconds = bodyTimeoutMilliseconds
        self.clock = clock
    }

    /// True for `127.0.0.0/8` (four decimal numbers), `::1` and `localhost`, parsed as addresses.
    public static func isLoopback(_ host: String) -> Bool {
        EndpointURL.isLoopbackHost(host)
    }
}
