import Foundation
import SentinelTestSupport
import Testing

@testable import SentinelCLI

/// `sentinel console` as an attacker's review found it: what other servers on this machine can do with the
/// session cookie, a vault changed by the command line while the page holds it unlocked, tests started faster
/// than they finish, and an exchange's message in the live events.
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
}
