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

    /// Whether a connector wrote this draft from its own payload, which the signer does not check again for what a
    /// person could get wrong (a body that is not JSON, a parameter the signer adds itself, a character a query cannot
    /// hold): those checks cost a thirtieth of an order. Drafts made with the public initialisers (`sentinel sign`, a
    /// bot's own requests) are checked.
    private(set) var isConnectorWritten = false

    public init(method: HTTPMethod, path: String, query: QueryString = .empty, body: String? = nil) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
    }

    /// A draft a connector wrote from its own payload.
    init(connectorWritten method: HTTPMethod, path: String, query: QueryString, body: String?) {
        self.init(method: method, path: path, query: query, body: body)
        isConnectorWritten = true
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
