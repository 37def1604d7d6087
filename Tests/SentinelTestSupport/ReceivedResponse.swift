/// An HTTP response the page received — its documents, and what its scripts fetched (`resourceType` `Document`,
/// `XHR`, `Fetch`, `EventSource`, `Script`, `Stylesheet`, `Image`, ...) — as the browser saw it.
public struct ReceivedResponse: Sendable, Equatable {
    public let url: String
    public let status: Int
    public let statusText: String
    /// The response headers as the browser reports them (several values of one header joined by newlines).
    public let headers: [String: String]
    public let mimeType: String
    public let resourceType: String
    /// Whether it brought the document of the page's main frame (not a frame's, not a script's fetch).
    public let isMainDocument: Bool
    /// The DevTools ids of the request and of the navigation that made it.
    let requestID: String
    let loaderID: String

    /// The value of the header `name`, whatever the case of its name.
    public func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}
