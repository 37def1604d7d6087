import Foundation
import SentinelSimulator
import Testing

/// `sentinel watch` as a user runs it from cron: each kind of foreign activity made through the simulator's admin
/// API is reported by `watch --once --json` within one poll; Sentinel's own orders are not.
@Suite(.serialized, .timeLimit(.minutes(5))) struct WatchCommandTests {
    struct Setup {
        let simulator: RunningSimulator
        let sandbox: VaultSandbox
        let apiKey: String
    }

    /// A whitelisted Binance key stored in the vault as `bot` for the simulator's spot listener.
    static func setup() async throws -> Setup {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        let key = try await simulator.createKey(
            SimulatedKeyRequest(exchange: "binance", permissions: ["read", "trade"], ipWhitelist: ["127.0.0.1"]))
        let sandbox = try VaultSandbox()
        try await sandbox.initialize()
        let added = try await sandbox.vault(
            ["add", "bot", "--exchange", "binance", "--endpoint", simulator.url(for: .binance), "--stdin"],
            input: VaultSandbox.keyJSON(key.apiKey, key.secret))
        precondition(added.status == 0, added.stderr)
        return Setup(simulator: simulator, sandbox: sandbox, apiKey: key.apiKey)
    }

    func findings(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
    }

    @Test func everyKindOfForeignActivityIsReportedWithinOnePoll() async throws {
        let s = try await Self.setup()
        defer { Task { await s.simulator.shutdown() } }
        let quiet = try await s.sandbox.sentinel(["watch", "bot", "--once", "--json"])
        #expect(quiet.status == 0, "\(quiet.stdout)\(quiet.stderr)")
        #expect(quiet.stdout.isEmpty)

        // Sentinel's own resting order is not a finding.
        let own = try await s.sandbox.sentinel(
            ["order", "place", "--key", "bot", "--symbol", "BTC/USDT", "--side", "buy", "--quantity", "0.001", "--price",
             "60000", "--client-id", "sn-own-1"])
        #expect(own.status == 0, "\(own.stderr)")
        let stillQuiet = try await s.sandbox.sentinel(["watch", "bot", "--once", "--json"])
        #expect(stillQuiet.status == 0 && stillQuiet.stdout.isEmpty, "\(stillQuiet.stdout)\(stillQuiet.stderr)")

        try await s.simulator.placeOtherOrder(
            s.apiKey, SimulatedOtherOrder(symbol: "BTCUSDT", side: "sell", price: "90000", quantity: "0.002", clientOrderId: "ios77"))
        let withdrawal = try await s.simulator.withdraw(
            s.apiKey, SimulatedWithdrawal(coin: "USDT", amount: "500", address: "bc1qattacker"))
        try await s.simulator.changeKey(
            s.apiKey, SimulatedKeyChange(permissions: ["read", "trade", "withdraw", "transfer"], ipWhitelist: []))
        let loud = try await s.sandbox.sentinel(["watch", "bot", "--once", "--json"])
        #expect(loud.status == 1, "\(loud.stderr)")
        let reported = try findings(loud.stdout)
        let byKind = Dictionary(grouping: reported) { $0["kind"] as? String ?? "" }
        #expect(
            Set(byKind.keys) == ["foreign-order", "withdrawal", "withdraw-permission", "transfer-permission",
                                 "ip-whitelist-removed"], "\(loud.stdout)")
        let foreign = try #require(byKind["foreign-order"]?.first)
        #expect((foreign["evidence"] as? [String: String])?["client order id"] == "ios77")
        #expect(foreign["severity"] as? String == "critical")
        #expect(foreign["key"] as? String == "bot")
        #expect((foreign["fix"] as? [String])?.contains { $0.contains("binance.com → Profile → API Management") } == true)
        let withdrawn = try #require(byKind["withdrawal"]?.first)
        #expect(withdrawn["subject"] as? String == withdrawal)
        #expect((withdrawn["evidence"] as? [String: String])?["amount"] == "500.00000000")
        #expect((withdrawn["evidence"] as? [String: String])?["address"] == "bc1qattacker")

        // The next run repeats what still stands (the order, the permission), not what was already said.
        let next = try await s.sandbox.sentinel(["watch", "bot", "--once", "--json"])
        #expect(Set(try findings(next.stdout).compactMap { $0["kind"] as? String }) == ["foreign-order", "withdraw-permission"])
        // A declared other bot's orders are not reported.
        let declared = try await s.sandbox.sentinel(["watch", "bot", "--once", "--json", "--known-prefix", "ios"])
        #expect(!declared.stdout.contains("foreign-order"), "\(declared.stdout)")
        // Text for people, with a summary line.
        let text = try await s.sandbox.sentinel(["watch", "bot", "--once", "--severity", "critical"])
        #expect(text.status == 1)
        #expect(text.stdout.contains("CRITICAL  bot (Binance)  foreign-order"), "\(text.stdout)")
        #expect(text.stdout.contains("finding"), "\(text.stdout)")
        #expect(!s.sandbox.outputs.contains { $0.stdout.contains(s.apiKey) || $0.stderr.contains(s.apiKey) })
    }

    @Test func onFindingGetsEachFindingAsJSONOnStandardInput() async throws {
        let s = try await Self.setup()
        defer { Task { await s.simulator.shutdown() } }
        try await s.simulator.placeOtherOrder(
            s.apiKey, SimulatedOtherOrder(symbol: "BTC/USDT", side: "buy", price: "30000", quantity: "0.001"))
        let log = s.sandbox.folder.url.appendingPathComponent("findings.log").path
        let outcome = try await s.sandbox.sentinel(
            ["watch", "bot", "--once", "--on-finding", "cat >> '\(log)'; echo \"$SENTINEL_FINDING_KIND\" >> '\(log).kinds'"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(object["kind"] as? String == "foreign-order")
        #expect(try String(contentsOfFile: log + ".kinds", encoding: .utf8) == "foreign-order\n")
        // A hook that fails is reported; the watch still reports the finding.
        let failing = try await s.sandbox.sentinel(["watch", "bot", "--once", "--on-finding", "exit 3"])
        #expect(failing.status == 1)
        #expect(failing.stderr.contains("exited with status 3"), "\(failing.stderr)")
    }

    @Test func aKeyOutsideTheVaultAndWhatCannotBeChecked() async throws {
        let s = try await Self.setup()
        defer { Task { await s.simulator.shutdown() } }
        let key = try await s.simulator.createKey(SimulatedKeyRequest(exchange: "binance-us", ipWhitelist: ["127.0.0.1"]))
        let file = try s.sandbox.folder.keyFile(key)
        let outcome = try await s.sandbox.sentinel(
            ["watch", "--exchange", "binance-us", "--credentials", file, "--endpoint", s.simulator.url(for: .binanceUS),
             "--once"])
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.contains("No findings at warning or above on 1 key."), "\(outcome.stdout)")
        #expect(outcome.stderr.contains("not checked: permissions"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("not checked: withdrawals"), "\(outcome.stderr)")
    }

    @Test(arguments: [
        (["watch"], "No key to watch."),
        (["watch", "bot", "--severity", "loud"], "is not a level"),
        (["watch", "bot", "--interval", "1"], "outside 10–86400 seconds"),
        (["watch", "bot", "--rotation-days", "0"], "outside 1–3650"),
        (["watch", "bot", "--known-prefix", "sn-"], "would hide Sentinel's own ids"),
        (["watch", "bot", "--on-finding", " "], "--on-finding is empty"),
        (["watch", "nobody", "--once"], "nobody"),
        (["watch", "bot", "--exchange", "binance", "--once"], "--exchange and --credentials are for a key outside"),
    ])
    func badInputIsRefusedWithAFix(_ arguments: [String], _ message: String) async throws {
        let s = try await Self.setup()
        defer { Task { await s.simulator.shutdown() } }
        let outcome = try await s.sandbox.sentinel(arguments)
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty, "\(outcome.stdout)")
    }

    @Test func ctrlCStopsAContinuousWatch() async throws {
        let s = try await Self.setup()
        defer { Task { await s.simulator.shutdown() } }
        let running = try InterruptionAndPipeTests.Running(["watch", "bot", "--interval", "10"], environment: s.sandbox.environment)
        let outcome = try await CLIRunner.offPool { () -> (Int32, String) in
            let errors = String(decoding: running.err.fileHandleForReading.readChunkRetrying(), as: UTF8.self)
            Thread.sleep(forTimeInterval: 1.0)
            running.process.interrupt()
            let after = running.finish()
            return (after.status, errors + after.stderr)
        }
        #expect(outcome.0 == 130, "\(outcome.1)")
        #expect(outcome.1.contains("Watching bot (Binance) every 10 s"), "\(outcome.1)")
    }
}
