import SentinelCore
import SentinelExchanges
import SentinelNet

/// Tests a key the way a careful person would, and names every failure with its fix (design.md §2).
/// Exchange-neutral: it talks to `ExchangeClient` only.
public struct Doctor: Sendable {
    public struct Options: Sendable {
        /// Open and close the smallest position (derivatives). Always done on the simulator.
        public var positionTest: Bool
        public var skipOrderTest: Bool
        /// Warn when the key expires within this many days.
        public var expiryWarningDays: Int
        /// Remind to rotate keys older than this many days.
        public var rotationDays: Int

        public init(positionTest: Bool = false, skipOrderTest: Bool = false, expiryWarningDays: Int = 14, rotationDays: Int = 90) {
            self.positionTest = positionTest
            self.skipOrderTest = skipOrderTest
            self.expiryWarningDays = expiryWarningDays
            self.rotationDays = rotationDays
        }
    }

    public let subject: DoctorSubject
    public let environment: DoctorEnvironment
    public let options: Options

    public init(subject: DoctorSubject, environment: DoctorEnvironment, options: Options = Options()) {
        self.subject = subject
        self.environment = environment
        self.options = options
    }

    /// Runs every check in order, reporting each as it finishes. Checks after one that makes them meaningless are
    /// reported as skipped, with the reason.
    public func run(
        starting: @Sendable (DoctorCheckID) async -> Void = { _ in },
        progress: @Sendable (DoctorCheck) async -> Void = { _ in }
    ) async -> DoctorReport {
        var run = DoctorRun(doctor: self)
        var checks: [DoctorCheck] = []
        for id in DoctorCheckID.allCases {
            // Ctrl-C: the check that was running has cleaned up after itself; nothing new starts.
            if Task.isCancelled, run.stopReason == nil { run.stopReason = "interrupted" }
            let check: DoctorCheck
            if let reason = run.stopReason {
                check = DoctorCheck(id, .skip, "Not run: \(reason)")
            } else {
                await starting(id)
                check = await run.perform(id)
            }
            checks.append(check)
            await progress(check)
        }
        await run.finish()
        return DoctorReport(key: subject.name, exchange: subject.venue.exchange.rawValue, checks: checks)
    }
}
