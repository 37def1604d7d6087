/// What went wrong while launching or driving the headless browser; each case says enough to fix the test or the
/// machine without rerunning it.
public enum BrowserError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No Chromium binary was found; `searched` lists the names and paths tried.
    case notInstalled(searched: [String])
    /// Chromium did not come up (it exited, or never printed its DevTools address); `log` is the end of its output.
    case didNotStart(reason: String, log: String)
    /// An operation did not finish in time.
    case timedOut(operation: String, after: Duration)
    /// The browser answered a protocol call with an error.
    case protocolError(method: String, code: Int, message: String)
    /// JavaScript run by `Page.evaluate` threw (or its promise was rejected); `message` is the exception as the page
    /// describes it (`Error: boom` and the stack).
    case javaScriptException(message: String)
    /// No element matches the selector.
    case elementNotFound(selector: String)
    /// The browser could not load the URL (a network error such as `net::ERR_CONNECTION_REFUSED`, not an HTTP status).
    case navigationFailed(url: String, reason: String)
    /// The DevTools connection ended (the browser was closed or crashed).
    case connectionClosed(reason: String)
    /// The browser answered with something this driver does not understand.
    case unexpectedReply(method: String, reply: String)

    public var description: String {
        switch self {
        case .notInstalled(let searched):
            "No Chromium found (tried \(searched.joined(separator: ", "))); install Debian's `chromium` package "
                + "(apt-get install chromium) or set SENTINEL_CHROMIUM to the browser's path."
        case .didNotStart(let reason, let log):
            "Chromium did not start: \(reason). Its output ends with:\n\(log)"
        case .timedOut(let operation, let after):
            "Timed out after \(after) \(operation)."
        case .protocolError(let method, let code, let message):
            "The browser refused \(method): \(message) (\(code))."
        case .javaScriptException(let message):
            "The page's JavaScript threw: \(message)"
        case .elementNotFound(let selector):
            "No element on the page matches \(selector)."
        case .navigationFailed(let url, let reason):
            "The browser could not load \(url): \(reason)."
        case .connectionClosed(let reason):
            "The connection to the browser ended: \(reason)."
        case .unexpectedReply(let method, let reply):
            "The browser's answer to \(method) was not understood: \(reply.prefix(500))"
        }
    }
}
