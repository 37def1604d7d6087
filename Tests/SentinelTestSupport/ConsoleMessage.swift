import Foundation

/// A message of the page's console: a `console.*` call (`source` is `console-api`, `level` the call's type: `log`,
/// `warning`, `error`, `assert`, ...), an entry the browser logged itself (`source` `network`, `javascript`, ...: a
/// failed resource load, a deprecation), or a JavaScript dialog the driver dismissed (`source` `dialog`).
public struct ConsoleMessage: Sendable, Equatable, CustomStringConvertible {
    public let level: String
    public let text: String
    public let source: String
    /// The resource the message is about (a failed load), when the browser names one.
    public let url: String?

    public init(level: String, text: String, source: String, url: String? = nil) {
        self.level = level
        self.text = text
        self.source = source
        self.url = url
    }

    /// Whether it reports a problem (an error, or a failed `console.assert`).
    public var isError: Bool { level == "error" || level == "assert" }

    /// Whether it is about the `/favicon.ico` the browser asks every site for on its own (not the page's doing).
    public var isAboutImplicitFavicon: Bool { url.flatMap(URL.init(string:))?.path == "/favicon.ico" }

    public var description: String { "[\(source) \(level)] \(text)" + (url.map { " (\($0))" } ?? "") }
}
