import Synchronization

/// A clock that moves only when told to: give it to `SimulatorConfiguration.clock` and the simulator reads it instead
/// of the host's wall clock (the admin skew still applies on top). Tests use it so that what depends on time — the
/// one-minute request-weight window, the ten-second order window, timestamps — cannot change under them because a
/// run happened to cross a minute boundary.
///
/// A client that signs requests with the host's clock sees the simulator's time stand still: start the clock at the
/// host's time and keep runs short, or sign with `milliseconds`.
public final class SimulatorManualClock: Sendable {
    private let value: Atomic<Int64>

    /// Starts at `milliseconds` (Unix time in ms).
    public init(startingAt milliseconds: Int64) {
        value = Atomic(milliseconds)
    }

    /// The clock's time, in Unix milliseconds.
    public var milliseconds: Int64 { value.load(ordering: .sequentiallyConsistent) }

    /// Moves the clock forward (or back, for a negative amount).
    public func advance(milliseconds delta: Int64) {
        value.add(delta, ordering: .sequentiallyConsistent)
    }

    /// Sets the clock to `milliseconds`.
    public func set(milliseconds: Int64) {
        value.store(milliseconds, ordering: .sequentiallyConsistent)
    }
}
