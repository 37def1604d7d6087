import Foundation
import SentinelCore
import SentinelVault

/// A throw-away SENTINEL_HOME with a password file, and `sentinel` run against it. Every output is kept so that
/// tests can scan all of it for secrets.
final class VaultSandbox: @unchecked Sendable {
    static let password = "sandbox password 42"

    let folder: TemporaryFolder
    let home: String
    let passwordFile: String
    private(set) var outputs: [CLIRunner.Outcome] = []

    init() throws {
        folder = try TemporaryFolder()
        home = folder.url.appendingPathComponent("home").path
        passwordFile = try folder.write(Data((Self.password + "\n").utf8), name: "password")
        chmod(passwordFile, 0o600)
    }

    var location: VaultLocation { VaultLocation(home: home) }

    var environment: [String: String] {
        ["SENTINEL_HOME": home, "SENTINEL_PASSWORD_FILE": passwordFile, "SENTINEL_TEST_ONLY_WEAK_KDF": "1",
         // Keys stored without an endpoint would otherwise be checked with the real exchange: tests stay on loopback.
         "SENTINEL_OFFLINE": "1"]
    }

    /// Runs `sentinel vault …` with the password file in the environment.
    @discardableResult
    func vault(_ arguments: [String], input: String? = nil, environment extra: [String: String] = [:]) async throws
        -> CLIRunner.Outcome
    {
        let outcome = try await CLIRunner.run(
            ["vault"] + arguments, environment: environment.merging(extra) { $1 }, input: input)
        outputs.append(outcome)
        return outcome
    }

    /// Runs any `sentinel` command with this home and password file.
    @discardableResult
    func sentinel(_ arguments: [String], input: String? = nil) async throws -> CLIRunner.Outcome {
        let outcome = try await CLIRunner.run(arguments, environment: environment, input: input)
        outputs.append(outcome)
        return outcome
    }

    /// `vault init` with the test-only weak KDF.
    func initialize() async throws {
        let outcome = try await vault(["init"])
        precondition(outcome.status == 0, outcome.stderr)
    }

    static func keyJSON(_ apiKey: String, _ secret: String, _ passphrase: String? = nil) -> String {
        var object = ["apiKey": apiKey, "secret": secret]
        if let passphrase { object["passphrase"] = passphrase }
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    func open() throws -> UnlockedVault {
        try Vault.open(at: location, password: SecretText(Self.password))
    }
}
