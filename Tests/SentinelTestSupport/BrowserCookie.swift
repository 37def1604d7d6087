/// A cookie as the browser holds it.
public struct BrowserCookie: Sendable, Equatable {
    public let name: String
    public let value: String
    public let domain: String
    public let path: String
    public let httpOnly: Bool
    public let secure: Bool
    /// `Strict`, `Lax` or `None`; `nil` when the cookie did not say.
    public let sameSite: String?

    init(_ cookie: JSONValue) {
        name = cookie["name"]?.string ?? ""
        value = cookie["value"]?.string ?? ""
        domain = cookie["domain"]?.string ?? ""
        path = cookie["path"]?.string ?? ""
        httpOnly = cookie["httpOnly"]?.bool ?? false
        secure = cookie["secure"]?.bool ?? false
        sameSite = cookie["sameSite"]?.string
    }
}
