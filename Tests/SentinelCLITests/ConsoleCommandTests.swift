import Foundation
import SentinelTestSupport
import Testing

/// `sentinel console` over HTTP, as a browser and as an attacker's page would reach it: the one-time link, the
/// Host, session and CSRF checks, a key's way into the vault (never back out), the idle lock and Ctrl-C.
@Suite(.timeLimit(.minutes(5))) struct ConsoleCommandTests {
    @Test func theLinkLetsOneBrowserInOnce() async throws {
        let console = try await CLIRunner.offPool { try ConsoleProcess.start([]) }
        #expect(console.link.hasPrefix("http://127.0.0.1:"))
        let stranger = ConsoleClient(port: console.port)
        #expect(try await stranger.get("/").status == 403)
        #expect(try await stranger.get("/login?token=" + String(repeating: "0", count: 64)).status == 403)
        #expect(try await stranger.get("/static/console.js").status == 403)

        let browser = ConsoleClient(port: console.port)
        try await browser.logIn(token: console.token)
        #expect(try await browser.get("/").header("Location") == "/unlock")
        // The same link, a second time, from another browser: refused.
        let second = try await ConsoleClient(port: console.port).get("/login?token=\(console.token)")
        #expect(second.status == 403)
        #expect(second.body.contains("not valid"))
        #expect(try await browser.get("/unlock").status == 200)
    }

    @Test func aPageFromAnotherSiteIsRefused() async throws {
        let console = try await CLIRunner.offPool { try ConsoleProcess.start([]) }
        let browser = ConsoleClient(port: console.port)
        try await browser.logIn(token: console.token)
        // DNS rebinding: the attacker's name resolves to 127.0.0.1, so the browser sends its own Host.
        let rebound = try await browser.get("/unlock", headers: [("Host", "attacker.example:\(console.port)")])
        #expect(rebound.status == 421)
        #expect(!rebound.body.contains("csrf"))
        #expect(try await browser.get("/unlock", headers: [("Host", "127.0.0.1:1")]).status == 421)
        #expect(try await browser.get("/unlock", headers: [("Host", "localhost:\(console.port)")]).status == 200)

        let noToken = try await browser.post("/lock", csrf: "")
        #expect(noToken.status == 403)
        #expect(try await browser.post("/lock", csrf: String(repeating: "a", count: 64)).status == 403)
        let foreign = try await browser.post("/lock", headers: [("Origin", "http://attacker.example")])
        #expect(foreign.status == 403)
        let crossSite = try await browser.post("/lock", headers: [("Sec-Fetch-Site", "cross-site")])
        #expect(crossSite.status == 403)
        let own = try await browser.post("/lock", headers: [("Origin", "http://127.0.0.1:\(console.port)")])
        #expect(own.status == 303)

        let page = try await browser.get("/unlock")
        #expect(page.header("Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
        #expect(page.header("X-Frame-Options") == "DENY")
        #expect(page.header("Cache-Control") == "no-store")
    }

    @Test func unknownPathsAndOversizedBodiesGoThroughTheGuardToo() async throws {
        let console = try await CLIRunner.offPool { try ConsoleProcess.start([]) }
        #expect(try await ConsoleClient(port: console.port).get("/no/such/page").status == 403)
        let browser = ConsoleClient(port: console.port)
        try await browser.logIn(token: console.token)
        let missing = try await browser.get("/no/such/page")
        #expect(missing.status == 404)
        #expect(missing.header("Content-Security-Policy")?.contains("default-src 'none'") == true)
        let oversized = try await browser.post("/lock", [("padding", String(repeating: "x", count: 100_000))])
        #expect(oversized.status == 413)
        #expect(oversized.header("X-Frame-Options") == "DENY")
    }

    @Test func aKeyGoesIntoTheVaultAndNeverComesBack() async throws {
        let console = try await CLIRunner.offPool { try ConsoleProcess.start() }
        let admin = try #require(console.adminURL)
        let browser = ConsoleClient(port: console.port)
        try await browser.logIn(token: console.token)
        let created = try await browser.post(
            "/unlock", [("password", "correct horse battery"), ("repeat", "correct horse battery")])
        #expect(created.status == 303)
        let mismatch = try await ConsoleClient.createKey(admin: admin, ["exchange": "binance"])
        let good = try await ConsoleClient.createKey(admin: admin, ["exchange": "binance"])
        let withdraw = try await ConsoleClient.createKey(
            admin: admin, ["exchange": "binance", "permissions": ["read", "trade", "withdraw"]])
        let secrets = [mismatch, good, withdraw].compactMap { $0["secret"] }
        // A venue that does not exist (KuCoin has no demo): the default guide, with the reason.
        let missing = try await browser.get("/keys/new?exchange=kucoin&product=spot&env=demo")
        #expect(missing.status == 200)
        #expect(missing.body.contains("id=\"error\""))
        #expect(missing.body.contains("Creating a Binance key"))
        let form = try await browser.get("/keys/new?exchange=binance&product=spot&env=live")
        #expect(form.body.contains("Open API management"))
        let endpoint = try #require(ConsoleClient.value(of: "endpoint", in: form.body))
        #expect(endpoint.hasPrefix("http://127.0.0.1:"))
        func add(_ name: String, _ key: [String: String], secret: String? = nil) async throws -> RawHTTP.Answer {
            try await browser.post(
                "/keys",
                [
                    ("exchange", "binance"), ("product", "spot"), ("env", "live"), ("name", name), ("label", "t"),
                    ("endpoint", endpoint), ("apiKey", key["apiKey"]!), ("secret", secret ?? key["secret"]!),
                ])
        }

        // Pasted whitespace: the inline check and the save both refuse it, naming the field.
        let inline = try await browser.post(
            "/keys/check", [("exchange", "binance"), ("apiKey", good["apiKey"]!), ("secret", good["secret"]! + "\n")])
        #expect(inline.body.contains("\"field\" : \"secret\""))
        #expect(inline.body.contains("line break"))
        let pasted = try await add("pasted", good, secret: good["secret"]! + "\n")
        #expect(pasted.status == 400)
        #expect(pasted.body.contains("The key was not stored"))

        // A key that can withdraw is refused, with the fix and without the command line's option.
        let refused = try await add("withdraw", withdraw)
        #expect(refused.status == 400)
        #expect(refused.body.contains("can withdraw funds"))
        #expect(!refused.body.contains("--allow-withdraw-key"))

        let stored = try await add("bot-1", good)
        #expect(stored.status == 303)
        let runPath = try #require(stored.header("Location"))
        #expect(runPath.hasPrefix("/runs/"))
        #expect(try await browser.finishedReport(runPath)["ok"] as? Bool == true)
        let keys = try await browser.get("/")
        #expect(keys.body.contains("bot-1"))
        // No IP whitelist on the key: the doctor warns, nothing fails.
        #expect(keys.body.contains("data-last-status=\"warn\"") || keys.body.contains("data-last-status=\"pass\""))

        // The live events replay the finished run: a `check` per check and `done`.
        let events = try await browser.get(runPath + "/events")
        #expect(events.header("Content-Type") == "text/event-stream")
        #expect(events.body.contains("event: check"))
        #expect(events.body.contains("event: done"))

        let rotated = try await browser.post(
            "/keys/bot-1/rotate", [("apiKey", mismatch["apiKey"]!), ("secret", mismatch["secret"]!)])
        #expect(rotated.status == 303)
        #expect(try await browser.finishedReport(try #require(rotated.header("Location")))["ok"] as? Bool == true)
        #expect(try await browser.post("/keys/bot-1/rename", [("newName", "bot 1")]).status == 400)
        #expect(try await browser.post("/keys/bot-1/rename", [("newName", "bot-2")]).status == 303)
        #expect(try await browser.post("/keys/bot-2/remove", [("confirm", "bot-1")]).status == 400)
        #expect(try await browser.post("/keys/bot-2/remove", [("confirm", "bot-2")]).status == 303)
        #expect(try await browser.get("/").body.contains("no keys yet"))

        for body in browser.bodies {
            for secret in secrets { #expect(!body.contains(secret)) }
        }
        let vault = try Data(contentsOf: console.home.url.appendingPathComponent("vault.sentinel"))
        for secret in secrets { #expect(vault.range(of: Data(secret.utf8)) == nil) }
        #expect(try await CLIRunner.offPool { console.interrupt().status } == 130)
    }

    @Test func theKeysPageCountsDownToTheExchangesExpiry() async throws {
        let console = try await CLIRunner.offPool { try ConsoleProcess.start() }
        let browser = ConsoleClient(port: console.port)
        try await browser.logIn(token: console.token)
        _ = try await browser.post("/unlock", [("password", "correct horse battery"), ("repeat", "correct horse battery")])
        let inTenDays = Int64(Date().timeIntervalSince1970 * 1000) + 10 * 86_400_000 + 3_600_000
        let key = try await ConsoleClient.createKey(
            admin: try #require(console.adminURL), ["exchange": "bybit", "expiresAt": inTenDays])
        let form = try await browser.get("/keys/new?exchange=bybit&product=spot&env=live")
        let stored = try await browser.post(
            "/keys",
            [
                ("exchange", "bybit"), ("product", "spot"), ("env", "live"), ("name", "bybit-bot"),
                ("endpoint", try #require(ConsoleClient.value(of: "endpoint", in: form.body))),
                ("apiKey", key["apiKey"]!), ("secret", key["secret"]!),
            ])
        #expect(stored.status == 303)
        let keys = try await browser.get("/").body
        #expect(keys.contains("<td class=\"soon\">"))
        #expect(keys.contains("(10 d)"))
    }

    @Test func theVaultLocksItselfWhenIdleAndOnCtrlC() async throws {
        let console = try await CLIRunner.offPool {
            try ConsoleProcess.start([], environment: ["SENTINEL_TEST_ONLY_CONSOLE_LOCK_SECONDS": "1"])
        }
        let browser = ConsoleClient(port: console.port)
        try await browser.logIn(token: console.token)
        #expect(
            try await browser.post("/unlock", [("password", "correct horse battery"), ("repeat", "correct horse battery")])
                .header("Location") == "/")
        // Unlocked (the answer above sent the browser to the keys page); after the idle time it is locked again.
        // Nothing asserts "still unlocked" in between: on a loaded machine a second can pass between two requests.
        try await Task.sleep(for: .milliseconds(1_500))
        #expect(try await browser.get("/").header("Location") == "/unlock")
        let wrong = try await browser.post("/unlock", [("password", "not the password")])
        #expect(wrong.status == 400)
        let (status, stderr) = try await CLIRunner.offPool { console.interrupt() }
        #expect(status == 130)
        #expect(stderr.contains("the vault is locked"))
    }

    @Test func ctrlCDuringATestStopsItAndExits130() async throws {
        let console = try await CLIRunner.offPool { try ConsoleProcess.start() }
        let browser = ConsoleClient(port: console.port)
        try await browser.logIn(token: console.token)
        _ = try await browser.post("/unlock", [("password", "correct horse battery"), ("repeat", "correct horse battery")])
        let fault = try await browser.post(
            "/simulator/faults", [("exchange", "binance"), ("kind", "latency"), ("count", "50"), ("latencyMs", "400")])
        #expect(fault.status == 303)
        let started = try await browser.post("/simulator/keys", [("case", "binance-good")])
        let run = try #require(started.header("Location"))
        try await Task.sleep(for: .milliseconds(800))
        #expect(try await browser.get(run).body.contains("Running"))
        let (status, stderr) = try await CLIRunner.offPool { console.interrupt() }
        #expect(status == 130)
        #expect(stderr.contains("finishing the tests under way"))
    }

    @Test(arguments: [["--port", "70000"], ["--lock-after", "0"], ["--lock-after", "x"], ["--bogus"]])
    func badOptionsAreRefused(_ arguments: [String]) async throws {
        let outcome = try await CLIRunner.run(["console"] + arguments)
        #expect(outcome.status == 64)
    }
}

extension ConsoleClient {
    /// A key made on the simulator's admin API.
    static func createKey(admin: String, _ request: [String: Any]) async throws -> [String: String] {
        let port = try #require(URLComponents(string: admin)?.port)
        let body = String(decoding: try JSONSerialization.data(withJSONObject: request), as: UTF8.self)
        let answer = try await RawHTTP.send(
            port: port, "POST", "/keys", headers: [("Content-Type", "application/json")], body: body)
        let object = try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any]
        return (object ?? [:]).compactMapValues { $0 as? String }
    }

    /// The `value` of the input named `name` in `page`.
    static func value(of name: String, in page: String) -> String? {
        guard let range = page.range(of: "name=\"\(name)\" id=\"\(name)\" value=\"") else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    /// Waits for the run to finish and returns its JSON report.
    func finishedReport(_ runPath: String) async throws -> [String: Any] {
        for _ in 0..<200 {
            let answer = try await get(runPath + "/report.json")
            if answer.status == 200 {
                return try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any] ?? [:]
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the run \(runPath) did not finish")
        return [:]
    }
}

/// `sentinel demo --console`: the demo as a page. Every demo key, made and tested from the simulator page, is
/// judged as the command-line demo judges it; the throw-away vault is gone when the console stops.
@Suite(.timeLimit(.minutes(5))) struct ConsoleDemoTests {
    @Test func everyDemoKeyIsCaughtFromThePage() async throws {
        let console = try await CLIRunner.offPool { try ConsoleProcess.start([], command: ["demo", "--console"]) }
        #expect(console.vaultFile.contains("sentinel-demo-"))
        #expect(!console.vaultFile.hasPrefix(console.home.url.path))
        let browser = ConsoleClient(port: console.port)
        try await browser.logIn(token: console.token)
        _ = try await browser.post("/unlock", [("password", "demo password 1"), ("repeat", "demo password 1")])
        let page = try await browser.get("/simulator")
        let cases = page.body.components(separatedBy: "data-case=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(cases.count >= 40)
        var unexpected: [String] = []
        for name in cases {
            let started = try await browser.post("/simulator/keys", [("case", name)])
            let run = try #require(started.header("Location"), "\(name): \(started.status)")
            _ = try await browser.finishedReport(run)
            let shown = try await browser.get(run)
            if !shown.body.contains("as expected") || shown.body.contains("NOT as expected") { unexpected.append(name) }
        }
        #expect(unexpected.isEmpty, "judged wrongly: \(unexpected)")
        #expect(try await browser.get("/").body.contains("binance-good"))
        #expect(try await CLIRunner.offPool { console.interrupt().status } == 130)
        #expect(!FileManager.default.fileExists(atPath: console.vaultFile))
    }
}
