import Foundation
import SentinelCore
import SentinelDoctor

/// One doctor run started from the page: its checks as they finish, and the report at the end. Pages read it;
/// the live page subscribes and gets each event as it happens.
final class ConsoleRun: @unchecked Sendable {
    enum Event: Sendable {
        case starting(DoctorCheckID)
        case finished(DoctorCheck)
        case done(DoctorReport)
    }

    let id = ConsoleSecrets.token().prefix(16).description
    let keyName: String
    let venue: String
    /// For a simulator demo key: the case, which says what the doctor must find.
    let demoCase: DemoCase?
    let startedAt = Date()

    // Guarded by `lock`.
    private var checks: [DoctorCheck] = []
    private var running: DoctorCheckID?
    private var report: DoctorReport?
    private var subscribers: [UUID: AsyncStream<Event>.Continuation] = [:]
    private var task: Task<Void, Never>?
    private let lock = NSLock()

    init(keyName: String, venue: String, demoCase: DemoCase? = nil) {
        self.keyName = keyName
        self.venue = venue
        self.demoCase = demoCase
    }

    /// Runs `doctor` in the background, then `finished` (which puts back what the run changed on the simulator).
    func start(_ doctor: Doctor, finished: @escaping @Sendable () async -> Void) {
        let task = Task {
            let report = await doctor.run(
                starting: { [weak self] id in self?.publish(.starting(id)) },
                progress: { [weak self] check in self?.publish(.finished(check)) })
            self.publish(.done(report))
            await finished()
        }
        lock.withLock { self.task = task }
    }

    /// Stops the run; the doctor cancels its test order on the way out.
    func cancel() {
        lock.withLock { task }?.cancel()
    }

    func wait() async {
        await lock.withLock { task }?.value
    }

    var snapshot: (checks: [DoctorCheck], running: DoctorCheckID?, report: DoctorReport?) {
        lock.withLock { (checks, running, report) }
    }

    /// What happened so far, then every later event until the report.
    func events() -> AsyncStream<Event> {
        AsyncStream { continuation in
            let id = UUID()
            let past: [Event] = lock.withLock {
                var past = checks.map(Event.finished)
                if let running { past.append(.starting(running)) }
                if let report {
                    past.append(.done(report))
                } else {
                    subscribers[id] = continuation
                }
                return past
            }
            for event in past { continuation.yield(event) }
            if case .done = past.last { continuation.finish() }
            continuation.onTermination = { [weak self] _ in
                self?.lock.withLock { _ = self?.subscribers.removeValue(forKey: id) }
            }
        }
    }

    private func publish(_ event: Event) {
        let listeners: [AsyncStream<Event>.Continuation] = lock.withLock {
            switch event {
            case .starting(let id): running = id
            case .finished(let check):
                checks.append(check)
                running = nil
            case .done(let final):
                report = final
                running = nil
            }
            return Array(subscribers.values)
        }
        for listener in listeners {
            listener.yield(event)
            if case .done = event { listener.finish() }
        }
    }

    /// For a demo key: whether the doctor judged it as expected (nil while running or for a key of the user's).
    var asExpected: Bool? {
        guard let demoCase, let report = snapshot.report else { return nil }
        return demoCase.judges(report)
    }
}
