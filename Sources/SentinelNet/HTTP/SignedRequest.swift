

/// A request exactly as it goes on the wire: method, full URL, headers in the order they are sent, body.
public struct SignedRequest: Sendable, Hashable {
    public struct Header: Sendable, Hashable {
        public let name: String
        public let value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public var method: HTTPMethod
    public var url: String
    public var headers: [Header]
    public var body: String?

    public init(method: HTTPMethod, url: String, headers: [Header], body: String?) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The value of a header, matched without regard to ASCII case.
    public func header(_ name: String) -> String? {
        headers.first { HeaderName.matches($0.name, name) }?.value
    }
}
