import Foundation
import SentinelSimulator
import Testing

/// "Sentinel refuses keys that can withdraw": `vault add`, `vault rotate` and `connect` ask the exchange and refuse
/// such a key unless the user names the risk; a good stored key is never replaced by one.
@Suite(.serialized, .timeLimit(.minutes(5))) struct WithdrawKeyRefusalTests {
    static let online = ["SENTINEL_OFFLINE": "0"]

    static func keyJSON(_ simulator: RunningSimulator, withdraw: Bool) async throws -> String {
        let permissions = withdraw ? ["read", "trade", "withdraw"] : ["read", "trade"]
        let key = try await simulator.createKey(
            SimulatedKeyRequest(exchange: "binance", permissions: permissions, ipWhitelist: ["127.0.0.1"]))
        return VaultSandbox.keyJSON(key.apiKey, key.secret)
    }

    @Test func addRefusesAWithdrawKeyUnlessTheRiskIsNamed() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        defer { Task { await simulator.shutdown() } }
        let sandbox = try VaultSandbox()
        try await sandbox.initialize()
        let add = ["add", "bot", "--exchange", "binance", "--endpoint", simulator.url(for: .binance), "--stdin"]
        let withdrawKey = try await Self.keyJSON(simulator, withdraw: true)
        let refused = try await sandbox.vault(add, input: withdrawKey, environment: Self.online)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("can withdraw funds") && refused.stderr.contains("--allow-withdraw-key"))
        #expect(!(try await sandbox.vault(["list"])).stdout.contains("bot"))
        let accepted = try await sandbox.vault(add + ["--allow-withdraw-key"], input: withdrawKey, environment: Self.online)
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect((try await sandbox.vault(["list"])).stdout.contains("bot"))
    }

    /// What the exchange says about the key when it is added is kept: its expiry (for `vault list` and the
    /// console's countdown) and the time it was verified.
    @Test func addKeepsTheExchangesExpiry() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        defer { Task { await simulator.shutdown() } }
        let sandbox = try VaultSandbox()
        try await sandbox.initialize()
        let inTenDays = Int64(Date().timeIntervalSince1970 * 1000) + 10 * 86_400_000
        let key = try await simulator.createKey(
            SimulatedKeyRequest(exchange: "bybit", permissions: ["read", "trade"], expiresAt: inTenDays))
        let added = try await sandbox.vault(
            ["add", "bybit-bot", "--exchange", "bybit", "--endpoint", simulator.url(for: .bybit), "--stdin"],
            input: VaultSandbox.keyJSON(key.apiKey, key.secret), environment: Self.online)
        #expect(added.status == 0, "\(added.stderr)")
        let listed = try await sandbox.vault(["list", "--json"])
        let entries = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]
        let entry = try #require(entries?.first)
        #expect((entry["expiresAt"] as? String)?.isEmpty == false, "\(listed.stdout)")
        #expect((entry["lastVerifiedAt"] as? String)?.isEmpty == false, "\(listed.stdout)")
    }

    @Test func rotateKeepsTheGoodKeyWhenTheNewOneCanWithdraw() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        defer { Task { await simulator.shutdown() } }
        let sandbox = try VaultSandbox()
        try await sandbox.initialize()
        let good = try await Self.keyJSON(simulator, withdraw: false)
        let added = try await sandbox.vault(
            ["add", "bot", "--exchange", "binance", "--endpoint", simulator.url(for: .binance), "--stdin"], input: good,
            environment: Self.online)
        #expect(added.status == 0, "\(added.stderr)")
        let before = try await sandbox.vault(["show", "bot"])
        let rotated = try await sandbox.vault(
            ["rotate", "bot", "--stdin"], input: try await Self.keyJSON(simulator, withdraw: true), environment: Self.online)
        #expect(rotated.status != 0)
        #expect(rotated.stderr.contains("can withdraw funds"))
        let after = try await sandbox.vault(["show", "bot"])
        #expect(before.stdout == after.stdout, "the good key stays")
    }
}
