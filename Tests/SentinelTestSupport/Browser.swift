import Foundation
import Synchronization

/// A headless Chromium driven over the Chrome DevTools Protocol, for tests that check pages in a real browser.
///
/// One WebSocket to the browser; each `Page` is a tab attached to it as a flattened session. `close()` (or the
/// scoped `withPage`) ends every process the browser started and deletes its throw-away profile.
///
/// ```swift
/// try await Browser.withPage { page in
///     try await page.navigate(to: url)
///     try await page.fill("#name", with: "Ada")
///     try await page.clickAndWaitForLoad("button[type=submit]")
///     #expect(try await page.text(of: "#greeting") == "Hello, Ada")
///     #expect(page.problems.isEmpty)
/// }
/// ```
public final class Browser: Sendable {
    let connection: DevToolsConnection
    let chromium: ChromiumProcess
    private let closed = Mutex(false)

    private init(connection: DevToolsConnection, chromium: ChromiumProcess) {
        self.connection = connection
        self.chromium = chromium
    }

    /// Starts Chromium (see `isAvailable` for which) headless with a fresh profile, and connects to it.
    /// Throws `BrowserError.notInstalled` when there is none, `.didNotStart` when it did not come up within `timeout`.
    public static func launch(timeout: Duration = .seconds(60)) async throws -> Browser {
        guard let executable = Self.executable else { throw BrowserError.notInstalled(searched: candidates) }
        let chromium = try await ChromiumProcess.start(executable: executable, timeout: timeout)
        do {
            let connection = try await DevToolsConnection.open(url: chromium.devToolsURL, timeout: timeout)
            return Browser(connection: connection, chromium: chromium)
        } catch {
            let log = chromium.logTail()
            await chromium.stop()
            throw BrowserError.didNotStart(reason: "no DevTools connection: \(error)", log: log)
        }
    }

    /// Launches a browser, opens a page, runs `body` with it, and closes the browser whatever `body` does.
    public static func withPage<Result>(
        launchTimeout: Duration = .seconds(60), _ body: (Page) async throws -> Result
    ) async throws -> Result {
        let browser = try await launch(timeout: launchTimeout)
        do {
            let result = try await body(try await browser.newPage())
            await browser.close()
            return result
        } catch {
            await browser.close()
            throw error
        }
    }

    /// Opens a new tab on `about:blank`. An `isolated` page gets a browser context of its own: no cookies or storage
    /// shared with the other pages (a second user, or a forged request without the first one's cookies).
    public func newPage(isolated: Bool = false, timeout: Duration = Page.defaultTimeout) async throws -> Page {
        var target: [String: JSONValue] = ["url": "about:blank"]
        if isolated {
            let context = try await connection.call("Target.createBrowserContext", timeout: timeout)
            guard let id = context["browserContextId"]?.string else {
                throw BrowserError.unexpectedReply(method: "Target.createBrowserContext", reply: "\(context)")
            }
            target["browserContextId"] = .string(id)
        }
        let created = try await connection.call("Target.createTarget", .object(target), timeout: timeout)
        guard let targetID = created["targetId"]?.string else {
            throw BrowserError.unexpectedReply(method: "Target.createTarget", reply: "\(created)")
        }
        let attached = try await connection.call(
            "Target.attachToTarget", ["targetId": .string(targetID), "flatten": true], timeout: timeout)
        guard let session = attached["sessionId"]?.string else {
            throw BrowserError.unexpectedReply(method: "Target.attachToTarget", reply: "\(attached)")
        }
        return try await Page.attach(connection: connection, session: session, targetID: targetID, timeout: timeout)
    }

    /// Ends the browser — its whole process group and its detached helpers, at once (SIGKILL) — and deletes its
    /// profile folder. Safe to call twice; every page of the browser is unusable afterwards.
    public func close() async {
        guard closed.withLock({ flag in defer { flag = true }; return !flag }) else { return }
        // No graceful Browser.close: it takes Chromium 2–3 s to shut down by itself, and its profile is thrown away.
        connection.close()
        await chromium.stop()
    }

    deinit {
        connection.close()
        chromium.stopImmediately()
    }
}
