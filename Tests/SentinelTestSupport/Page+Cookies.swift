import Foundation

extension Page {
    /// The cookies the browser would send to the page's current address (HttpOnly ones included).
    public func cookies(timeout: Duration = defaultTimeout) async throws -> [BrowserCookie] {
        let result = try await send("Network.getCookies", timeout: timeout)
        return (result["cookies"]?.array ?? []).map(BrowserCookie.init)
    }

    /// Stores a cookie for `url` in the page's browser context, as if that site had set it.
    public func setCookie(
        _ name: String, value: String, for url: URL, httpOnly: Bool = false, timeout: Duration = defaultTimeout
    ) async throws {
        let result = try await send(
            "Network.setCookie",
            ["name": .string(name), "value": .string(value), "url": .string(url.absoluteString), "httpOnly": .bool(httpOnly)],
            timeout: timeout)
        if result["success"]?.bool == false {
            throw BrowserError.unexpectedReply(method: "Network.setCookie", reply: "the browser did not store \(name)")
        }
    }
}
