import Foundation
import SentinelCore
import SentinelSimulator
import SentinelVault
import Testing

/// `sentinel connect` without a terminal: --stdin and --yes against the simulator, rotation of a name in use,
/// and the refusal when it cannot ask.
@Suite(.serialized, .timeLimit(.minutes(5))) struct ConnectCommandTests {
    static func goodKey(_ simulator: RunningSimulator) async throws -> SimulatedKey {
        try await simulator.createKey(
            SimulatedKeyRequest(exchange: "binance", permissions: ["read", "trade"], ipWhitelist: ["127.0.0.1"]))
    }

    /// Every file under SENTINEL_HOME, recursively.
    static func files(under path: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: path)
        var files: [String] = []
        while let next = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = (path as NSString).appendingPathComponent(next)
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(full)
            }
        }
        return files
    }

    static func expectNoSecret(_ secrets: [String], in sandbox: VaultSandbox) throws {
        #expect(!files(under: sandbox.home).isEmpty)
        for file in files(under: sandbox.home) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            for secret in secrets {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(file) holds a secret")
            }
        }
        for output in sandbox.outputs {
            for secret in secrets {
                #expect(!output.stdout.contains(secret) && !output.stderr.contains(secret), "a secret was printed")
            }
        }
    }

    @Test func storesTestsAndPassesAKeyFromStandardInput() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        defer { Task { await simulator.shutdown() } }
        let key = try await Self.goodKey(simulator)
        let sandbox = try VaultSandbox()
        let outcome = try await sandbox.sentinel(
            ["connect", "binance", "--name", "bot-1", "--endpoint", simulator.url(for: .binance), "--stdin", "--yes"],
            input: VaultSandbox.keyJSON(key.apiKey, key.secret))
        #expect(outcome.status == 0, "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(outcome.stdout.contains("Created the vault"))
        #expect(outcome.stdout.contains("sentinel guide binance --product spot"))
        #expect(outcome.stdout.contains("Stored bot-1 (binance spot"))
        #expect(outcome.stdout.contains("Sentinel doctor — bot-1"))
        #expect(outcome.stdout.contains("0 failed") && outcome.stdout.contains("ready to trade"))
        #expect(outcome.stdout.contains("bot-1 is stored and ready"))
        let entry = try #require(try sandbox.open().entry(named: "bot-1"))
        #expect(entry.apiKey == key.apiKey && entry.secret == SecretText(key.secret))
        #expect(entry.label == "Sentinel - bot-1" && entry.products == [.spot])
        #expect(entry.environment.customEndpoint == simulator.url(for: .binance))
        try Self.expectNoSecret([key.secret, key.apiKey], in: sandbox)
    }

    @Test func binanceUSAndBinanceFuturesConnectToo() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        defer { Task { await simulator.shutdown() } }
        let sandbox = try VaultSandbox()
        let us = try await simulator.createKey(
            SimulatedKeyRequest(exchange: "binance-us", permissions: ["read", "trade"], ipWhitelist: ["127.0.0.1"]))
        let usOutcome = try await sandbox.sentinel(
            ["connect", "binance-us", "--endpoint", simulator.url(for: .binanceUS), "--stdin", "--yes"],
            input: VaultSandbox.keyJSON(us.apiKey, us.secret))
        #expect(usOutcome.status == 0, "\(usOutcome.stdout)\n\(usOutcome.stderr)")
        #expect(usOutcome.stdout.contains("Stored binance-us-spot (binance-us spot"))
        let futures = try await simulator.createKey(
            SimulatedKeyRequest(exchange: "binance", permissions: ["read", "trade", "futures"], ipWhitelist: ["127.0.0.1"]))
        let futuresOutcome = try await sandbox.sentinel(
            ["connect", "binance", "--product", "linear", "--endpoint", simulator.url(for: .binanceUSDM), "--stdin", "--yes"],
            input: VaultSandbox.keyJSON(futures.apiKey, futures.secret))
        #expect(futuresOutcome.status == 0, "\(futuresOutcome.stdout)\n\(futuresOutcome.stderr)")
        #expect(futuresOutcome.stdout.contains("Stored binance-linear (binance linear"))
        #expect(futuresOutcome.stdout.contains("ready to trade"))
        try Self.expectNoSecret([us.secret, futures.secret], in: sandbox)
    }

    @Test func aDoctorFailureIsANonZeroExitWithTheKeyStoredAndTheFixShown() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        defer { Task { await simulator.shutdown() } }
        let key = try await simulator.createKey(
            SimulatedKeyRequest(exchange: "binance", permissions: ["read", "trade", "withdraw"], ipWhitelist: ["127.0.0.1"]))
        let sandbox = try VaultSandbox()
        let outcome = try await sandbox.sentinel(
            ["connect", "binance", "--name", "bot-w", "--endpoint", simulator.url(for: .binance), "--stdin", "--yes"],
            input: VaultSandbox.keyJSON(key.apiKey, key.secret))
        #expect(outcome.status != 0)
        #expect(outcome.stdout.contains("Stored bot-w"))
        #expect(outcome.stdout.contains("NOT ready"))
        #expect(outcome.stdout.contains("permissions.withdraw: On binance.com → Profile → API Management, edit the key "
            + "and untick withdrawals"), "\(outcome.stdout)")
        #expect(try sandbox.open().entry(named: "bot-w") != nil)
    }

    @Test func anExistingNameIsRotatedOnlyWhenConfirmed() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        defer { Task { await simulator.shutdown() } }
        let sandbox = try VaultSandbox()
        let endpoint = simulator.url(for: .binance)
        let first = try await Self.goodKey(simulator)
        let added = try await sandbox.sentinel(
            ["connect", "binance", "--name", "bot-1", "--endpoint", endpoint, "--stdin", "--yes"],
            input: VaultSandbox.keyJSON(first.apiKey, first.secret))
        #expect(added.status == 0, "\(added.stderr)")

        let second = try await Self.goodKey(simulator)
        let unconfirmed = try await sandbox.sentinel(
            ["connect", "binance", "--name", "bot-1", "--endpoint", endpoint, "--stdin"],
            input: VaultSandbox.keyJSON(second.apiKey, second.secret))
        #expect(unconfirmed.status != 0)
        #expect(unconfirmed.stdout.contains("Sentinel can rotate it"))
        #expect(unconfirmed.stderr.contains("already has a key named \"bot-1\"") && unconfirmed.stderr.contains("--yes"))
        #expect(try sandbox.open().entry(named: "bot-1")?.apiKey == first.apiKey)

        let rotated = try await sandbox.sentinel(
            ["connect", "binance", "--name", "bot-1", "--stdin", "--yes"],
            input: VaultSandbox.keyJSON(second.apiKey, second.secret))
        #expect(rotated.status == 0, "\(rotated.stdout)\n\(rotated.stderr)")
        #expect(rotated.stdout.contains("Rotated bot-1"))
        #expect(rotated.stdout.contains("ready to trade"))
        #expect(try sandbox.open().entries.count == 1)
        #expect(try sandbox.open().entry(named: "bot-1")?.apiKey == second.apiKey)
        try Self.expectNoSecret([first.secret, second.secret], in: sandbox)
    }

    /// KuCoin has a connector now: its key (with the passphrase) is stored and tested on the simulator's spot
    /// listener like any other.
    @Test func aKuCoinKeyIsStoredWithItsPassphraseAndTested() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        defer { Task { await simulator.shutdown() } }
        let key = try await simulator.createKey(
            SimulatedKeyRequest(exchange: "kucoin", permissions: ["read", "trade"], ipWhitelist: ["127.0.0.1"]))
        let passphrase = try #require(key.passphrase)
        let sandbox = try VaultSandbox()
        let outcome = try await sandbox.sentinel(
            ["connect", "kucoin", "--name", "kc-1", "--endpoint", simulator.url(for: .kucoin), "--stdin", "--yes"],
            input: VaultSandbox.keyJSON(key.apiKey, key.secret, passphrase))
        #expect(outcome.status == 0, "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(outcome.stdout.contains("Stored kc-1 (kucoin spot live"), "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(outcome.stdout.contains("Testing the key with the doctor"))
        #expect(outcome.stdout.contains("kc-1 is stored and ready"))
        #expect(try sandbox.open().entry(named: "kc-1")?.passphrase == SecretText(passphrase))
        try Self.expectNoSecret([key.secret, passphrase], in: sandbox)
    }

    @Test func refusesWithoutATerminalUnlessToldHowToProceed() async throws {
        let sandbox = try VaultSandbox()
        let outcome = try await sandbox.sentinel(["connect", "binance"])
        let yesAlone = try await sandbox.sentinel(["connect", "binance", "--yes"])
        #expect(yesAlone.status != 0 && yesAlone.stderr.contains("Standard input is not a terminal"))
        #expect(outcome.status != 0)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("Standard input is not a terminal"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("--stdin") && outcome.stderr.contains("--yes"))
        #expect(outcome.stderr.contains("sentinel guide binance"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.location.file))
    }

    @Test func refusesUnknownExchangesAndVenuesBeforeAnything() async throws {
        let sandbox = try VaultSandbox()
        let unknown = try await sandbox.sentinel(["connect", "kraken", "--stdin", "--yes"], input: "{}")
        #expect(unknown.status != 0 && unknown.stderr.contains("Unknown exchange"))
        let venue = try await sandbox.sentinel(["connect", "kucoin", "--env", "demo", "--stdin", "--yes"], input: "{}")
        #expect(venue.status != 0 && venue.stderr.contains("KuCoin has no demo environment"))
        let keyType = try await sandbox.sentinel(["connect", "okx", "--key-type", "ed25519", "--stdin", "--yes"], input: "{}")
        #expect(keyType.status != 0 && keyType.stderr.contains("OKX does not take ed25519 keys"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.location.file))
    }
}
