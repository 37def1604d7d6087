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

    var status: Int
    var headers: [(String, String)] = []
    var body: String
    var delivery: Delivery = .answer

    static func json(_ status: Int, _ value: JSONValue, headers: [(String, String)] = []) -> SimulatorResponse {
        SimulatorResponse(status: status, headers: headers, body: value.rendered)
    }
}
