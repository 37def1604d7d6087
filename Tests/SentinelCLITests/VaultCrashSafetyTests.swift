import Foundation
import SentinelCore
import SentinelVault
import Testing

/// Kills `sentinel vault add` with SIGKILL at random moments — during start-up, key derivation, the backup write,
/// the temporary file, the rename — and checks after each kill that the vault opens with either the content it
/// had before or the content with the new key. Never neither.
@Suite struct VaultCrashSafetyTests {
    @Test(.timeLimit(.minutes(5))) func aSaveKilledAtAnyMomentLeavesTheOldOrTheNewVault() async throws {
        let sandbox = try VaultSandbox()
        try await sandbox.initialize()
        // Three adds run to the end measure how long an add takes here (the fastest, since other tests may load the
        // machine at any moment); kills then land anywhere within it.
        var fastest = Double.infinity
        for name in ["first", "second", "third"] {
            let started = Date()
            let added = try await sandbox.vault(
                ["add", name, "--exchange", "binance", "--stdin"],
                input: VaultSandbox.keyJSON("\(name)key-0123456789", "\(name)secret-0123456789"))
            #expect(added.status == 0, "\(added.stderr)")
            fastest = min(fastest, Date().timeIntervalSince(started))
        }
        let duration = UInt32(max(0.02, fastest) * 1_000_000)
        let (names, outcomes, mismatches) = try await CLIRunner.offPool {
            try Self.killRounds(sandbox: sandbox, duration: duration)
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
        // Both kinds happened, so the kills landed inside saves as well as around them.
        #expect(outcomes.killed > 20, "\(outcomes)")
        #expect(names.count > 1, "\(outcomes)")
        // And the vault still takes writes: no stale lock or temporary file is in the way.
        let after = try await sandbox.vault(
            ["add", "after", "--exchange", "binance", "--stdin"],
            input: VaultSandbox.keyJSON("afterkey-0123456789", "aftersecret-0123456789"))
        #expect(after.status == 0, "\(after.stderr)")
    }

    /// 150 rounds of `vault add` killed at a random moment, each followed by opening the vault. Blocking: run it off
    /// the concurrency pool.
    static func killRounds(sandbox: VaultSandbox, duration measured: UInt32) throws
        -> (names: [String], outcomes: Outcomes, mismatches: [String])
    {
        var duration = measured
        var names = ["first", "second", "third"]
        var outcomes = Outcomes()
        var mismatches: [String] = []
        var generator = SystemRandomNumberGenerator()
        for round in 0..<150 {
            let name = "key-\(round)"
            let input = try sandbox.folder.write(
                Data(VaultSandbox.keyJSON("crashkey\(round)-0123456789", "crashsecret\(round)-0123456789").utf8),
                name: "input-\(round).json")
            let process = Process()
            process.executableURL = CLIRunner.executable
            process.arguments = ["vault", "add", name, "--exchange", "binance", "--stdin"]
            process.environment = ProcessInfo.processInfo.environment.merging(sandbox.environment) { $1 }
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: input))
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Half the kills anywhere, half in the last third of the run, where the save happens.
            let window = round.isMultiple(of: 2) ? 0...(duration + duration / 5) : (duration * 2 / 3)...duration
            let delay = UInt32.random(in: window, using: &generator)
            usleep(delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal {
                outcomes.killed += 1
            } else {
                // It finished within `delay`: the machine got faster than measured, so aim earlier from now on.
                outcomes.completed += 1
                duration = max(20_000, min(duration, delay))
            }

            let found = try sandbox.open().entries.map(\.name)
            if found != names && found != names + [name] { mismatches.append("round \(round): \(found)") }
            names = found
        }
        return (names, outcomes, mismatches)
    }

    struct Outcomes: Sendable, CustomStringConvertible {
        var killed = 0
        var completed = 0
        var description: String { "killed \(killed), completed \(completed)" }
    }
}
