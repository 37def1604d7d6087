import Foundation
import SentinelCore
import SentinelVault
import Testing

/// Kills `sentinel vault add` with SIGKILL at random moments — during start-up, key derivation, the backup write,
/// the temporary file, the rename — and checks after each kill that the vault opens with either the content it
/// had before or the content with the new key. Never neither.
@Suite struct VaultCrashSafetyTests {
    @Test(.timeLimit(.minutes(5))) func aSaveKilledAtAnyMomentLeavesTheOldOrTheNewVault() throws {
        let sandbox = try VaultSandbox()
        try sandbox.initialize()
        // One add run to the end measures how long an add takes here; kills then land anywhere within it.
        let started = Date()
        let first = try sandbox.vault(
            ["add", "first", "--exchange", "binance", "--stdin"],
            input: VaultSandbox.keyJSON("firstkey-0123456789", "firstsecret-0123456789"))
        #expect(first.status == 0, "\(first.stderr)")
        let duration = UInt32(max(0.02, Date().timeIntervalSince(started)) * 1_000_000)
        var names = ["first"]
        var outcomes = (killed: 0, completed: 0)
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
            usleep(UInt32.random(in: window, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { outcomes.killed += 1 } else { outcomes.completed += 1 }

            let vault = try sandbox.open()
            let found = vault.entries.map(\.name)
            #expect(found == names || found == names + [name], "round \(round): \(found)")
            names = found
        }
        // Both kinds happened, so the kills landed inside saves as well as around them.
        #expect(outcomes.killed > 20, "\(outcomes)")
        #expect(names.count > 1, "\(outcomes)")
        // And the vault still takes writes: no stale lock or temporary file is in the way.
        let after = try sandbox.vault(
            ["add", "after", "--exchange", "binance", "--stdin"],
            input: VaultSandbox.keyJSON("afterkey-0123456789", "aftersecret-0123456789"))
        #expect(after.status == 0, "\(after.stderr)")
    }
}
