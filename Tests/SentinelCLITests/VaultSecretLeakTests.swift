import Foundation
import SentinelSimulator
import Testing

/// Every file written under SENTINEL_HOME and every line printed, through a whole session of vault commands
/// (including failures), is scanned for the secret, the passphrase and the vault password.
@Suite(.timeLimit(.minutes(5))) struct VaultSecretLeakTests {
    /// KuCoin keys (a secret and a passphrase) made on the simulator: `vault rotate` tests the new key with the
    /// connector, so the keys are real ones on a loopback listener.
    @Test func noSecretByteReachesAFileOrTheScreen() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        defer { Task { await simulator.shutdown() } }
        func makeKey() async throws -> SimulatedKey {
            try await simulator.createKey(
                SimulatedKeyRequest(exchange: "kucoin", permissions: ["read", "trade"], ipWhitelist: ["127.0.0.1"]))
        }
        let first = try await makeKey()
        let second = try await makeKey()
        let secret = first.secret
        let passphrase = try #require(first.passphrase)
        let rotatedSecret = second.secret
        let rotatedPassphrase = try #require(second.passphrase)
        let endpoint = ["--endpoint", simulator.url(for: .kucoin)]
        let sandbox = try VaultSandbox()
        try await sandbox.initialize()
        let okxKey = first.apiKey
        // Each command with the exit status it must end with: a command that fails for another reason than the one
        // intended would otherwise scan an error message instead of the output it is meant to check.
        func run(_ arguments: [String], input: String? = nil, succeeds: Bool, _ mentions: String? = nil) async throws {
            let outcome = try await sandbox.vault(arguments, input: input)
            #expect((outcome.status == 0) == succeeds, "\(arguments): \(outcome.status) \(outcome.stderr)")
            if let mentions { #expect((outcome.stdout + outcome.stderr).contains(mentions), "\(arguments): \(outcome.stderr)") }
        }
        try await run(
            ["add", "okx", "--exchange", "kucoin", "--stdin"] + endpoint,
            input: VaultSandbox.keyJSON(" \(okxKey)", secret + "\n", passphrase + " "), succeeds: true)
        try await run(
            ["add", "bad", "--exchange", "kucoin", "--stdin"],
            input: VaultSandbox.keyJSON(okxKey, secret, secret), succeeds: false)
        try await run(
            ["add", "bad2", "--exchange", "binance", "--stdin"], input: VaultSandbox.keyJSON(secret, secret),
            succeeds: false)
        try await run(
            ["add", "bad3", "--exchange", "kucoin", "--stdin"],
            input: VaultSandbox.keyJSON(okxKey, secret + " x", passphrase), succeeds: false)
        try await run(["list"], succeeds: true, "okx")
        try await run(["list", "--json"], succeeds: true, "okx")
        try await run(["show", "okx"], succeeds: true, "okx")
        try await run(["show", "okx", "--json"], succeeds: true, "okx")
        try await run(
            ["rotate", "okx", "--stdin"], input: VaultSandbox.keyJSON(second.apiKey, rotatedSecret, rotatedPassphrase),
            succeeds: true)
        try await run(["rename", "okx", "okx-main"], succeeds: true)
        let newPassword = try sandbox.folder.write(Data("another sandbox password\n".utf8), name: "new")
        try await run(["passwd", "--new-password-file", newPassword], succeeds: true)
        // The old password no longer opens the vault…
        try await run(["list"], succeeds: false)
        // …the new one does.
        let shown = try await sandbox.vault(["show", "okx-main", "--password-file", newPassword])
        #expect(shown.status == 0 && shown.stdout.contains("okx-main"), "\(shown.stderr)")
        #expect(sandbox.outputs.count == 14)

        let needles = [
            secret, passphrase, rotatedSecret, rotatedPassphrase, VaultSandbox.password, "another sandbox password",
        ]
        let printed = sandbox.outputs.flatMap { [$0.stdout, $0.stderr] }
        var files = try FileManager.default.contentsOfDirectory(atPath: sandbox.home).map { sandbox.home + "/" + $0 }
        files.removeAll { $0.hasSuffix(".lock") && (try? Data(contentsOf: URL(fileURLWithPath: $0)))?.isEmpty == true }
        #expect(files.count >= 2)
        for needle in needles {
            let windows = stride(from: 0, through: needle.utf8.count - 10, by: 5).map {
                Array(Array(needle.utf8)[$0..<($0 + 10)])
            }
            for text in printed {
                for window in windows { #expect(!contains(Array(text.utf8), window), "printed: \(text.prefix(200))") }
            }
            for file in files {
                let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
                for window in windows { #expect(!contains(bytes, window), "\(file)") }
            }
        }
    }

    func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains {
            haystack[$0..<($0 + needle.count)].elementsEqual(needle)
        }
    }
}
