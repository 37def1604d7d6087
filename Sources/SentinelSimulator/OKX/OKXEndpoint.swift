/// What a handler answers: `data` and the envelope's code and message (`"1"`/`"2"` for batches that failed in whole
/// or in part); trade endpoints add `inTime`/`outTime`.
struct OKXReply: Sendable {
    var code = "0"
    var message = ""
    var data: [JSONValue]
    var timed = false
    /// `account/config` writes `msg` after `data`.
    var messageLast = false

    func json(now: Int64) -> JSONValue {
        var members: [(String, JSONValue)] = [("code", .string(code))]
        if !messageLast { members.append(("msg", .string(message))) }
        members.append(("data", .array(data)))
        if timed {
            members.append(("inTime", .string(String(now * 1000))))
            members.append(("outTime", .string(String(now * 1000 + 1500))))
        }
        if messageLast { members.append(("msg", .string(message))) }
        return .object(members)
    }
}

typealias OKXHandler = @Sendable (inout OKXCall, inout EngineState) throws(OKXError) -> OKXReply

/// One REST endpoint: who may call it, its rate limit per 2 s (public per IP, private per UID; the order endpoints
/// count per instrument themselves, `limit` nil), and the handler.
struct OKXEndpoint: Sendable {
    let method: String
    let path: String
    let security: OKXSecurity
    let limit: Int?
    let handler: OKXHandler

    init(_ method: String, _ path: String, _ security: OKXSecurity, limit: Int?, handler: @escaping OKXHandler) {
        self.method = method
        self.path = path
        self.security = security
        self.limit = limit
        self.handler = handler
    }
}
