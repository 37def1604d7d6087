import SentinelCore
import SentinelNet

/// A request before signing: what the caller wants sent. The signer adds the timestamp, key and signature.
public struct RequestDraft: Sendable, Hashable {
    public var method: HTTPMethod
    /// The path without host and query, e.g. `/api/v3/order`.
    public var path: String
    public var query: QueryString
    /// The body exactly as it will be sent: JSON for most exchanges, a form (`a=1&b=2`) for Binance.
    public var body: String?

    /// Whether `body` is JSON a connector wrote itself (a `VenuePayload.json`), which the signer does not check
    /// again: checking every order's body cost a thirtieth of an order. A draft made with the public initialisers
    /// (`sentinel sign`, a bot's own requests) has its body checked.
    private(set) var bodyIsWrittenJSON = false

    public init(method: HTTPMethod, path: String, query: QueryString = .empty, body: String? = nil) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
    }

    /// A draft whose body a connector wrote as JSON itself.
    init(method: HTTPMethod, path: String, query: QueryString, writtenJSON body: String?) {
        self.init(method: method, path: path, query: query, body: body)
        bodyIsWrittenJSON = body != nil
    }

    /// Parses a path that may carry its own `?query`, merging it in front of `query`.
    /// Throws for a path that does not start with `/` or contains characters a path cannot hold.
    public init(method: HTTPMethod, pathAndQuery: String, query: String = "", body: String? = nil)
        throws(SentinelError)
    {
        var path = pathAndQuery
        var queryText = query
        if let mark = pathAndQuery.firstIndex(of: "?") {
            path = String(pathAndQuery[..<mark])
            let inline = String(pathAndQuery[pathAndQuery.index(after: mark)...])
            queryText = [inline, query].filter { !$0.isEmpty }.joined(separator: "&")
        }
        guard path.hasPrefix("/"),
            path.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "#") })
        else {
            throw .invalidInput(
                "The path \"\(path.prefix(80))\" is not a request path.",
                fix: ["Give the path as the exchange documents it, starting with /, e.g. /api/v3/order."])
        }
        if queryText.hasPrefix("?") { queryText.removeFirst() }
        self.init(method: method, path: path, query: QueryString(queryText), body: body)
    }
}
