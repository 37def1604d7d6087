import ArgumentParser
import Foundation
import SentinelCore
import SentinelDoctor
import SentinelExchanges
import SentinelSimulator
import SentinelVault

/// `sentinel demo` (design.md §2): the simulator in-process, a throw-away vault, good keys and each classic bad
/// key for every exchange with a connector, the doctor on each, and a summary table.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the doctor on good and classic bad keys against the built-in simulator (offline).")

    @Flag(help: "Print every check of every key, not just the summary.")
    var verbose = false

    @Flag(help: "Instead, open the demo as a page: the console with the simulator and a throw-away vault.")
    var console = false

    func run() async throws {
        if console { return try await Self.runConsole() }
        let started = Date()
        let signing = SigningSelfTest.run()
        let signingFailures = signing.filter { !$0.passed }
        Console.output("Sentinel demo — offline, against the built-in simulator of the exchanges.\n")
        let own = signing.filter { $0.origin == .exchange }
        Console.output(
            "1. Signing self-test: \(signing.count - signingFailures.count)/\(signing.count) vectors reproduced — "
                + "\(own.count) published by the exchanges themselves (Binance, KuCoin), "
                + "\(signing.count - own.count) computed with ccxt and cross-checked (Bybit, OKX and Bitget publish none that verify).")
        for failure in signingFailures { Console.output("   FAIL \(failure.exchange.displayName): \(failure.name)") }

        let simulator = try await Self.startSimulator()
        let home = Self.throwAwayHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        do {
            let cases = DemoCase.all
            let listeners = Array(Set(cases.map(\.port))).sorted { $0.portOffset < $1.portOffset }
            Console.output(
                "2. Simulator up: " + listeners.map { "\(simulator.url(for: $0)) (\($0.rawValue))" }.joined(separator: ", ")
                    + ".")
            let vault = try await DemoVault.make(home: home, simulator: simulator, cases: cases)
            Console.output(
                "3. Throw-away vault: \(vault.entries.count) keys made through the simulator's admin API and stored "
                    + "encrypted (scrypt + AES-256-GCM) in \(home), deleted at the end; one more kept in a JSON file "
                    + "with a pasted newline, as people do.")
            Console.output("4. The doctor on each key:\n")
            var rows: [DemoOutcome] = []
            for demoCase in cases {
                let outcome = await demoCase.run(vault: vault, home: home, simulator: simulator, verbose: verbose)
                rows.append(outcome)
                Console.output(outcome.line)
            }
            await simulator.shutdown()
            let wrong = rows.filter { !$0.asExpected }
            let seconds = Date().timeIntervalSince(started)
            Console.output("")
            Console.output(DemoOutcome.table(rows))
            Console.output(String(format: "\n%d keys checked in %.1f s: %d good keys passed (no check failed), %d bad keys caught by the right check, %d unexpected.",
                rows.count, seconds, rows.filter { $0.demoCase.expected == nil && $0.asExpected }.count,
                rows.filter { $0.demoCase.expected != nil && $0.asExpected }.count, wrong.count))
            Console.output("Try it yourself: `sentinel sim` in one terminal, then `sentinel doctor --help`.")
            if !wrong.isEmpty || !signingFailures.isEmpty { throw ExitCode(1) }
        } catch let error as SentinelError {
            await simulator.shutdown()
            throw Failure.report(error)
        }
    }

    /// `demo --console`: the console with the built-in simulator and a vault in a temporary folder, deleted at the
    /// end, so that nothing of the user's is touched.
    static func runConsole() async throws {
        let home = throwAwayHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try await ConsoleCommand.serve(
            location: VaultLocation(home: home), port: 0, withSimulator: true, lockAfterMinutes: 60,
            note: "Demo: a throw-away vault (choose any password on the page); it is deleted when the console stops.")
    }

    /// The demo's simulator. Limits are counted but not enforced: the demo runs one doctor after another from this
    /// one IP, each with fresh clients, and OKX's per-IP budget for public calls (10 `public/time` per 2 s) would
    /// trip across them although no single client exceeds it. Rate limits have their own tests.
    static func startSimulator() async throws -> RunningSimulator {
        do {
            return try await RunningSimulator.start(SimulatorConfiguration(enforcesRateLimits: false))
        } catch {
            throw Failure.report(
                SentinelError(
                    .network,
                    Diagnosis(
                        cause: "The simulator could not start: \(error).",
                        fix: ["Check that loopback networking works on this machine."])))
        }
    }

    /// A folder for a vault that lives only as long as the demo (the caller deletes it).
    static func throwAwayHome() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sentinel-demo-\(UUID().uuidString)").path
    }
}
