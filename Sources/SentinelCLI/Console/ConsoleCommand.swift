import ArgumentParser
import Foundation
import SentinelCore
import SentinelSimulator
import SentinelVault

/// `sentinel console`: the key-management page, served on 127.0.0.1 to the one browser that opens the printed link.
struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Manage and test your keys from a page in your browser (this machine only).",
        discussion: """
            Serves a page on 127.0.0.1 and prints its link, with a one-time token: the first browser that opens \
            it gets the session, and no one else. Unlock the vault in the page with its password; it locks \
            itself after --lock-after minutes without use, and when the console stops (Ctrl-C). Keys, secrets and \
            passphrases go from the page to the vault on this machine and are never sent back to the browser. \
            With --simulator the built-in exchange simulator runs too, with a page to make good and bad keys on it.
            """)

    @Option(help: "The port to listen on (default: a free one).")
    var port: Int = 0

    @Flag(help: "Run the built-in exchange simulator too, with its page (what `sentinel demo --console` does).")
    var simulator = false

    @Option(name: .customLong("lock-after"), help: "Lock the vault after this many minutes without use (1–1440).")
    var lockAfterMinutes: Int = 15

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 1 and 65535 (0: a free port).") }
        guard (1...1440).contains(lockAfterMinutes) else {
            throw ValidationError("--lock-after must be between 1 and 1440 minutes.")
        }
    }

    func run() async throws {
        try await Self.serve(
            location: VaultAccess.location, port: port, withSimulator: simulator, lockAfterMinutes: lockAfterMinutes)
    }

    /// Runs the console until Ctrl-C or SIGTERM, then locks the vault, stops the doctor's runs (each cancels its
    /// test order) and exits with 130.
    static func serve(
        location: VaultLocation, port: Int, withSimulator: Bool, lockAfterMinutes: Int, note: String? = nil
    ) async throws {
        let simulator = withSimulator ? try await DemoCommand.startSimulator() : nil
        let token = ConsoleSecrets.token()
        // Tests shorten the idle time to seconds; the option itself takes minutes.
        let testIdleSeconds = ProcessInfo.processInfo.environment["SENTINEL_TEST_ONLY_CONSOLE_LOCK_SECONDS"]
            .flatMap(Int.init)
        let state = ConsoleState(
            location: location, idleLimit: .seconds(testIdleSeconds ?? lockAfterMinutes * 60), loginToken: token)
        let server: ConsoleServer
        do {
            server = try await ConsoleServer.start(port: port, state: state) { [simulator] bound in
                ConsoleRoutes(
                    state: state, view: try ConsoleView(bound: bound, hasSimulator: simulator != nil),
                    simulator: simulator)
            }
        } catch {
            await simulator?.shutdown()
            throw Failure.report(
                .invalidInput(
                    "The console could not listen on 127.0.0.1:\(port): \(error).",
                    fix: ["Choose another port with --port, or leave --port out to get a free one."]))
        }
        var lines = [
            "Sentinel console: http://127.0.0.1:\(server.port)/login?token=\(token)",
            "Open this link in a browser on this machine. It lets one browser in, once; keep it to yourself.",
            "Vault: \(location.file) (locks after \(lockAfterMinutes) min without use). Ctrl-C stops the console.",
        ]
        if let simulator { lines.append("Simulator: admin API \(simulator.adminURL); see the Simulator page.") }
        if let note { lines.append(note) }
        // Straight to the descriptor: whoever started us may be waiting for the link on a pipe.
        Console.write(lines.joined(separator: "\n") + "\n", to: STDOUT_FILENO)

        let idleWatch = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(5))
                await state.lockIfIdle()
            }
        }
        await SimCommand.waitForTermination()
        idleWatch.cancel()
        await state.stop()
        Console.error("Stopping: the vault is locked; finishing the tests under way (their test orders are cancelled)…")
        let runs = await state.allRuns()
        for run in runs { run.cancel() }
        for run in runs { await run.wait() }
        await server.stop()
        await simulator?.shutdown()
        throw ExitCode(130)
    }
}
