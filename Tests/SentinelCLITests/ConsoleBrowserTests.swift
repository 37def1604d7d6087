import Foundation
import SentinelTestSupport
import Testing

/// `sentinel console` in a real browser (headless Chromium over the DevTools protocol): what a new user does, from
/// the printed link to a removed key, with the page's own script running. With `SENTINEL_SCREENSHOTS=DIR` the pages
/// are saved there as PNGs (the README's pictures are made this way); otherwise into a temporary folder.
@Suite(.enabled(if: Browser.testsShouldRun), .timeLimit(.minutes(5))) struct ConsoleBrowserTests {
    @Test func aNewUserManagesAndTestsKeysWithoutTheCommandLine() async throws {
        let console = try await CLIRunner.offPool { try ConsoleProcess.start() }
        let admin = try #require(console.adminURL)
        let good = try await ConsoleClient.createKey(admin: admin, ["exchange": "okx"])
        let withdraw = try await ConsoleClient.createKey(
            admin: admin, ["exchange": "okx", "permissions": ["read", "trade", "withdraw"]])
        let next = try await ConsoleClient.createKey(admin: admin, ["exchange": "okx"])
        let secrets = [good, withdraw, next].flatMap { [$0["secret"]!, $0["passphrase"]!] }
        let base = "http://127.0.0.1:\(console.port)"
        let shots = try Screenshots()

        try await Browser.withPage { page in
            // The printed link: the token becomes a session and the vault is created in the page.
            let first = try await page.navigate(to: URL(string: console.link)!)
            #expect(first?.url == base + "/unlock")
            #expect(try await page.text(of: "h1") == "Create the vault")
            try await shots.take(page, "unlock")
            try await page.fill("#password", with: "correct horse battery")
            try await page.fill("#repeat", with: "correct horse battery")
            try await page.clickAndWaitForLoad("#unlock")
            #expect(try await page.exists("#no-keys"))

            // The guided form: choosing OKX in the list brings its steps at once; then the hygiene checks as the
            // key is pasted.
            try await page.navigate(to: URL(string: base + "/keys/new")!)
            #expect(try await page.text(of: "#guide-title").contains("Binance"))
            _ = try await page.evaluate(
                "const s = document.getElementById('exchange'); s.value = 'okx'; s.dispatchEvent(new Event('change')); true")
            try await page.waitUntil(
                "location.search === '?exchange=okx' && document.readyState === 'complete' && document.getElementById('passphrase') !== null")
            #expect(try await page.text(of: "#guide-title").contains("OKX"))
            let steps = try await page.texts(of: "#steps h3")
            #expect(steps.contains { $0.contains("Passphrase") })
            #expect(steps.contains { $0.contains("IP whitelist") })
            try await page.fill("#name", with: "okx-bot")
            try await page.fill("#apiKey", with: good["apiKey"]!)
            try await page.fill("#passphrase", with: good["passphrase"]!)
            try await page.fill("#secret", with: good["secret"]! + "\n")
            try await page.waitUntil("document.getElementById('key-check').dataset.problems === '1'")
            #expect(try await page.text(of: "#key-check .problem").contains("The secret ends with a line break"))
            #expect(try await page.evaluate("document.getElementById('save').disabled") == true)
            #expect(try await page.evaluate("document.getElementById('secret').getAttribute('aria-invalid')") == "true")
            try await shots.take(page, "add-key")
            try await page.fill("#secret", with: good["secret"]!)
            try await page.waitUntil("document.getElementById('key-check').dataset.problems === '0'")
            #expect(try await page.evaluate("document.getElementById('save').disabled") == false)

            // Store: the exchange is asked, then the doctor's checks arrive one by one.
            let run = try #require(try await page.clickAndWaitForLoad("#save"))
            #expect(run.url.hasPrefix(base + "/runs/"))
            #expect(try await page.text(of: ".notice").contains("Stored okx-bot"))
            try await page.waitUntil("document.body.dataset.done === 'true'", timeout: .seconds(60))
            let checks = try await page.texts(of: "#checks li[data-check] strong")
            #expect(checks.first == "credentials")
            #expect(checks.contains("order-test"))
            #expect(try await page.texts(of: "#checks .badge.fail").isEmpty)
            #expect(try await page.text(of: "#summary").contains("0 failed"))
            #expect(try await page.exists("#download"))
            try await shots.take(page, "test")

            // A key that can withdraw: refused, with the fix; the fields come back empty.
            try await page.navigate(to: URL(string: base + "/keys/new?exchange=okx&product=spot&env=live")!)
            try await page.fill("#name", with: "okx-withdraw")
            try await page.fill("#apiKey", with: withdraw["apiKey"]!)
            try await page.fill("#secret", with: withdraw["secret"]!)
            try await page.fill("#passphrase", with: withdraw["passphrase"]!)
            let refused = try #require(try await page.clickAndWaitForLoad("#save"))
            #expect(refused.status == 400)
            #expect(try await page.text(of: "#error h2").contains("can withdraw funds"))
            #expect(try await page.text(of: "#error .fix").contains("turn off Withdrawals"))
            #expect(try await page.value(of: "#secret") == "")
            try await shots.take(page, "withdraw-refused")

            // The keys page, then rotate, rename and remove from it.
            try await page.navigate(to: URL(string: base + "/")!)
            #expect(try await page.texts(of: "#keys tbody tr strong") == ["okx-bot"])
            #expect(try await page.text(of: "tr[data-key='okx-bot'] [data-last-status]") != "fail")
            try await shots.take(page, "keys")
            try await page.clickAndWaitForLoad("tr[data-key='okx-bot'] a.rotate")
            try await page.fill("#apiKey", with: next["apiKey"]!)
            try await page.fill("#secret", with: next["secret"]!)
            try await page.fill("#passphrase", with: next["passphrase"]!)
            try await page.clickAndWaitForLoad("#save")
            #expect(try await page.text(of: ".notice").contains("Rotated okx-bot"))
            try await page.waitUntil("document.body.dataset.done === 'true'", timeout: .seconds(60))
            #expect(try await page.texts(of: "#checks .badge.fail").isEmpty)
            try await page.navigate(to: URL(string: base + "/")!)
            try await page.fill("tr[data-key='okx-bot'] input[name=newName]", with: "okx-grid")
            try await page.clickAndWaitForLoad("tr[data-key='okx-bot'] button.rename")
            try await page.fill("tr[data-key='okx-grid'] input[name=confirm]", with: "okx-grid")
            try await page.clickAndWaitForLoad("tr[data-key='okx-grid'] button.remove")
            #expect(try await page.text(of: ".notice").contains("Revoke it on OKX"))
            #expect(try await page.exists("#no-keys"))
            try await page.navigate(to: URL(string: base + "/runs")!)
            #expect(try await page.texts(of: "#runs tbody tr").count == 2)
            try await shots.take(page, "runs")

            // Nothing the browser received holds a secret or passphrase; the script raised nothing.
            for response in page.responses where response.url.hasPrefix(base) && response.resourceType != "EventSource" {
                let body = (try? await page.body(of: response)) ?? ""
                for secret in secrets { #expect(!body.contains(secret), "\(response.url)") }
            }
            // The refused key's page came with status 400, which Chromium logs; nothing else may show up.
            let problems = page.problems.filter { !$0.contains("status of 400") }
            #expect(problems.isEmpty, "\(problems)")
        }
        #expect(try await CLIRunner.offPool { console.interrupt().status } == 130)
    }

    @Test func anotherBrowserWithTheSameLinkGetsNothing() async throws {
        let console = try await CLIRunner.offPool { try ConsoleProcess.start([]) }
        let browser = try await Browser.launch()
        do {
            let owner = try await browser.newPage(isolated: true)
            #expect(try await owner.navigate(to: URL(string: console.link)!)?.status == 200)
            let intruder = try await browser.newPage(isolated: true)
            let refused = try #require(try await intruder.navigate(to: URL(string: console.link)!))
            #expect(refused.status == 403)
            let keys = try #require(
                try await intruder.navigate(to: URL(string: "http://127.0.0.1:\(console.port)/")!))
            #expect(keys.status == 403)
            // `localhost` is the same console; the owner's cookie is for 127.0.0.1 only, so it asks for the link.
            let other = try #require(try await owner.navigate(to: URL(string: "http://localhost:\(console.port)/")!))
            #expect(other.status == 403)
            await browser.close()
        } catch {
            await browser.close()
            throw error
        }
    }

    @Test func theDemoAsAPageInTheDarkScheme() async throws {
        let console = try await CLIRunner.offPool { try ConsoleProcess.start([], command: ["demo", "--console"]) }
        let base = "http://127.0.0.1:\(console.port)"
        let shots = try Screenshots()
        try await Browser.withPage { page in
            try await page.emulateColorScheme(.dark)
            try await page.navigate(to: URL(string: console.link)!)
            try await page.fill("#password", with: "demo password 1")
            try await page.fill("#repeat", with: "demo password 1")
            try await page.clickAndWaitForLoad("#unlock")
            try await page.navigate(to: URL(string: base + "/simulator")!)
            #expect(try await page.texts(of: "button.make").count >= 40)
            try await shots.take(page, "simulator")
            try await page.clickAndWaitForLoad("button.make[data-case='bybit-clock']")
            try await page.waitUntil("document.body.dataset.done === 'true'", timeout: .seconds(60))
            // Badges are upper case on screen (CSS), so their text is compared without case.
            #expect(try await page.text(of: "#judgement").lowercased() == "caught by clock: as expected")
            #expect(try await page.text(of: "li[data-check='clock'] .badge").lowercased() == "fail")
            #expect(try await page.text(of: "li[data-check='clock']").contains("Turn on automatic time synchronization"))
            try await shots.take(page, "demo-caught")
            #expect(page.problems.isEmpty, "\(page.problems)")
        }
    }
}

/// Where the console's screenshots go.
struct Screenshots: Sendable {
    let folder: URL

    init() throws {
        if let chosen = ProcessInfo.processInfo.environment["SENTINEL_SCREENSHOTS"], !chosen.isEmpty {
            folder = URL(fileURLWithPath: chosen)
        } else {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("sentinel-shots-\(UUID().uuidString)")
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Saves the page as `name.png` and checks that it is a PNG.
    func take(_ page: Page, _ name: String) async throws {
        let data = try await page.screenshot(to: folder.appendingPathComponent("console-\(name).png").path)
        #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }
}
