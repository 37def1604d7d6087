/// The HTTP response that brought a page's main document, as the browser received it.
public struct DocumentResponse: Sendable, Equatable {
    public let url: String
    public let status: Int
    public let statusText: String
    /// The response headers as the browser reports them (several values of one header joined by newlines).
    public let headers: [String: String]
    public let mimeType: String
    /// The DevTools loader id of the navigation that fetched it.
    let loaderID: String

    /// The value of the header `name`, whatever the case of its name.
    public func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}
