/// A Bybit refusal: `retCode` and `retMsg` inside the usual envelope. Business errors, authentication errors and
/// the per-UID rate limit (10006) all travel with HTTP 200 (fact sheet §3); only routing, the IP flood and server
/// faults change the status.
struct BybitError: Error, Sendable {
    var status = 200
    let code: Int
    let message: String
    var result: JSONValue = .object([])
    /// Usage headers that go with a rate-limit refusal.
    var headers: [(String, String)] = []

    init(status: Int = 200, code: Int, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    static func parameter(_ detail: String) -> BybitError {
        BybitError(code: 10001, message: "params error: \(detail)")
    }

    static func missing(_ name: String) -> BybitError {
        parameter("\(name) is required")
    }

    static let invalidCategory = BybitError(code: 10001, message: "params error: Category is invalid")
    static let unknownKey = BybitError(code: 10003, message: "API key is invalid.")
    static let permissionDenied = BybitError(
        code: 10005, message: "Permission denied, please check your API key permissions.")
    static let tooManyVisits = BybitError(code: 10006, message: "Too many visits!")
    static let unmatchedIP = BybitError(
        code: 10010, message: "Unmatched IP, please check your API key's bound IP addresses.")
    static let expiredKey = BybitError(code: 33004, message: "Your api key has expired.")
    static let expiredSpotKey = BybitError(code: -2015, message: "Your api key has expired.")
    static let accessTooFrequent = BybitError(status: 403, code: 10006, message: "access too frequent")
    static let serverError = BybitError(status: 503, code: 10016, message: "Internal server error.")

    static func timestamp(request: String, server: Int64, recvWindow: String) -> BybitError {
        BybitError(
            code: 10002,
            message: "invalid request, please check your server timestamp or recv_window param. "
                + "req_timestamp[\(request)],server_timestamp[\(server)],recv_window[\(recvWindow)]")
    }

    static func signature(originString: String) -> BybitError {
        BybitError(code: 10004, message: "error sign! origin_string[\(originString)]")
    }

    static func routeNotFound() -> BybitError {
        BybitError(status: 404, code: 10017, message: "route not found")
    }

    /// The envelope around this error.
    func envelope(now: Int64) -> JSONValue {
        BybitEnvelope.render(code: code, message: message, result: result, extInfo: .object([]), now: now)
    }
}

/// `{retCode, retMsg, result, retExtInfo, time}`, the shape of every Bybit answer.
enum BybitEnvelope {
    static func render(code: Int, message: String, result: JSONValue, extInfo: JSONValue, now: Int64) -> JSONValue {
        .object([
            ("retCode", .int(code)), ("retMsg", .string(message)), ("result", result), ("retExtInfo", extInfo),
            ("time", .int(now)),
        ])
    }
}
