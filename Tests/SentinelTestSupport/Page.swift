import Foundation

/// One tab of a `Browser`: navigation, JavaScript, and what the page logged. Every call has a deadline
/// (`defaultTimeout` unless given); the element helpers are in `Page+Elements.swift`.
public final class Page: Sendable {
    /// How long one call, navigation or wait may take unless told otherwise: generous, since on a two-core CI machine
    /// running the other suites at the same time one step of a page test was seen to take 9 s.
    public static let defaultTimeout: Duration = .seconds(30)

    let connection: DevToolsConnection
    let session: String
    /// The DevTools id of the tab.
    public let targetID: String
    let activity: PageActivity

    private init(connection: DevToolsConnection, session: String, targetID: String, activity: PageActivity) {
        self.connection = connection
        self.session = session
        self.targetID = targetID
        self.activity = activity
    }

    /// Starts listening to the attached tab `session`: its lifecycle, network, console and exceptions. JavaScript
    /// dialogs (`alert`, `confirm`) are accepted at once, so that they never block a test, and logged.
    static func attach(
        connection: DevToolsConnection, session: String, targetID: String, timeout: Duration
    ) async throws -> Page {
        let activity = PageActivity()
        connection.onEvents(of: session) { event in
            activity.record(event)
            if event.method == "Page.javascriptDialogOpening" {
                Task {
                    _ = try? await connection.call(
                        "Page.handleJavaScriptDialog", ["accept": true], session: session, timeout: timeout)
                }
            }
        }
        let page = Page(connection: connection, session: session, targetID: targetID, activity: activity)
        for domain in ["Page", "Runtime", "Network", "Log"] {
            _ = try await page.send("\(domain).enable", timeout: timeout)
        }
        _ = try await page.send("Page.setLifecycleEventsEnabled", ["enabled": true], timeout: timeout)
        let tree = try await page.send("Page.getFrameTree", timeout: timeout)
        activity.setMainFrame(tree["frameTree"]?["frame"]?["id"]?.string)
        return page
    }

    /// Sends a raw DevTools call to this tab (`Page.reload`, `Emulation.setEmulatedMedia`, ...) and returns its result.
    @discardableResult
    public func send(_ method: String, _ params: JSONValue = [:], timeout: Duration = defaultTimeout) async throws
        -> JSONValue
    {
        try await connection.call(method, params, session: session, timeout: timeout)
    }

    /// Loads `url` and waits for its `load` event. Returns the main document's response (status, headers), or `nil`
    /// for a navigation within the same document. An HTTP error status is no failure here (the response is returned);
    /// a network error (refused connection, bad host) throws `BrowserError.navigationFailed`.
    @discardableResult
    public func navigate(to url: URL, timeout: Duration = defaultTimeout) async throws -> ReceivedResponse? {
        let result = try await send("Page.navigate", ["url": .string(url.absoluteString)], timeout: timeout)
        if let error = result["errorText"]?.string, !error.isEmpty, error != "net::ERR_HTTP_RESPONSE_CODE_FAILURE" {
            throw BrowserError.navigationFailed(url: url.absoluteString, reason: error)
        }
        guard let loader = result["loaderId"]?.string else { return nil }
        try await waitForCondition("\(url.absoluteString) to load", timeout: timeout) {
            self.activity.hasLoaded(loaderID: loader)
        }
        return activity.documentResponse(loaderID: loader)
    }

    /// Runs the JavaScript expression `expression` in the page and returns its value as JSON (a promise is awaited
    /// first; `undefined` and values JSON cannot hold come back as `.null`). An exception thrown, or a promise
    /// rejected, throws `BrowserError.javaScriptException` with the page's description of it.
    @discardableResult
    public func evaluate(_ expression: String, timeout: Duration = defaultTimeout) async throws -> JSONValue {
        let result = try await send(
            "Runtime.evaluate",
            ["expression": .string(expression), "returnByValue": true, "awaitPromise": true, "userGesture": true],
            timeout: timeout)
        if let details = result["exceptionDetails"] {
            throw BrowserError.javaScriptException(message: PageActivity.exceptionMessage(details))
        }
        return result["result"]?["value"] ?? .null
    }

    /// The response of the last main document the page received (by `navigate`, a form, a link or a script).
    public var lastResponse: ReceivedResponse? { activity.lastDocumentResponse }

    /// Every response the page received so far, in order: documents, and what its scripts fetched.
    public var responses: [ReceivedResponse] { activity.responses }

    /// The body of `response` as the browser received it (text; binary bodies come base64-encoded from the browser and
    /// are decoded as UTF-8, lossily). Only while the browser still holds it: bodies of a document the page has left
    /// may be gone, and a stream still open (server-sent events) has none yet.
    public func body(of response: ReceivedResponse, timeout: Duration = defaultTimeout) async throws -> String {
        let result = try await send("Network.getResponseBody", ["requestId": .string(response.requestID)], timeout: timeout)
        let body = result["body"]?.string ?? ""
        guard result["base64Encoded"]?.bool == true else { return body }
        return String(decoding: Data(base64Encoded: body) ?? Data(), as: UTF8.self)
    }

    /// Everything the page's console received so far, in order.
    public var consoleMessages: [ConsoleMessage] { activity.consoleMessages }

    /// The page's uncaught exceptions and unhandled promise rejections so far, as the page describes them.
    public var uncaughtExceptions: [String] { activity.exceptions }

    /// The uncaught exceptions and the error messages of the console: empty for a page that worked cleanly. A missing
    /// `/favicon.ico` (asked for by the browser, not the page) is no problem.
    public var problems: [String] {
        let errors = activity.consoleMessages.filter { $0.isError && !$0.isAboutImplicitFavicon }
        return activity.exceptions + errors.map(\.description)
    }

    /// Forgets the console messages and exceptions collected so far.
    public func clearProblems() { activity.clearMessages() }

    /// The address of the document now shown.
    public func currentURL() async throws -> String {
        try await evaluate("location.href").string ?? ""
    }

    /// Closes the tab (the browser stays).
    public func close() async {
        _ = try? await connection.call("Target.closeTarget", ["targetId": .string(targetID)], timeout: .seconds(5))
        connection.removeEventHandler(of: session)
    }

    /// Polls `isMet` every 20 ms until it holds; throws `BrowserError.timedOut` naming `what` after `timeout`.
    func waitForCondition(
        _ what: String, timeout: Duration, _ isMet: @Sendable () async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            if try await isMet() { return }
            guard ContinuousClock.now < deadline else {
                throw BrowserError.timedOut(operation: "waiting for \(what)", after: timeout)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
