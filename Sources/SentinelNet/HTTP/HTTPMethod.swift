public enum HTTPMethod: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case GET, POST, PUT, DELETE

    public var description: String { rawValue }

    /// Parses a method name case-insensitively (`get`, `Post`).
    public init?(name: String) {
        self.init(rawValue: name.uppercased())
    }
}
