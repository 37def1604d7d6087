import Foundation
@testable import SentinelSimulator
import Testing

/// `markets`, `balance`, `positions` and `order …` with `--exchange kucoin`, against the simulator's two KuCoin
/// listeners: the spot host and the futures host.
@Suite(.serialized, .timeLimit(.minutes(5))) struct KuCoinCommandTests {
    struct Setup {
        let simulator: RunningSimulator
        let sandbox: VaultSandbox
        let spot: [String]
        let linear: [String]
    }

    static func setup() async throws -> Setup {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        let key = try await simulator.createKey(
            SimulatedKeyRequest(exchange: "kucoin", permissions: ["read", "trade", "futures"], ipWhitelist: ["127.0.0.1"]))
        let sandbox = try VaultSandbox()
        let keyFile = try sandbox.folder.keyFile(key)
        let common = ["--exchange", "kucoin", "--credentials", keyFile]
        return Setup(
            simulator: simulator, sandbox: sandbox, spot: common + ["--endpoint", simulator.url(for: .kucoin)],
            linear: common + ["--product", "linear", "--endpoint", simulator.url(for: .kucoinFutures)])
    }

    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func spotMarketsBalanceAndTheOrderLifecycle() async throws {
        let s = try await Self.setup()
        defer { Task { await s.simulator.shutdown() } }
        try await CLIOrderChecks.marketsAndBalance(s.sandbox, s.spot, native: "BTC-USDT")

        try await CLIOrderChecks.restingOrderLifecycle(
            s.sandbox, s.spot, placeSymbol: "BTC-USDT", showSymbol: "BTC/USDT", cancelSymbol: "BTC/USDT", quantity: "0.0001",
            price: "60000", clientID: "sn-kucoin-1")
    }

    @Test func aTimeoutAfterAcceptanceEndsWithExactlyOneOrder() async throws {
        let s = try await Self.setup()
        defer { Task { await s.simulator.shutdown() } }
        let open = try await CLIOrderChecks.lostAnswerEndsWithOneOrder(
            s.sandbox, s.simulator, s.linear, listener: "kucoin-futures", path: "/api/v1/orders", symbol: "XBTUSDTM",
            quantity: "0.002", clientID: "sn-kucoin-timeout")
        #expect(open.first?["quantity"] as? String == "0.002", "\(open)")
    }

    @Test func futuresPositionsFromTheCommandLine() async throws {
        let s = try await Self.setup()
        defer { Task { await s.simulator.shutdown() } }
        let open = try await s.sandbox.sentinel(
            ["order", "place", "--symbol", "BTC/USDT:USDT", "--side", "buy", "--type", "market", "--quantity", "0.005"]
                + s.linear)
        #expect(open.status == 0, "\(open.stderr)")
        let positions = try await s.sandbox.sentinel(["positions"] + s.linear)
        #expect(positions.stdout.contains("BTC/USDT:USDT") && positions.stdout.contains("long"), "\(positions.stdout)")
        // Not a whole number of lots (0.001 BTC each): refused before anything is sent.
        let odd = try await s.sandbox.sentinel(
            ["order", "place", "--symbol", "BTC/USDT:USDT", "--side", "sell", "--type", "market", "--quantity", "0.0055",
             "--reduce-only"] + s.linear)
        #expect(odd.status != 0)
        let close = try await s.sandbox.sentinel(
            ["order", "place", "--symbol", "BTC/USDT:USDT", "--side", "sell", "--type", "market", "--quantity", "0.005",
             "--reduce-only"] + s.linear)
        #expect(close.status == 0, "\(close.stderr)")
        #expect(try await s.sandbox.sentinel(["positions"] + s.linear).stdout.contains("No open positions (linear)."))
    }

    /// The doctor on single keys: a futures-only key used on spot, an unbound key, a wrong passphrase. Each is named
    /// by its check with a fix a person can follow.
    @Test(arguments: [
        (["read", "futures"], ["127.0.0.1"], false, "permissions.trade", "fail", "--product linear"),
        (["read", "trade"], [String](), false, "ip-whitelist", "warn", "30 days"),
        (["read", "trade"], ["127.0.0.1"], true, "auth", "fail", "passphrase"),
    ])
    func doctorNamesTheClassicMistakes(
        _ permissions: [String], _ whitelist: [String], _ mistypedPassphrase: Bool, _ check: String, _ status: String,
        _ fixMentions: String
    ) async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        defer { Task { await simulator.shutdown() } }
        var key = try await simulator.createKey(
            SimulatedKeyRequest(exchange: "kucoin", permissions: permissions, ipWhitelist: whitelist))
        if mistypedPassphrase { key.passphrase = key.passphrase.map { String($0.dropLast()) } }
        let sandbox = try VaultSandbox()
        let file = try sandbox.folder.keyFile(key, name: "kucoin.json")
        let doctor = try await sandbox.sentinel(
            ["doctor", "kc-key", "--json", "--exchange", "kucoin", "--credentials", file, "--endpoint",
             simulator.url(for: .kucoin)])
        let report = try #require(try json(doctor.stdout) as? [String: Any], "\(doctor.stderr)")
        let checks = try #require(report["checks"] as? [[String: Any]])
        let found = try #require(checks.first { $0["id"] as? String == check })
        #expect(found["status"] as? String == status, "\(found)")
        let text = ((found["fix"] as? [String]) ?? []).joined() + (found["summary"] as? String ?? "")
        #expect(text.contains(fixMentions), "\(found)")
    }
}
