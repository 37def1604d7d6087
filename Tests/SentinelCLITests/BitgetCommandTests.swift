import Foundation
import SentinelSimulator
import Testing

/// `markets`, `balance`, `positions`, `order …`, `doctor` and `connect` with `--exchange bitget` against the
/// simulator's Bitget dialect: spot and USDT-M (productType USDT-FUTURES), sizes in base coin everywhere.
@Suite(.serialized, .timeLimit(.minutes(5))) struct BitgetCommandTests {
    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func spotAndUSDTMThroughTheCommandLine() async throws {
        // Each command is a new client whose clock sync reads `public/time` several times; limits are counted, not
        // enforced, here; they have their own tests.
        let simulator = try await RunningSimulator.start(SimulatorConfiguration(enforcesRateLimits: false))
        defer { Task { await simulator.shutdown() } }
        let key = try await simulator.createKey(
            SimulatedKeyRequest(exchange: "bitget", permissions: ["read", "trade", "futures"], ipWhitelist: ["127.0.0.1"]))
        let sandbox = try VaultSandbox()
        let keyFile = try sandbox.folder.keyFile(key, name: "bitget.json")
        let spot = ["--exchange", "bitget", "--credentials", keyFile, "--endpoint", simulator.url(for: .bitget)]
        let futures = spot + ["--product", "linear"]

        try await CLIOrderChecks.marketsAndBalance(sandbox, spot, native: "BTCUSDT")

        try await CLIOrderChecks.restingOrderLifecycle(
            sandbox, spot, placeSymbol: "BTC/USDT", showSymbol: "BTCUSDT", cancelSymbol: "BTC/USDT", quantity: "0.0001",
            price: "30000", clientID: "bitget-cli-1")

        let open = try await sandbox.sentinel(
            ["order", "place", "--symbol", "BTCUSDT", "--side", "buy", "--type", "market", "--quantity", "0.001"] + futures)
        #expect(open.status == 0, "\(open.stderr)")
        let positions = try await sandbox.sentinel(["positions", "--json"] + futures)
        let rows = try #require(try json(positions.stdout) as? [[String: Any]], "\(positions.stderr)")
        #expect(rows.count == 1)
        #expect(rows.first?["symbol"] as? String == "BTC/USDT:USDT")
        #expect((rows.first?["size"] as? String).flatMap { Decimal(string: $0) } == Decimal(string: "0.001"))
        // Not a multiple of the 0.0001 BTC size step: refused before anything is sent.
        let fraction = try await sandbox.sentinel(
            ["order", "place", "--symbol", "BTC/USDT:USDT", "--side", "buy", "--type", "market", "--quantity", "0.00015"]
                + futures)
        #expect(fraction.status != 0)
        // A spot market buy would be sized in USDT on Bitget: refused with the way to do it.
        let marketBuy = try await sandbox.sentinel(
            ["order", "place", "--symbol", "BTC/USDT", "--side", "buy", "--type", "market", "--quantity", "0.001"] + spot)
        #expect(marketBuy.status != 0 && marketBuy.stderr.contains("--time-in-force ioc"), "\(marketBuy.stderr)")
        for output in sandbox.outputs {
            #expect(!output.stdout.contains(key.secret) && !output.stderr.contains(key.secret))
            #expect(!output.stderr.contains(key.passphrase ?? "-"))
        }
    }

    /// The done-when of issue 14: `sentinel order place` survives a `timeout-after-accept` fault with exactly one
    /// order (found by its clientOid, not sent again); a reduce-only market order closes the USDT-M position.
    @Test func aTimeoutAfterAcceptanceEndsWithExactlyOneOrder() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration(enforcesRateLimits: false))
        defer { Task { await simulator.shutdown() } }
        let key = try await simulator.createKey(
            SimulatedKeyRequest(exchange: "bitget", permissions: ["read", "trade", "futures"], ipWhitelist: ["127.0.0.1"]))
        let sandbox = try VaultSandbox()
        let keyFile = try sandbox.folder.keyFile(key, name: "bitget.json")
        let futures = [
            "--exchange", "bitget", "--product", "linear", "--credentials", keyFile, "--endpoint", simulator.url(for: .bitget),
        ]
        try await CLIOrderChecks.lostAnswerEndsWithOneOrder(
            sandbox, simulator, futures, listener: "bitget", path: "/api/v2/mix/order/place-order", symbol: "BTC/USDT:USDT",
            quantity: "0.002", clientID: "sn-bitget-timeout")

        let buy = try await sandbox.sentinel(
            ["order", "place", "--symbol", "BTC/USDT:USDT", "--side", "buy", "--type", "market", "--quantity", "0.005"] + futures)
        #expect(buy.status == 0, "\(buy.stderr)")
        #expect(try await sandbox.sentinel(["positions"] + futures).stdout.contains("BTC/USDT:USDT"))
        let close = try await sandbox.sentinel(
            ["order", "place", "--symbol", "BTC/USDT:USDT", "--side", "sell", "--type", "market", "--quantity", "0.005",
             "--reduce-only"] + futures)
        #expect(close.status == 0, "\(close.stderr)")
        #expect(try await sandbox.sentinel(["positions"] + futures).stdout.contains("No open positions (linear)."))
    }

    /// The key audit reads `/api/v2/spot/account/info`: withdraw (`wwow`) fails, a read-only key cannot trade, a key
    /// bound to no IP is a warning.
    @Test(arguments: [
        (["read", "trade", "withdraw"], ["127.0.0.1"], "permissions.withdraw", "fail"),
        (["read"], ["127.0.0.1"], "permissions.trade", "fail"),
        (["read", "trade", "futures"], [], "ip-whitelist", "warn"),
    ])
    func doctorAuditsTheKeyFromAccountInfo(permissions: [String], whitelist: [String], check: String, status: String)
        async throws
    {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration(enforcesRateLimits: false))
        defer { Task { await simulator.shutdown() } }
        let key = try await simulator.createKey(
            SimulatedKeyRequest(exchange: "bitget", permissions: permissions, ipWhitelist: whitelist))
        let sandbox = try VaultSandbox()
        let file = try sandbox.folder.keyFile(key, name: "bitget.json")
        let doctor = try await sandbox.sentinel(
            ["doctor", "bitget-key", "--json", "--exchange", "bitget", "--credentials", file, "--endpoint",
             simulator.url(for: .bitget)])
        let report = try #require(try json(doctor.stdout) as? [String: Any], "\(doctor.stderr)")
        let checks = try #require(report["checks"] as? [[String: Any]])
        let found = try #require(checks.first { $0["id"] as? String == check })
        #expect(found["status"] as? String == status, "\(found)")
        #expect(checks.first { $0["id"] as? String == "auth" }?["status"] as? String == "pass")
    }

    /// A key bound to another IP: Bitget's 40038 does not name the refused address, so the auth check fails with the
    /// whitelist fix and the ip-whitelist check warns (it cannot say which address to add).
    @Test func doctorNamesAnIPMissingFromTheWhitelist() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration(enforcesRateLimits: false))
        defer { Task { await simulator.shutdown() } }
        let key = try await simulator.createKey(
            SimulatedKeyRequest(exchange: "bitget", permissions: ["read", "trade"], ipWhitelist: ["203.0.113.7"]))
        let sandbox = try VaultSandbox()
        let file = try sandbox.folder.keyFile(key, name: "bitget.json")
        let doctor = try await sandbox.sentinel(
            ["doctor", "bitget-ip", "--json", "--exchange", "bitget", "--credentials", file, "--endpoint",
             simulator.url(for: .bitget)])
        #expect(doctor.status != 0)
        let report = try #require(try json(doctor.stdout) as? [String: Any], "\(doctor.stderr)")
        let checks = try #require(report["checks"] as? [[String: Any]])
        let auth = try #require(checks.first { $0["id"] as? String == "auth" })
        #expect(auth["status"] as? String == "fail")
        #expect((auth["summary"] as? String)?.contains("IP whitelist (40038)") == true, "\(auth)")
        #expect(checks.first { $0["id"] as? String == "ip-whitelist" }?["status"] as? String == "warn")
    }

    /// `sentinel connect bitget --env demo`: a demo key is tested with `paptrading: 1` and stored ready; a live key
    /// is refused on demo (40099) before `vault rotate` replaces anything.
    @Test func connectAndRotateADemoKey() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration(enforcesRateLimits: false))
        defer { Task { await simulator.shutdown() } }
        let first = try await simulator.createKey(
            SimulatedKeyRequest(
                exchange: "bitget", permissions: ["read", "trade"], ipWhitelist: ["127.0.0.1"], environment: "demo"))
        let sandbox = try VaultSandbox()
        let connect = try await sandbox.sentinel(
            ["connect", "bitget", "--env", "demo", "--name", "bitget-demo", "--endpoint", simulator.url(for: .bitget),
             "--stdin", "--yes"],
            input: VaultSandbox.keyJSON(first.apiKey, first.secret, first.passphrase ?? ""))
        #expect(connect.status == 0, "\(connect.stdout)\n\(connect.stderr)")
        #expect(connect.stdout.contains("bitget-demo is stored and ready"), "\(connect.stdout)")
        let live = try await simulator.createKey(SimulatedKeyRequest(exchange: "bitget", ipWhitelist: ["127.0.0.1"]))
        let refused = try await sandbox.vault(
            ["rotate", "bitget-demo", "--stdin"], input: VaultSandbox.keyJSON(live.apiKey, live.secret, live.passphrase ?? ""))
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("This is a live key"), "\(refused.stderr)")
    }
}
