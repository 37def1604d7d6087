import Foundation
import SentinelTestSupport
import Testing

@testable import SentinelCLI

/// `sentinel console` as an attacker's review found it: what other servers on this machine can do with the
/// session cookie, a vault changed by the command line while the page holds it unlocked, tests started faster
/// than they finish, an exchange's message in the live events, and text that escapes Mustache's escaping.
@Suite(.timeLimit(.minutes(5))) struct ConsoleAttackTests {
    /// A browser keeps one cookie per name and host, whatever the port: two consoles at once must not share one.
    @Test func twoConsolesAtOnceKeepASessionEach() async throws {
        let first = try await CLIRunner.offPool { try ConsoleProcess.start([]) }
        let second = try await CLIRunner.offPool { try ConsoleProcess.start([]) }
        var jar: [String: String] = [:]
        for console in [first, second] {
            let answer = try await RawHTTP.send(port: console.port, "GET", "/login?token=\(console.token)")
            let cookie = try #require(answer.header("Set-Cookie")).prefix { $0 != ";" }
            let parts = cookie.split(separator: "=", maxSplits: 1)
            jar[String(parts[0])] = String(parts[1])
        }
        let header = jar.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        for console in [first, second] {
            let page = try await RawHTTP.send(port: console.port, "GET", "/unlock", headers: [("Cookie", header)])
            #expect(page.status == 200, "console on \(console.port) lost its session")
        }
    }

    /// For a browser every port of 127.0.0.1 is the same site: a page served by another local server sends the
    /// console's SameSite=Strict cookie along.
    @Test func aPageOnAnotherPortOfThisMachineIsRefused() async throws {
        let console = try await CLIRunner.offPool { try ConsoleProcess.start([]) }
        let browser = ConsoleClient(port: console.port)
        try await browser.logIn(token: console.token)
        let sameSite = try await browser.get("/unlock", headers: [("Sec-Fetch-Site", "same-site")])
        #expect(sameSite.status == 403)
        #expect(!sameSite.body.contains("csrf"))
        #expect(try await browser.post("/lock", headers: [("Sec-Fetch-Site", "same-site")]).status == 403)
        #expect(try await browser.get("/unlock", headers: [("Sec-Fetch-Site", "same-origin")]).status == 200)
        #expect(try await browser.get("/unlock", headers: [("Sec-Fetch-Site", "none")]).status == 200)
    }

    /// The page holds an unlocked copy; `sentinel vault rename` changes the file. The save is refused (it would undo
    /// the command's change), and the page must not stay stuck on its old copy.
    @Test func aVaultChangedFromTheCommandLineIsReadAgain() async throws {
        let sandbox = try VaultSandbox()
        let console = try await CLIRunner.offPool {
            try ConsoleProcess.start(environment: ["SENTINEL_HOME": sandbox.home])
        }
        let browser = ConsoleClient(port: console.port)
        try await browser.logIn(token: console.token)
        let password = VaultSandbox.password
        _ = try await browser.post("/unlock", [("password", password), ("repeat", password)])
        let made = try await browser.post("/simulator/keys", [("case", "binance-good")])
        _ = try await browser.finishedReport(try #require(made.header("Location")))

        let renamed = try await sandbox.vault(["rename", "binance-good", "renamed-by-cli"])
        #expect(renamed.status == 0)
        let refused = try await browser.post("/keys/binance-good/rename", [("newName", "renamed-by-page")])
        #expect(refused.status == 303)
        #expect(refused.header("Location") == "/unlock")
        let unlock = try await browser.get("/unlock")
        #expect(unlock.body.contains("Nothing was saved"))
        #expect(unlock.body.contains("Unlock it again"))

        #expect(try await browser.post("/unlock", [("password", password)]).header("Location") == "/")
        #expect(try await browser.get("/").body.contains("renamed-by-cli"))
        let again = try await browser.post("/keys/renamed-by-cli/rename", [("newName", "renamed-by-page")])
        #expect(again.header("Location") == "/")
        #expect(try await sandbox.vault(["list"]).stdout.contains("renamed-by-page"))
    }

    /// A quote followed by a combining mark is one Swift `Character` but two code points for the browser: it must
    /// be escaped like any quote, or it ends the attribute's value and what follows becomes attributes.
    @Test func aQuoteWithACombiningMarkIsEscapedToo() async throws {
        let console = try await CLIRunner.offPool { try ConsoleProcess.start([]) }
        let browser = ConsoleClient(port: console.port)
        try await browser.logIn(token: console.token)
        _ = try await browser.post("/unlock", [("password", "correct horse battery"), ("repeat", "correct horse battery")])
        let label = "x\"\u{301} autofocus data-injected=1 y='\u{301}"
        let refused = try await browser.post(
            "/keys", [("exchange", "binance"), ("product", "spot"), ("env", "live"), ("name", "k"), ("label", label)])
        #expect(refused.status == 400)
        let escaped = "value=\"x&quot;\u{301} autofocus data-injected=1 y=&#39;\u{301}\""
        let bareQuote = "\"\u{301}"
        #expect(refused.body.contains(escaped))
        #expect(!refused.body.contains(bareQuote))
    }

    /// A check's evidence quotes the exchange's message, which may carry a CR: the event stream ends a line at CR,
    /// LF or CRLF, so each of them must start a new `data:` field rather than a field or an event of the message's.
    @Test func aLineBreakInACheckStaysInsideItsEvent() {
        let message = "<li>exchange said: x\revent: done\r\ndata: {}\r\rid: 9\n</li>"
        let event = ConsoleRoutes.event("check", message)
        let lines = event.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        #expect(lines.first == "event: check")
        #expect(lines.suffix(2) == ["", ""])
        let fields = lines.dropFirst().dropLast(2)
        #expect(fields.allSatisfy { $0.hasPrefix("data: ") }, "\(Array(fields))")
        let data = fields.map { $0.dropFirst("data: ".count) }.joined(separator: "\n")
        #expect(data == "<li>exchange said: x\nevent: done\ndata: {}\n\nid: 9\n</li>")
    }

    /// Each test places a test order; tests started faster than they finish are limited, and a refused one says so.
    @Test func testsUnderWayAreLimited() async throws {
        let console = try await CLIRunner.offPool { try ConsoleProcess.start() }
        let browser = ConsoleClient(port: console.port)
        try await browser.logIn(token: console.token)
        _ = try await browser.post("/unlock", [("password", "correct horse battery"), ("repeat", "correct horse battery")])
        let fault = try await browser.post(
            "/simulator/faults", [("exchange", "binance"), ("kind", "latency"), ("count", "1000"), ("latencyMs", "3000")])
        #expect(fault.status == 303)
        var statuses: [Int] = []
        for _ in 0..<9 {
            statuses.append(try await browser.post("/simulator/keys", [("case", "binance-good")]).status)
        }
        #expect(statuses.prefix(8).allSatisfy { $0 == 303 })
        #expect(statuses.last == 429)
        let refused = try #require(browser.bodies.last)
        #expect(refused.contains("tests are under way already"))
        #expect(try await CLIRunner.offPool { console.interrupt().status } == 130)
    }
}
