/// The DevTools protocol's JSON messages: a call sent to the browser, and what comes back (a reply carrying the
/// call's `id`, or an event without one). `sessionId` addresses a page attached with `flatten: true`.
struct DevToolsCall: Encodable {
    let id: Int
    let method: String
    let params: JSONValue
    let sessionId: String?
}

struct DevToolsInbound: Decodable {
    struct Failure: Decodable {
        let code: Int
        let message: String
    }

    let id: Int?
    let result: JSONValue?
    let error: Failure?
    let method: String?
    let params: JSONValue?
    let sessionId: String?
}

/// An event the browser sent on its own (`Page.loadEventFired`, `Runtime.consoleAPICalled`, ...).
struct DevToolsEvent: Sendable {
    let method: String
    let params: JSONValue
    let sessionId: String?
}
