import ArgumentParser
import Dispatch
import Foundation

/// Ctrl-C and SIGTERM for commands that act on an exchange: the first signal cancels the command's work, which then
/// cleans up after itself (the doctor cancels its test order, a placement is settled in the journal); a second
/// signal ends the process at once. A command interrupted this way exits with 130, as shells expect.
enum Interruption {
    static func run(_ body: @escaping @Sendable () async throws -> Void) async throws {
        let work = Task { try await body() }
        let watcher = SignalWatcher { first in
            if first {
                Console.error("\nInterrupted: cleaning up (press Ctrl-C again to quit at once)…")
                work.cancel()
            } else {
                Console.error("Quit without cleaning up.")
                exit(130)
            }
        }
        defer { watcher.stop() }
        do {
            try await work.value
        } catch {
            if watcher.fired { throw ExitCode(130) }
            throw error
        }
        if watcher.fired { throw ExitCode(130) }
    }
}

/// Turns SIGINT and SIGTERM into calls of `handler` (true for the first signal) on a private queue.
final class SignalWatcher: @unchecked Sendable {
    // Guarded by `lock`.
    private var sources: [any DispatchSourceSignal] = []
    private var count = 0
    private let lock = NSLock()

    init(_ handler: @escaping @Sendable (Bool) -> Void) {
        let queue = DispatchQueue(label: "sentinel.signals")
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in
                guard let self else { return }
                let first = self.lock.withLock { () -> Bool in
                    self.count += 1
                    return self.count == 1
                }
                handler(first)
            }
            source.resume()
            sources.append(source)
        }
    }

    var fired: Bool { lock.withLock { count > 0 } }

    func stop() {
        lock.withLock {
            for source in sources { source.cancel() }
            sources = []
        }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
