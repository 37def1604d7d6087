import Foundation
import SentinelTestSupport
import Testing

/// Driving a form as a user would: load it, type, submit, read the answer.
extension BrowserDriverTests {
    @Test func fillsAndSubmitsAFormAndReadsTheAnswer() async throws {
        try await withSiteAndPage { site, page in
            let form = try #require(try await page.navigate(to: site))
            #expect(form.status == 200)
            #expect(form.header("x-page") == "form")
            #expect(form.header("Content-Type") == "text/html; charset=utf-8")
            #expect(try await page.text(of: "h1") == "Say hello")
            #expect(try await page.texts(of: "li") == ["first", "second"])
            #expect(try await page.texts(of: "table").isEmpty)

            try await page.fill("#name", with: "Ada <Lovelace> & co")
            #expect(try await page.value(of: "#name") == "Ada <Lovelace> & co")
            #expect(try await page.text(of: "#echo") == "Ada <Lovelace> & co", "the input event reached the page's script")
            try await page.setChecked("#remember", true)
            #expect(try await page.evaluate("document.getElementById('remember').checked") == true)
            await #expect(throws: BrowserError.self) { try await page.setChecked("#name", true) }

            let answer = try #require(try await page.clickAndWaitForLoad("button[type=submit]"))
            #expect(answer.status == 200)
            #expect(answer.url == site.appendingPathComponent("greet").absoluteString)
            #expect(try await page.text(of: "#greeting") == "Hello, Ada <Lovelace> & co (remembered)")
            #expect(page.lastResponse == answer)
            #expect(page.responses.filter(\.isMainDocument).map(\.status) == [200, 200])
            #expect(try await page.body(of: answer).contains("Hello, Ada &lt;Lovelace&gt; &amp; co"))
            #expect(try await page.currentURL().hasSuffix("/greet"))

            let visited = try #require(try await page.cookies().first { $0.name == "visited" })
            #expect(visited.value == "yes" && visited.httpOnly && visited.sameSite == "Strict")
            #expect(page.problems.isEmpty, "\(page.problems)")
        }
    }

    @Test func reportsTheStatusOfAnErrorPage() async throws {
        try await withSiteAndPage { site, page in
            let response = try #require(try await page.navigate(to: site.appendingPathComponent("missing")))
            #expect(response.status == 404)
            #expect(try await page.text(of: "p") == "not here")
        }
    }

    @Test func aMissingElementIsNamed() async throws {
        try await withSiteAndPage { site, page in
            try await page.navigate(to: site)
            await #expect(throws: BrowserError.elementNotFound(selector: "#no-such-button")) {
                try await page.click("#no-such-button")
            }
            await #expect(throws: BrowserError.self) { try await page.fill("h1", with: "not a field") }
            #expect(try await page.exists("#name"))
            #expect(try await !page.exists("#no-such-button"))
        }
    }

    @Test func anUnreachableAddressFailsTheNavigation() async throws {
        try await Browser.withPage { page in
            // Port 9 (discard) on loopback: nothing listens there, so the connection is refused at once.
            let error = await #expect(throws: BrowserError.self) {
                try await page.navigate(to: URL(string: "http://127.0.0.1:9/")!)
            }
            guard case .navigationFailed(_, let reason) = error else {
                Issue.record("expected navigationFailed, got \(String(describing: error))")
                return
            }
            #expect(reason.contains("ERR_"))
        }
    }

    @Test func cookiesCanBeSetAndAnIsolatedPageDoesNotShareThem() async throws {
        try await FormPageServer.serve { site in
            let browser = try await Browser.launch()
            do {
                let first = try await browser.newPage()
                try await first.setCookie("token", value: "t0k3n", for: site, httpOnly: true)
                try await first.navigate(to: site)
                #expect(try await first.cookies().contains { $0.name == "token" && $0.value == "t0k3n" && $0.httpOnly })
                #expect(try await first.evaluate("document.cookie") == "", "an HttpOnly cookie is hidden from scripts")

                let second = try await browser.newPage(isolated: true)
                try await second.navigate(to: site)
                #expect(try await second.cookies().isEmpty)
            } catch {
                await browser.close()
                throw error
            }
            await browser.close()
        }
    }
}
