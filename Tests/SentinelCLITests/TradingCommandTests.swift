import Foundation
@testable import SentinelSimulator
import Testing

/// `markets`, `balance`, `positions`, `order …` and `doctor` as a user runs them: against a simulator, with a key
/// made through its admin API — from a credentials file and from the vault.
@Suite(.serialized, .timeLimit(.minutes(5))) struct TradingCommandTests {
    struct Setup {
        let simulator: RunningSimulator
        let sandbox: VaultSandbox
        let keyFile: String
        let spot: [String]
        let futures: [String]
    }

    static func setup() async throws -> Setup {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        let key = try await simulator.createKey(
            SimulatedKeyRequest(exchange: "binance", permissions: ["read", "trade", "futures"], ipWhitelist: ["127.0.0.1"]))
        let sandbox = try VaultSandbox()
        let keyFile = try sandbox.folder.keyFile(key)
        return Setup(
            simulator: simulator, sandbox: sandbox, keyFile: keyFile,
            spot: ["--exchange", "binance", "--credentials", keyFile, "--endpoint", simulator.url(for: .binance)],
            futures: [
                "--exchange", "binance", "--product", "linear", "--credentials", keyFile, "--endpoint",
                simulator.url(for: .binanceUSDM),
            ])
    }

    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func marketsBalanceAndTheOrderLifecycle() async throws {
        let s = try await Self.setup()
        defer { Task { await s.simulator.shutdown() } }
        try await CLIOrderChecks.marketsAndBalance(s.sandbox, s.spot, native: "BTCUSDT")

        let place = try await s.sandbox.sentinel(
            ["order", "place", "--json", "--symbol", "BTC/USDT", "--side", "buy", "--quantity", "0.001", "--price", "20000",
             "--post-only", "--client-id", "sn-cli-1"] + s.spot)
        #expect(place.status == 0, "\(place.stderr)")
        // One order is one JSON object; `order list --json` is an array.
        let placed = try #require(try json(place.stdout) as? [String: Any])
        #expect(placed["clientOrderID"] as? String == "sn-cli-1")
        #expect(placed["status"] as? String == "new")
        // The order journal is as private as the vault (issue 17): 0600 in a 0700 home.
        let journal = try FileManager.default.attributesOfItem(atPath: s.sandbox.home + "/journal.sqlite")
        #expect(journal[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.attributesOfItem(atPath: s.sandbox.home)[.posixPermissions] as? Int == 0o700)
        #expect((placed["price"] as? String).flatMap { Double($0) } == 20000)

        let show = try await s.sandbox.sentinel(["order", "show", "--symbol", "BTC/USDT", "--client-id", "sn-cli-1"] + s.spot)
        #expect(show.stdout.contains("sn-cli-1") && show.stdout.contains("new"))
        let list = try await s.sandbox.sentinel(["order", "list"] + s.spot)
        #expect(list.stdout.contains("sn-cli-1"))
        let cancel = try await s.sandbox.sentinel(["order", "cancel", "--symbol", "BTC/USDT", "--client-id", "sn-cli-1"] + s.spot)
        #expect(cancel.status == 0 && cancel.stdout.contains("canceled"), "\(cancel.stderr)")
        #expect(try await s.sandbox.sentinel(["order", "list"] + s.spot).stdout.contains("No orders."))

        // A market order fills at the book's prices: the table shows the average fill price.
        let market = try await s.sandbox.sentinel(
            ["order", "place", "--symbol", "BTC/USDT", "--side", "buy", "--type", "market", "--quantity", "0.001"] + s.spot)
        #expect(market.status == 0, "\(market.stderr)")
        #expect(market.stdout.contains("avg price"), "\(market.stdout)")
        let row = market.stdout.split(separator: "\n").last.map { $0.split(separator: " ").map(String.init) } ?? []
        #expect(row.last == "filled" && row.dropLast().last.flatMap(Double.init).map { $0 > 0 } == true, "\(market.stdout)")
    }

    /// One `--endpoint` for a spot+linear key: the futures request reaches the spot port. The answer names the
    /// mix-up (another product's host), not "check the request parameters".
    @Test func anotherProductsEndpointIsNamedAsSuch() async throws {
        let s = try await Self.setup()
        defer { Task { await s.simulator.shutdown() } }
        let positions = try await s.sandbox.sentinel(
            ["positions", "--exchange", "binance", "--product", "linear", "--credentials", s.keyFile, "--endpoint",
             s.simulator.url(for: .binance)])
        #expect(positions.status == 1 && positions.stdout.isEmpty)
        #expect(positions.stderr.contains("does not serve /fapi/"), "\(positions.stderr)")
        #expect(positions.stderr.contains("--product") && !positions.stderr.contains("Check the request parameters"))
        let list = try await s.sandbox.sentinel(
            ["order", "list", "--exchange", "binance", "--credentials", s.keyFile, "--endpoint",
             s.simulator.url(for: .binanceUSDM)])
        #expect(list.status == 1 && list.stderr.contains("does not serve /api/v3/"), "\(list.stderr)")
    }

    @Test func aTimeoutAfterAcceptanceEndsWithExactlyOneOrderReported() async throws {
        let s = try await Self.setup()
        defer { Task { await s.simulator.shutdown() } }
        await s.simulator.addFault(SimulatedFault(exchange: "binance", kind: "timeout-after-accept", path: "/api/v3/order", count: 1))
        let place = try await s.sandbox.sentinel(
            ["order", "place", "--json", "--symbol", "BTC/USDT", "--side", "buy", "--quantity", "0.001", "--price", "20000",
             "--client-id", "sn-cli-timeout", "--timeout-ms", "1500"] + s.spot)
        #expect(place.status == 0, "\(place.stderr)")
        #expect(place.stdout.contains("sn-cli-timeout"))
        let list = try await s.sandbox.sentinel(["order", "list", "--json"] + s.spot)
        let open = try #require(try json(list.stdout) as? [[String: Any]])
        #expect(open.count == 1)
        #expect(open.first?["clientOrderID"] as? String == "sn-cli-timeout")
    }

    @Test func futuresPositionsFromTheCommandLine() async throws {
        let s = try await Self.setup()
        defer { Task { await s.simulator.shutdown() } }
        let open = try await s.sandbox.sentinel(
            ["order", "place", "--symbol", "BTC/USDT:USDT", "--side", "buy", "--type", "market", "--quantity", "0.005"] + s.futures)
        #expect(open.status == 0, "\(open.stderr)")
        let positions = try await s.sandbox.sentinel(["positions"] + s.futures)
        #expect(positions.stdout.contains("BTC/USDT:USDT") && positions.stdout.contains("long"), "\(positions.stdout)")
        let close = try await s.sandbox.sentinel(
            ["order", "place", "--symbol", "BTC/USDT:USDT", "--side", "sell", "--type", "market", "--quantity", "0.005",
             "--reduce-only"] + s.futures)
        #expect(close.status == 0, "\(close.stderr)")
        #expect(try await s.sandbox.sentinel(["positions"] + s.futures).stdout.contains("No open positions (linear)."))
    }

    @Test(arguments: [
        (["--symbol", "BTC/USDT", "--side", "buy", "--quantity", "0.0000015", "--price", "20000"], "not a multiple of the step size"),
        (["--symbol", "BTC/USDT", "--side", "buy", "--quantity", "0.001", "--price", "20000.001"], "not a multiple of the tick size"),
        (["--symbol", "BTC/USDT", "--side", "buy", "--quantity", "0.00001", "--price", "20000"], "below the minimum order value"),
        (["--symbol", "BTC/USDT", "--side", "hold", "--quantity", "1", "--price", "1"], "--side must be buy or sell"),
        (["--symbol", "BTC/USDT", "--side", "buy", "--quantity", "1,5", "--price", "1"], "--quantity"),
        (["--symbol", "BTCXYZ", "--side", "buy", "--quantity", "1", "--price", "1"], "not a symbol"),
        (["--symbol", "DOGE/USDT", "--side", "buy", "--quantity", "1", "--price", "1"], "has no market DOGE/USDT"),
        (["--symbol", "BTC/USDT", "--side", "buy", "--type", "limit", "--quantity", "0.001"], "needs a price"),
    ])
    func badOrdersAreRefusedBeforeAnythingIsSent(arguments: [String], message: String) async throws {
        let s = try await Self.setup()
        defer { Task { await s.simulator.shutdown() } }
        // A tripwire on the order endpoint: one request there, of any kind, uses it up.
        await s.simulator.addFault(SimulatedFault(exchange: "binance", kind: "error5xx", path: "/api/v3/order", count: 1))
        let outcome = try await s.sandbox.sentinel(["order", "place"] + arguments + s.spot)
        #expect(outcome.status != 0)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(s.simulator.engine.withState { $0.faults.rules.count } == 1, "a request reached /api/v3/order")
        let list = try await s.sandbox.sentinel(["order", "list"] + s.spot)
        #expect(list.status == 0 && list.stdout.contains("No orders."), "\(list.stderr)")
    }

    @Test func aStoredKeyIsUsedByNameAndTheDoctorPassesItAsJSON() async throws {
        let s = try await Self.setup()
        defer { Task { await s.simulator.shutdown() } }
        try await s.sandbox.initialize()
        let key = try await s.simulator.createKey(
            SimulatedKeyRequest(exchange: "binance", permissions: ["read", "trade", "futures"], ipWhitelist: ["127.0.0.1"]))
        let added = try await s.sandbox.vault(
            ["add", "bot-1", "--exchange", "binance", "--product", "spot", "--product", "linear", "--endpoint",
             s.simulator.url(for: .binance), "--stdin"],
            input: VaultSandbox.keyJSON(key.apiKey, key.secret))
        #expect(added.status == 0, "\(added.stderr)")
        let balance = try await s.sandbox.sentinel(["balance", "--key", "bot-1"])
        #expect(balance.status == 0 && balance.stdout.contains("USDT"), "\(balance.stderr)")

        let doctor = try await s.sandbox.sentinel(["doctor", "bot-1", "--json"])
        #expect(doctor.status == 0, "\(doctor.stdout)\n\(doctor.stderr)")
        let report = try #require(try json(doctor.stdout) as? [String: Any])
        #expect(report["key"] as? String == "bot-1")
        #expect(report["exchange"] as? String == "binance")
        #expect(report["ok"] as? Bool == true)
        // The key was stored offline; the passing doctor is what verified it, and the vault says so.
        let shown = try await s.sandbox.vault(["show", "bot-1"])
        let verifiedLine = shown.stdout.split(separator: "\n").first { $0.hasPrefix("last verified:") }
        #expect(verifiedLine != nil && verifiedLine?.contains("never") == false, "\(shown.stdout)")
        let checks = try #require(report["checks"] as? [[String: Any]])
        #expect(checks.map { $0["id"] as? String } == [
            "credentials", "environment", "clock", "auth", "permissions.read", "permissions.trade", "permissions.withdraw",
            "permissions.transfer", "ip-whitelist", "expiry", "read-test", "order-test", "position-test", "reconnect-test",
        ])
        // Every check passes, except the position test, which spot (the key's first product) has no use for.
        for check in checks {
            let expected = check["id"] as? String == "position-test" ? "skip" : "pass"
            #expect(check["status"] as? String == expected, "\(check)")
            #expect(check["summary"] is String && check["evidence"] is [String: Any] && check["fix"] is [Any])
        }
        #expect(checks.first { $0["id"] as? String == "position-test" }?["summary"] as? String == "Spot has no positions.")

        // --skip-order-test: the order test is reported skipped and no order request is sent.
        await s.simulator.addFault(SimulatedFault(exchange: "binance", kind: "error5xx", path: "/api/v3/order", count: 1))
        let skipping = try await s.sandbox.sentinel(["doctor", "bot-1", "--json", "--skip-order-test"])
        #expect(skipping.status == 0, "\(skipping.stdout)\n\(skipping.stderr)")
        let skipped = try #require(try json(skipping.stdout) as? [String: Any])
        let orderTest = (skipped["checks"] as? [[String: Any]])?.first { $0["id"] as? String == "order-test" }
        #expect(orderTest?["status"] as? String == "skip")
        #expect(orderTest?["summary"] as? String == "Skipped (--skip-order-test).")
        #expect(s.simulator.engine.withState { $0.faults.rules.count } == 1, "an order request was sent")
        for output in s.sandbox.outputs {
            #expect(!output.stdout.contains(key.secret) && !output.stderr.contains(key.secret))
        }
    }

    @Test func theDoctorFailsAWithdrawKeyAndExitsNonZero() async throws {
        let s = try await Self.setup()
        defer { Task { await s.simulator.shutdown() } }
        let key = try await s.simulator.createKey(
            SimulatedKeyRequest(exchange: "binance", permissions: ["read", "trade", "withdraw"], ipWhitelist: ["127.0.0.1"]))
        let file = try s.sandbox.folder.keyFile(key, name: "withdraw.json")
        let doctor = try await s.sandbox.sentinel(
            ["doctor", "withdraw-key", "--exchange", "binance", "--credentials", file, "--endpoint", s.simulator.url(for: .binance)])
        #expect(doctor.status == 1)
        #expect(doctor.stdout.contains("FAIL  permissions.withdraw"))
        #expect(doctor.stdout.contains("untick withdrawals"))
        #expect(doctor.stdout.contains("NOT ready"))
    }
}
