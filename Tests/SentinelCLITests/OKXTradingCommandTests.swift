import Foundation
import SentinelSimulator
import Testing

/// `markets`, `balance`, `positions` and `order …` with `--exchange okx` against the simulator's OKX dialect, spot and
/// the USDT swap (sizes in base units on the command line, contracts on the wire).
@Suite(.serialized) struct OKXTradingCommandTests {
    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func spotAndSwapThroughTheCommandLine() async throws {
        // Each command is a new client whose clock sync reads `public/time` five times; OKX allows 10 per 2 s per IP,
        // so commands run back to back would trip it. Limits are counted, not enforced, here; they have their own tests.
        let simulator = try await RunningSimulator.start(SimulatorConfiguration(enforcesRateLimits: false))
        defer { Task { await simulator.shutdown() } }
        let key = try await simulator.createKey(
            SimulatedKeyRequest(exchange: "okx", permissions: ["read", "trade"], ipWhitelist: ["127.0.0.1"]))
        let sandbox = try VaultSandbox()
        let keyFile = try sandbox.folder.keyFile(key, name: "okx.json")
        let spot = ["--exchange", "okx", "--credentials", keyFile, "--endpoint", simulator.url(for: .okx)]
        let swap = spot + ["--product", "linear"]

        try await CLIOrderChecks.marketsAndBalance(sandbox, spot, native: "BTC-USDT")

        try await CLIOrderChecks.restingOrderLifecycle(
            sandbox, spot, placeSymbol: "BTC/USDT", showSymbol: "BTC-USDT", cancelSymbol: "BTC/USDT", quantity: "0.0001",
            price: "30000", clientID: "okxcli1")

        // 0.001 BTC is 0.1 contracts of 0.01 BTC; the position reads back in BTC.
        let open = try await sandbox.sentinel(
            ["order", "place", "--symbol", "BTC-USDT-SWAP", "--side", "buy", "--type", "market", "--quantity", "0.001"] + swap)
        #expect(open.status == 0, "\(open.stderr)")
        let positions = try await sandbox.sentinel(["positions", "--json"] + swap)
        let rows = try #require(try json(positions.stdout) as? [[String: Any]], "\(positions.stderr)")
        #expect(rows.count == 1)
        #expect(rows.first?["symbol"] as? String == "BTC/USDT:USDT")
        #expect((rows.first?["size"] as? String).flatMap { Decimal(string: $0) } == Decimal(string: "0.001"))
        // Not a whole number of lots (0.0001 BTC): refused before anything is sent.
        let fraction = try await sandbox.sentinel(
            ["order", "place", "--symbol", "BTC/USDT:USDT", "--side", "buy", "--type", "market", "--quantity", "0.00015"]
                + swap)
        #expect(fraction.status != 0)
        let after = try await sandbox.sentinel(["positions", "--json"] + swap)
        let sizes = (try json(after.stdout) as? [[String: Any]])?.compactMap { $0["size"] as? String }
        #expect(sizes.map { $0.compactMap { Decimal(string: $0) } } == [Decimal(string: "0.001")!])
    }

    /// The key audit reads OKX's account/config: a read-only key cannot trade, a key bound to no IP is a warning with
    /// OKX's own consequence (trade keys without an IP expire after 14 days unused).
    @Test(arguments: [(["read"], ["127.0.0.1"], "permissions.trade", "fail"), (["read", "trade"], [], "ip-whitelist", "warn")])
    func doctorAuditsTheKeyFromAccountConfig(permissions: [String], whitelist: [String], check: String, status: String)
        async throws
    {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration(enforcesRateLimits: false))
        defer { Task { await simulator.shutdown() } }
        let key = try await simulator.createKey(
            SimulatedKeyRequest(exchange: "okx", permissions: permissions, ipWhitelist: whitelist))
        let sandbox = try VaultSandbox()
        let file = try sandbox.folder.keyFile(key, name: "okx.json")
        let doctor = try await sandbox.sentinel(
            ["doctor", "okx-key", "--json", "--exchange", "okx", "--credentials", file, "--endpoint", simulator.url(for: .okx)])
        let report = try #require(try json(doctor.stdout) as? [String: Any], "\(doctor.stderr)")
        let checks = try #require(report["checks"] as? [[String: Any]])
        let found = try #require(checks.first { $0["id"] as? String == check })
        #expect(found["status"] as? String == status, "\(found)")
        #expect(checks.first { $0["id"] as? String == "auth" }?["status"] as? String == "pass")
        if check == "ip-whitelist" {
            #expect((found["fix"] as? [String])?.joined().contains("14 days") == true, "\(found)")
        }
    }

    /// `sentinel connect okx --env demo`: a demo key is tested on the demo environment (the `x-simulated-trading`
    /// header) and stored ready; `vault rotate` tests the new key with the connector before replacing the old one.
    @Test func connectAndRotateADemoKey() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration(enforcesRateLimits: false))
        defer { Task { await simulator.shutdown() } }
        func demoKey() async throws -> SimulatedKey {
            try await simulator.createKey(
                SimulatedKeyRequest(exchange: "okx", permissions: ["read", "trade"], ipWhitelist: ["127.0.0.1"], environment: "demo"))
        }
        let first = try await demoKey()
        let sandbox = try VaultSandbox()
        let connect = try await sandbox.sentinel(
            ["connect", "okx", "--env", "demo", "--name", "okx-demo", "--endpoint", simulator.url(for: .okx), "--stdin", "--yes"],
            input: VaultSandbox.keyJSON(first.apiKey, first.secret, first.passphrase ?? ""))
        #expect(connect.status == 0, "\(connect.stdout)\n\(connect.stderr)")
        #expect(connect.stdout.contains("ready to trade") && connect.stdout.contains("okx-demo is stored and ready"))
        let second = try await demoKey()
        let rotate = try await sandbox.vault(
            ["rotate", "okx-demo", "--stdin"], input: VaultSandbox.keyJSON(second.apiKey, second.secret, second.passphrase ?? ""))
        #expect(rotate.status == 0, "\(rotate.stdout)\n\(rotate.stderr)")
        #expect(rotate.stdout.contains("Rotated okx-demo"))
        // A live key is refused on demo before it replaces anything.
        let live = try await simulator.createKey(SimulatedKeyRequest(exchange: "okx", ipWhitelist: ["127.0.0.1"]))
        let refused = try await sandbox.vault(
            ["rotate", "okx-demo", "--stdin"], input: VaultSandbox.keyJSON(live.apiKey, live.secret, live.passphrase ?? ""))
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("This is a live key"), "\(refused.stderr)")
        for output in sandbox.outputs {
            for secret in [first.secret, second.secret, live.secret] + [first, second, live].compactMap(\.passphrase) {
                #expect(!output.stdout.contains(secret) && !output.stderr.contains(secret))
            }
        }
    }
}
