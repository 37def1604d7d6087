/// One HTTP request as a dialect sees it: the raw path and query exactly as received (signatures cover them
/// byte for byte), the body as text, header names lowercased, and the client's address.
struct SimulatorRequest: Sendable {
    let method: String
    /// The path as received, percent-encoding intact, without the query.
    let path: String
    /// The query as received, without the `?`.
    let rawQuery: String
    let headers: [String: String]
    let body: String
    let clientIP: String

    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// A dialect's answer, and how to deliver it.
struct SimulatorResponse: Sendable {
    enum Delivery: Sendable, Equatable {
        case answer
        /// Close the connection without answering.
        case closeConnection
        /// Keep the client waiting this long, then close without answering (the request was processed).
        case holdThenClose(milliseconds: Int)
    }

    /// JSON is kept as a value and rendered when the answer is written, after the engine's lock is let go.
    enum Content: Sendable {
        case text(String)
        case json(JSONValue)
    }

    var status: Int
    var headers: [(String, String)] = []
    var content: Content
    var delivery: Delivery = .answer

    init(status: Int, headers: [(String, String)] = [], body: String, delivery: Delivery = .answer) {
        self.init(status: status, headers: headers, content: .text(body), delivery: delivery)
    }

    init(status: Int, headers: [(String, String)], content: Content, delivery: Delivery = .answer) {
        self.status = status
        self.headers = headers
        self.content = content
        self.delivery = delivery
    }

    var body: String {
        switch content {
        case .text(let text): text
        case .json(let value): value.rendered
        }
    }

    static func json(_ status: Int, _ value: JSONValue, headers: [(String, String)] = []) -> SimulatorResponse {
        SimulatorResponse(status: status, headers: headers, content: .json(value))
    }
}
