import Foundation
import Synchronization

/// "Unlocking the vault ⠋": shown on a terminal's stderr while a step that usually takes a while (the vault's
/// scrypt, an exchange's answer) runs longer than 300 ms, and erased when it ends. Never shown when stderr is a
/// file or a pipe, so scripts and logs see only the results.
final class Spinner: Sendable {
    private static let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
    private static let delayMs = 300
    private static let frameMs = 100

    private let label: String
    /// Whether the step has ended, and whether anything was drawn that must be erased. Shared with the drawing thread.
    private let state = Mutex<(done: Bool, drawn: Bool)>((false, false))

    private init(_ label: String) { self.label = label }

    /// Runs `body`, with the spinner on screen while it takes longer than the delay.
    static func whileRunning<T, E: Error>(_ label: String, _ body: () throws(E) -> T) throws(E) -> T {
        guard let spinner = start(label) else { return try body() }
        defer { spinner.stop() }
        return try body()
    }

    static func whileRunning<T, E: Error>(_ label: String, _ body: () async throws(E) -> T) async throws(E) -> T {
        guard let spinner = start(label) else { return try await body() }
        defer { spinner.stop() }
        return try await body()
    }

    private static func start(_ label: String) -> Spinner? {
        guard isatty(STDERR_FILENO) == 1, ProcessInfo.processInfo.environment["TERM"] != "dumb" else { return nil }
        let spinner = Spinner(label)
        Thread.detachNewThread { spinner.draw() }
        return spinner
    }

    private func draw() {
        usleep(useconds_t(Self.delayMs * 1000))
        var frame = 0
        while true {
            let keepGoing = state.withLock { state -> Bool in
                guard !state.done else { return false }
                Console.write("\r\u{1B}[K\(label) \(Self.frames[frame % Self.frames.count])", to: STDERR_FILENO)
                state.drawn = true
                return true
            }
            guard keepGoing else { return }
            frame += 1
            usleep(useconds_t(Self.frameMs * 1000))
        }
    }

    private func stop() {
        state.withLock { state in
            state.done = true
            if state.drawn { Console.write("\r\u{1B}[K", to: STDERR_FILENO) }
        }
    }
}
