import Crypto
import Foundation
import SentinelCore
import SentinelVault
import SentinelSimulator
import Testing

@Suite(.timeLimit(.minutes(5))) struct VaultCommandTests {
    static let binanceKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"
    static let binanceSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
    static let okxKey = "1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d"
    static let okxSecret = "7C4E8B2A9F1D3E5A6B8C0D2E4F6A8B0C"
    static let okxPassphrase = "Tr4dingPassphrase"
    static let ed25519PEM =
        "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f\n-----END PRIVATE KEY-----\n"
    static let ed25519PublicPEM =
        "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAA6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=\n-----END PUBLIC KEY-----\n"

    func json(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    @Test func initAddListShowRenameRemove() async throws {
        let sandbox = try VaultSandbox()
        let created = try await sandbox.vault(["init"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stderr.contains("test-only weak key derivation"))
        let added = try await sandbox.vault(
            [
                "add", "grid", "--exchange", "binance", "--product", "spot", "--product", "linear", "--env", "testnet",
                "--label", "Sentinel - BTC grid", "--stdin",
            ],
            input: VaultSandbox.keyJSON(Self.binanceKey, Self.binanceSecret))
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("one key per bot or strategy is the recommended practice"))
        let duplicate = try await sandbox.vault(
            ["add", "grid", "--exchange", "binance", "--stdin"],
            input: VaultSandbox.keyJSON(Self.binanceKey, Self.binanceSecret))
        #expect(duplicate.status == 1 && duplicate.stderr.contains("already has a key named \"grid\""))
        let okx = try await sandbox.vault(
            ["add", "okx-sim", "--exchange", "okx", "--endpoint", "http://127.0.0.1:8904", "--env", "demo", "--stdin"],
            input: VaultSandbox.keyJSON(Self.okxKey, Self.okxSecret, Self.okxPassphrase))
        #expect(okx.status == 0, "\(okx.stderr)")

        let list = try await sandbox.vault(["list"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("vmPU…Eh8A") && list.stdout.contains("spot,linear"))
        #expect(list.stdout.contains("demo@http://127.0.0.1:8904"))
        // The rotation countdown: a key stored just now is due in 89 or 90 days.
        #expect(list.stdout.contains("ROTATE") && (list.stdout.contains("in 89 d") || list.stdout.contains("in 90 d")), "\(list.stdout)")
        let listed = try json(try await sandbox.vault(["list", "--json"]).stdout)
        #expect(listed.map { $0["name"] as? String } == ["grid", "okx-sim"])
        #expect(listed[0]["fingerprint"] as? String == "vmPU…Eh8A")
        #expect(listed[1]["endpoint"] as? String == "http://127.0.0.1:8904")
        #expect(listed[0]["rotationDue"] as? Bool == false)
        #expect((listed[0]["rotateBy"] as? String)?.hasPrefix("20") == true)

        let show = try await sandbox.vault(["show", "okx-sim"])
        #expect(show.status == 0)
        #expect(show.stdout.contains("passphrase:") && show.stdout.contains("17 characters, stored encrypted"))

        #expect(try await sandbox.vault(["rename", "grid", "binance-grid"]).status == 0)
        let removed = try await sandbox.vault(["remove", "okx-sim", "--yes"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try sandbox.open().entries.map(\.name) == ["binance-grid"])
        let unconfirmed = try await sandbox.vault(["remove", "binance-grid"])
        #expect(unconfirmed.status == 1 && unconfirmed.stderr.contains("--yes"))
    }

    @Test func addTrimsPastedWhitespaceWithAWarning() async throws {
        let sandbox = try VaultSandbox()
        try await sandbox.initialize()
        let added = try await sandbox.vault(
            ["add", "grid", "--exchange", "binance", "--stdin"],
            input: VaultSandbox.keyJSON(" \(Self.binanceKey)", "\(Self.binanceSecret)\n"))
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stderr.contains("warning: The API key had 1 space around it"))
        #expect(added.stderr.contains("warning: The secret had 1 space or line break around it"))
        #expect(try sandbox.open().entry(named: "grid")?.apiKey == Self.binanceKey)
    }

    @Test func addRefusesWhatIsCertainlyWrongAndStoresNothing() async throws {
        let sandbox = try VaultSandbox()
        try await sandbox.initialize()
        let cases: [([String], String, String)] = [
            (["--exchange", "okx"], VaultSandbox.keyJSON(Self.okxKey, Self.okxSecret), "need the passphrase"),
            (
                ["--exchange", "bybit"], VaultSandbox.keyJSON("abcdefghijklmnopqr", "s3cr3t", "phrase12"),
                "no passphrase"
            ),
            (
                ["--exchange", "kucoin", "--env", "demo"], VaultSandbox.keyJSON("k", "s", "p"),
                "has no demo environment"
            ),
            (["--exchange", "binance"], VaultSandbox.keyJSON(Self.binanceKey, Self.binanceKey), "pasted twice"),
            (["--exchange", "okx"], VaultSandbox.keyJSON(Self.okxSecret, Self.okxKey, "Phrase123"), "look swapped"),
            (["--exchange", "binance"], VaultSandbox.keyJSON("edkey0123456789", Self.ed25519PublicPEM), "public key"),
            (
                ["--exchange", "bybit"], VaultSandbox.keyJSON("edkey0123456789", Self.ed25519PEM),
                "does not take ed25519"
            ),
            (
                ["--exchange", "binance", "--key-type", "rsa"],
                VaultSandbox.keyJSON("edkey0123456789", Self.ed25519PEM),
                "declared as rsa"
            ),
            (["--exchange", "binance"], "{\"apiKey\": 1}", "not a string"),
            (["--exchange", "binance"], VaultSandbox.keyJSON("key 0123456789", Self.binanceSecret), "whitespace"),
        ]
        for (arguments, input, message) in cases {
            let outcome = try await sandbox.vault(["add", "bad"] + arguments + ["--stdin"], input: input)
            #expect(outcome.status == 1, "\(arguments)")
            #expect(outcome.stderr.contains(message), "\(arguments): \(outcome.stderr)")
        }
        #expect(try sandbox.open().entries.isEmpty)
    }

    @Test func aPEMPrivateKeyIsValidatedAndItsTypeDetected() async throws {
        let sandbox = try VaultSandbox()
        try await sandbox.initialize()
        let added = try await sandbox.vault(
            ["add", "ed", "--exchange", "binance", "--stdin"],
            input: VaultSandbox.keyJSON(
                "edkeyE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A", Self.ed25519PEM))
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("ed25519"))
        #expect(try sandbox.open().entry(named: "ed")?.keyType == .ed25519)
    }

    @Test func withoutATerminalTheKeyMustComeFromStdinAndThePasswordFromAFile() async throws {
        let sandbox = try VaultSandbox()
        try await sandbox.initialize()
        let noStdinFlag = try await sandbox.vault(["add", "x", "--exchange", "binance"])
        #expect(noStdinFlag.status == 1 && noStdinFlag.stderr.contains("not a terminal"))
        let noPassword = try await CLIRunner.run(["vault", "list"], environment: ["SENTINEL_HOME": sandbox.home])
        #expect(noPassword.status == 1)
        #expect(noPassword.stderr.contains("standard input is not a terminal and no password file was given"))
        let withOption = try await CLIRunner.run(
            ["vault", "list", "--password-file", sandbox.passwordFile], environment: ["SENTINEL_HOME": sandbox.home])
        #expect(withOption.status == 0, "\(withOption.stderr)")
    }

    @Test func thereIsNoWayToGiveThePasswordAsAnArgument() async throws {
        let sandbox = try VaultSandbox()
        try await sandbox.initialize()
        for option in ["--password", "--pass", "-p"] {
            let outcome = try await sandbox.vault(["list", option, "hunter2-password"])
            #expect(outcome.status != 0, "\(option)")
            #expect(!outcome.stderr.contains("hunter2") && !outcome.stdout.contains("hunter2"))
        }
    }

    @Test func wrongPasswordMissingVaultAndWidePermissionsEachExitNonZero() async throws {
        let sandbox = try VaultSandbox()
        let missing = try await sandbox.vault(["list"])
        #expect(missing.status == 1 && missing.stderr.contains("sentinel vault init"))
        try await sandbox.initialize()
        let again = try await sandbox.vault(["init"])
        #expect(again.status == 1 && again.stderr.contains("already exists"))

        let wrong = try sandbox.folder.write(Data("not the password\n".utf8), name: "wrong")
        let denied = try await sandbox.vault(["list", "--password-file", wrong])
        #expect(denied.status == 1 && denied.stderr.contains("The vault password is wrong"))

        chmod(sandbox.home, 0o755)
        let wideFolder = try await sandbox.vault(["list"])
        #expect(wideFolder.status == 1 && wideFolder.stderr.contains("chmod 0700 \(sandbox.home)"))
        chmod(sandbox.home, 0o700)
        chmod(sandbox.location.file, 0o640)
        let wideFile = try await sandbox.vault(["list"])
        #expect(wideFile.status == 1 && wideFile.stderr.contains("chmod 0600 \(sandbox.location.file)"))
        chmod(sandbox.location.file, 0o600)
        #expect(try await sandbox.vault(["list"]).status == 0)
    }

    @Test func damagedAndNewerFilesAreRefusedAndTheBackupIsOffered() async throws {
        let sandbox = try VaultSandbox()
        try await sandbox.initialize()
        try await sandbox.vault(
            ["add", "a", "--exchange", "binance", "--stdin"],
            input: VaultSandbox.keyJSON(Self.binanceKey, Self.binanceSecret))
        let url = URL(fileURLWithPath: sandbox.location.file)
        let original = Array(try Data(contentsOf: url))

        var flipped = original
        flipped[original.count / 2] ^= 0x20
        try Data(flipped).write(to: url)
        let damaged = try await sandbox.vault(["list"])
        #expect(damaged.status == 1 && damaged.stderr.contains("damaged"))
        #expect(damaged.stderr.contains("cp \(sandbox.location.backup) \(sandbox.location.file)"))

        try Data(original.prefix(100)).write(to: url)
        let truncated = try await sandbox.vault(["list"])
        #expect(truncated.status == 1 && truncated.stderr.contains("truncated"))

        var newer = original
        newer[9] = 7
        let body = newer.dropLast(32)
        try Data(Array(body) + Array(SHA256.hash(data: body))).write(to: url)
        let upgrade = try await sandbox.vault(["list"])
        #expect(upgrade.status == 1 && upgrade.stderr.contains("newer Sentinel") && upgrade.stderr.contains("Upgrade"))

        // Nothing above changed the file: it is exactly what was last written.
        #expect(Array(try Data(contentsOf: url)) == Array(body) + Array(SHA256.hash(data: body)))
    }

    @Test func rotateAsksTheExchangeBeforeReplacingTheKey() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        defer { Task { await simulator.shutdown() } }
        let old = try await simulator.createKey(SimulatedKeyRequest(exchange: "binance"))
        let new = try await simulator.createKey(SimulatedKeyRequest(exchange: "binance"))
        let sandbox = try VaultSandbox()
        try await sandbox.initialize()
        try await sandbox.vault(
            ["add", "grid", "--exchange", "binance", "--endpoint", simulator.url(for: .binance), "--stdin"],
            input: VaultSandbox.keyJSON(old.apiKey, old.secret))

        // A key the exchange does not know is refused, and the old key stays.
        let unknown = try await sandbox.vault(
            ["rotate", "grid", "--stdin"],
            input: VaultSandbox.keyJSON("UNKNOWN" + new.apiKey.dropFirst(7), new.secret))
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("refused the API key"), "\(unknown.stderr)")
        #expect(try sandbox.open().entry(named: "grid")?.apiKey == old.apiKey)

        let rotated = try await sandbox.vault(["rotate", "grid", "--stdin"], input: VaultSandbox.keyJSON(new.apiKey, new.secret))
        #expect(rotated.status == 0, "\(rotated.stderr)")
        #expect(rotated.stdout.contains("authenticated on Binance"))
        let entry = try #require(try sandbox.open().entry(named: "grid"))
        #expect(entry.apiKey == new.apiKey && entry.lastVerifiedAt != nil)
    }

    @Test func passwdReencryptsUnderTheNewPassword() async throws {
        let sandbox = try VaultSandbox()
        try await sandbox.initialize()
        try await sandbox.vault(
            ["add", "a", "--exchange", "binance", "--stdin"],
            input: VaultSandbox.keyJSON(Self.binanceKey, Self.binanceSecret))
        let newFile = try sandbox.folder.write(Data("the new vault password\n".utf8), name: "new")
        let changed = try await sandbox.vault(["passwd", "--new-password-file", newFile])
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(try await sandbox.vault(["list"]).status == 1)
        #expect(try await sandbox.vault(["list", "--password-file", newFile]).status == 0)
        let short = try sandbox.folder.write(Data("short\n".utf8), name: "short")
        let refused = try await sandbox.vault(["passwd", "--password-file", newFile, "--new-password-file", short])
        #expect(refused.status == 1 && refused.stderr.contains("too short"))
    }
}
