import Foundation
import SentinelCore
import SentinelSimulator
import SentinelVault
import Testing

/// `sentinel connect` as a person uses it, through a pseudo-terminal against the simulator: the steps one by one,
/// the key typed without echo, a passing doctor report, and nothing typed ever on screen. The session's waits
/// block, so they run off the concurrency pool that the in-process simulator needs.
@Suite(.serialized, .timeLimit(.minutes(5))) struct ConnectTerminalTests {
    static let enter = "Press Enter to continue… "
    static let keyTypeQuestion = "Key type [1 or 2, default 2]: "

    /// Presses Enter through the steps and answers the key-type question with `keyType`.
    static func walkThroughSteps(_ session: TerminalSession, keyType: String) throws {
        var asked = false
        while true {
            let prompt = try session.waitFor(any: [enter, keyTypeQuestion, "API key: ", "-----BEGIN PUBLIC KEY-----"])
            switch prompt {
            case enter: session.type("")
            case keyTypeQuestion:
                asked = true
                session.type(keyType)
            default:
                #expect(asked, "the key type was never asked")
                return
            }
        }
    }

    @Test(.timeLimit(.minutes(4))) func aSystemGeneratedKeyFromPromptToPassingDoctor() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        defer { Task { await simulator.shutdown() } }
        let key = try await simulator.createKey(
            SimulatedKeyRequest(exchange: "binance", permissions: ["read", "trade"], ipWhitelist: ["127.0.0.1"]))
        let sandbox = try VaultSandbox()
        let password = "typed password 123"
        let environment = ["SENTINEL_HOME": sandbox.home, "SENTINEL_TEST_ONLY_WEAK_KDF": "1", "NO_COLOR": "1"]
        let arguments = ["connect", "binance", "--name", "bot-1", "--endpoint", simulator.url(for: .binance)]

        let (status, screen) = try await CLIRunner.offPool {
            let session = try TerminalSession(arguments, environment: environment)
            try session.answer("New vault password: ", with: password)
            try session.answer("Type it again: ", with: password)
            try Self.walkThroughSteps(session, keyType: "1")
            session.type(key.apiKey)
            try session.answer("Secret (or the whole PEM private key): ", with: key.secret)
            try session.waitFor("ready to trade")
            return (session.finish(), session.screen)
        }
        #expect(status == 0, "\(screen)")
        for text in ["Step 1/8: Secure the account first", "Step 3/8: Choose the key type", "Never tick: Enable Withdrawals",
                     "Stored bot-1", "Sentinel doctor — bot-1", "bot-1 is stored and ready"] {
            #expect(screen.contains(text), "missing \(text): \(screen)")
        }
        for typed in [password, key.secret, key.apiKey] {
            #expect(!screen.contains(typed), "the terminal showed what was typed")
        }
        let entry = try #require(
            try Vault.open(at: sandbox.location, password: SecretText(password)).entry(named: "bot-1"))
        #expect(entry.apiKey == key.apiKey && entry.keyType == .hmac)
    }

    @Test(.timeLimit(.minutes(4))) func aSelfGeneratedEd25519KeyRegisteredWithThePrintedPublicKey() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        defer { Task { await simulator.shutdown() } }
        let sandbox = try VaultSandbox()
        try await sandbox.initialize()
        let environment = sandbox.environment.merging(["NO_COLOR": "1"]) { $1 }
        let arguments = ["connect", "binance", "--name", "ed-bot", "--endpoint", simulator.url(for: .binance)]

        let session = try await CLIRunner.offPool { try TerminalSession(arguments, environment: environment) }
        let publicKey = try await CLIRunner.offPool { () -> String in
            try Self.walkThroughSteps(session, keyType: "2")
            let rest = try session.text(from: "\n", through: "-----END PUBLIC KEY-----")
            return "-----BEGIN PUBLIC KEY-----" + rest.replacingOccurrences(of: "\r", with: "") + "\n"
        }
        let key = try await simulator.createKey(
            SimulatedKeyRequest(
                exchange: "binance", permissions: ["read", "trade"], ipWhitelist: ["127.0.0.1"], keyType: "ed25519",
                publicKey: publicKey))
        #expect(key.secret.isEmpty)
        let (status, screen) = try await CLIRunner.offPool {
            try session.answer("Press Enter once you have the API key… ", with: "")
            try session.answer("API key: ", with: key.apiKey)
            try session.waitFor("ready to trade")
            return (session.finish(), session.screen)
        }
        #expect(status == 0, "\(screen)")
        #expect(!screen.contains("Secret (or the whole PEM private key)"), "only the API key is asked")
        #expect(!screen.contains("PRIVATE KEY") && !screen.contains(key.apiKey))
        let entry = try #require(try sandbox.open().entry(named: "ed-bot"))
        #expect(entry.keyType == .ed25519 && entry.apiKey == key.apiKey)
        #expect(entry.secret.revealed().hasPrefix("-----BEGIN PRIVATE KEY-----"))
    }

    @Test(.timeLimit(.minutes(4))) func rerunningOnAStoredNameOffersRotation() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        defer { Task { await simulator.shutdown() } }
        let sandbox = try VaultSandbox()
        let endpoint = simulator.url(for: .binance)
        let first = try await simulator.createKey(
            SimulatedKeyRequest(exchange: "binance", permissions: ["read", "trade"], ipWhitelist: ["127.0.0.1"]))
        let added = try await sandbox.sentinel(
            ["connect", "binance", "--name", "bot-1", "--endpoint", endpoint, "--stdin", "--yes"],
            input: VaultSandbox.keyJSON(first.apiKey, first.secret))
        #expect(added.status == 0, "\(added.stderr)")
        let second = try await simulator.createKey(
            SimulatedKeyRequest(exchange: "binance", permissions: ["read", "trade"], ipWhitelist: ["127.0.0.1"]))
        let environment = sandbox.environment.merging(["NO_COLOR": "1"]) { $1 }

        let (declined, declinedScreen) = try await CLIRunner.offPool {
            let session = try TerminalSession(["connect", "binance", "--name", "bot-1"], environment: environment)
            try session.answer("Rotate bot-1? [y/N] ", with: "n")
            return (session.finish(), session.screen)
        }
        #expect(declined != 0 && declinedScreen.contains("it was left as it is"), "\(declinedScreen)")

        let (status, screen) = try await CLIRunner.offPool {
            let session = try TerminalSession(["connect", "binance", "--name", "bot-1"], environment: environment)
            try session.answer("Rotate bot-1? [y/N] ", with: "y")
            try Self.walkThroughSteps(session, keyType: "1")
            session.type(second.apiKey)
            try session.answer("Secret (or the whole PEM private key): ", with: second.secret)
            try session.waitFor("Rotated bot-1")
            return (session.finish(), session.screen)
        }
        #expect(status == 0, "\(screen)")
        #expect(!screen.contains(second.secret))
        #expect(try sandbox.open().entry(named: "bot-1")?.apiKey == second.apiKey)
    }
}
