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
        let markets = try await s.sandbox.sentinel(["markets"] + s.spot + ["--filter", "BTC"])
        #expect(markets.status == 0, "\(markets.stderr)")
        #expect(markets.stdout.contains("BTC/USDT") && markets.stdout.contains("BTC-USDT"))
        let balance = try await s.sandbox.sentinel(["balance", "--json"] + s.spot)
        let balances = try #require(try json(balance.stdout) as? [[String: Any]], "\(balance.stderr)")
        #expect(balances.contains { $0["asset"] as? String == "USDT" })

        // The native symbol resolves through the loaded markets.
        let place = try await s.sandbox.sentinel(
            ["order", "place", "--json", "--symbol", "BTC-USDT", "--side", "buy", "--quantity", "0.0001", "--price",
             "60000", "--post-only", "--client-id", "sn-kucoin-1"] + s.spot)
        #expect(place.status == 0, "\(place.stderr)")
        let placed = try #require(try json(place.stdout) as? [String: Any])
        #expect(placed["clientOrderID"] as? String == "sn-kucoin-1" && placed["status"] as? String == "new")
        let show = try await s.sandbox.sentinel(["order", "show", "--symbol", "BTC/USDT", "--client-id", "sn-kucoin-1"] + s.spot)
        #expect(show.stdout.contains("sn-kucoin-1") && show.stdout.contains("new"), "\(show.stdout)\(show.stderr)")
        #expect(try await s.sandbox.sentinel(["order", "list"] + s.spot).stdout.contains("sn-kucoin-1"))
        let cancel = try await s.sandbox.sentinel(
            ["order", "cancel", "--symbol", "BTC/USDT", "--client-id", "sn-kucoin-1"] + s.spot)
        #expect(cancel.status == 0 && cancel.stdout.contains("canceled"), "\(cancel.stdout)\(cancel.stderr)")
        #expect(try await s.sandbox.sentinel(["order", "list"] + s.spot).stdout.contains("No orders."))
    }

    @Test func aTimeoutAfterAcceptanceEndsWithExactlyOneOrder() async throws {
        let s = try await Self.setup()
        defer { Task { await s.simulator.shutdown() } }
        await s.simulator.addFault(
            SimulatedFault(exchange: "kucoin-futures", kind: "timeout-after-accept", path: "/api/v1/orders", count: 1))
        let place = try await s.sandbox.sentinel(
            ["order", "place", "--json", "--symbol", "XBTUSDTM", "--side", "buy", "--quantity", "0.002", "--price",
             "60000", "--client-id", "sn-kucoin-timeout", "--timeout-ms", "1500"] + s.linear)
        #expect(place.status == 0, "\(place.stderr)")
        let list = try await s.sandbox.sentinel(["order", "list", "--json"] + s.linear)
        let open = try #require(try json(list.stdout) as? [[String: Any]], "\(list.stderr)")
        #expect(open.count == 1 && open.first?["clientOrderID"] as? String == "sn-kucoin-timeout")
        #expect(open.first?["quantity"] as? String == "0.002", "\(list.stdout)")
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
