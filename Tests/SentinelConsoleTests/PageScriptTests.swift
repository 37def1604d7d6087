import Foundation
import SentinelTestSupport
import Testing

/// JavaScript in the page: values back as JSON, exceptions as errors, and the page's own errors collected.
extension BrowserDriverTests {
    @Test func evaluateReturnsJSONValues() async throws {
        try await Browser.withPage { page async throws in
            #expect(try await page.evaluate("1 + 2") == 3)
            #expect(try await page.evaluate("'a' + 'b'") == "ab")
            #expect(try await page.evaluate("({ ok: true, list: [1, 'two', null] })") == ["ok": true, "list": [1, "two", nil]])
            #expect(try await page.evaluate("undefined") == .null)
            #expect(try await page.evaluate("new Promise(resolve => setTimeout(() => resolve(42), 10))") == 42)
        }
    }

    @Test func aJavaScriptExceptionBecomesAnErrorWithItsMessage() async throws {
        try await Browser.withPage { page async throws in
            let thrown = await #expect(throws: BrowserError.self) {
                try await page.evaluate("(() => { throw new Error('boom in the test'); })()")
            }
            guard case .javaScriptException(let message) = thrown else {
                Issue.record("expected javaScriptException, got \(String(describing: thrown))")
                return
            }
            #expect(message.contains("Error: boom in the test"))

            let rejected = await #expect(throws: BrowserError.self) {
                try await page.evaluate("Promise.reject(new TypeError('rejected in the test'))")
            }
            #expect("\(String(describing: rejected))".contains("TypeError: rejected in the test"))

            await #expect(throws: BrowserError.self) { try await page.evaluate("thisNameIsNotDefined + 1") }
            #expect(try await page.evaluate("'still usable'") == "still usable")
        }
    }

    @Test func thePagesOwnErrorsAreCollected() async throws {
        try await withSiteAndPage { site, page in
            try await page.navigate(to: site.appendingPathComponent("broken"))
            let deadline = ContinuousClock.now + .seconds(10)
            while page.uncaughtExceptions.isEmpty, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(page.uncaughtExceptions.contains { $0.contains("kaboom from the broken page") }, "\(page.uncaughtExceptions)")
            #expect(page.consoleMessages.contains { $0.level == "error" && $0.text == "the broken page logged this" })
            #expect(page.problems.count == 2, "\(page.problems)")

            page.clearProblems()
            try await page.evaluate("console.log('just a note')")
            try await page.waitUntil("true")
            #expect(page.problems.isEmpty)
            #expect(page.consoleMessages.contains { $0.level == "log" && $0.text == "just a note" })
        }
    }

    @Test func timeoutsFireAndThePageStaysUsable() async throws {
        try await Browser.withPage { page in
            let start = ContinuousClock.now
            let missing = await #expect(throws: BrowserError.self) {
                try await page.waitFor("#never", timeout: .milliseconds(400))
            }
            // On a loaded machine the last poll's own evaluate can time out too; the message then names it after
            // this prefix, so only the prefix and the budget are fixed.
            guard case .timedOut(let waited, let after) = missing else {
                Issue.record("expected timedOut, got \(String(describing: missing))")
                return
            }
            #expect(waited.hasPrefix("waiting for an element matching #never"), "\(waited)")
            #expect(after == .milliseconds(400))
            let never = await #expect(throws: BrowserError.self) {
                try await page.evaluate("new Promise(() => {})", timeout: .milliseconds(400))
            }
            guard case .timedOut(let operation, _) = never else {
                Issue.record("expected timedOut, got \(String(describing: never))")
                return
            }
            #expect(operation.contains("Runtime.evaluate"))
            #expect(ContinuousClock.now - start < .seconds(10))

            try await page.evaluate("setTimeout(() => { document.body.innerHTML = '<p id=late>late</p>'; }, 200)")
            try await page.waitFor("#late", timeout: .seconds(5))
            #expect(try await page.text(of: "#late") == "late")
            await #expect(throws: BrowserError.self) {
                try await page.waitUntil("window.neverSet === true", timeout: .milliseconds(300))
            }
        }
    }
}
