/// A Binance error answer: HTTP status, code and message as the real exchange sends them (fact sheet §3).
struct BinanceError: Error, Sendable, Equatable {
    let status: Int
    let code: Int
    let message: String
    var retryAfterSeconds: Int? = nil
    /// Details some errors carry (`order/cancelReplace`'s two results), rendered after `code` and `msg`.
    var data: EquatableJSON? = nil

    static func mandatory(_ name: String) -> BinanceError {
        BinanceError(
            status: 400, code: -1102,
            message: "Mandatory parameter '\(name)' was not sent, was empty/null, or malformed.")
    }

    static func illegalCharacters(_ name: String, range: String) -> BinanceError {
        BinanceError(
            status: 400, code: -1100,
            message: "Illegal characters found in parameter '\(name)'; legal range is '\(range)'.")
    }

    static let numberRange = "^([0-9]{1,20})(\\.[0-9]{1,20})?$"

    static let apiKeyFormat = BinanceError(status: 401, code: -2014, message: "API-key format invalid.")
    static let invalidAPIKeyID = BinanceError(status: 401, code: -2008, message: "Invalid Api-Key ID.")

    /// -2015: unknown key, IP not whitelisted or permission missing. Futures add the request IP.
    static func rejectedKey(requestIP: String?) -> BinanceError {
        BinanceError(
            status: 401, code: -2015,
            message: "Invalid API-key, IP, or permissions for action" + (requestIP.map { ", request ip: \($0)" } ?? "."))
    }

    static let invalidSignature = BinanceError(
        status: 400, code: -1022, message: "Signature for this request is not valid.")
    static let timestampOutsideWindow = BinanceError(
        status: 400, code: -1021, message: "Timestamp for this request is outside of the recvWindow.")
    static let timestampAhead = BinanceError(
        status: 400, code: -1021, message: "Timestamp for this request was 1000ms ahead of the server's time.")
    static let recvWindowTooLarge = BinanceError(
        status: 400, code: -1102,
        message: "Param 'recvWindow' was malformed: Cannot be greater than 60000.")
    static let invalidSymbol = BinanceError(status: 400, code: -1121, message: "Invalid symbol.")
    static let invalidInterval = BinanceError(status: 400, code: -1120, message: "Invalid interval.")
    static let invalidSide = BinanceError(status: 400, code: -1117, message: "Invalid side.")
    static let invalidOrderType = BinanceError(status: 400, code: -1116, message: "Invalid orderType.")
    static let invalidTimeInForce = BinanceError(status: 400, code: -1115, message: "Invalid timeInForce.")
    static let positionSideMismatch = BinanceError(
        status: 400, code: -4061, message: "Order's position side does not match user's setting.")
    static let listenKeyMissing = BinanceError(status: 400, code: -1125, message: "This listenKey does not exist.")
    static let orderDoesNotExist = BinanceError(status: 400, code: -2013, message: "Order does not exist.")
    static let clientIDMismatch = BinanceError(
        status: 400, code: -2039, message: "Client order ID is not correct for this order ID.")
    static let unknownOrderSent = BinanceError(status: 400, code: -2011, message: "Unknown order sent.")
    static let orderLookupMissing = BinanceError(
        status: 400, code: -1102, message: "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!")

    static func newOrderRejected(_ message: String) -> BinanceError {
        BinanceError(status: 400, code: -2010, message: message)
    }

    static func filterFailure(_ filter: String) -> BinanceError {
        BinanceError(status: 400, code: -1013, message: "Filter failure: \(filter)")
    }

    static func tooMuchWeight(limit: Int, retryAfter: Int) -> BinanceError {
        BinanceError(
            status: 429, code: -1003,
            message: "Too much request weight used; current limit is \(limit) request weight per 1 MINUTE. "
                + "Please use WebSocket Streams for live updates to avoid polling the API.",
            retryAfterSeconds: retryAfter)
    }

    /// RAW_REQUESTS: every request counts one, whatever its weight.
    static func tooManyRequests(limit: Int, retryAfter: Int) -> BinanceError {
        BinanceError(
            status: 429, code: -1003, message: "Too many requests; current limit is \(limit) requests per 5 MINUTE.",
            retryAfterSeconds: retryAfter)
    }

    static func banned(until: Int64, retryAfter: Int) -> BinanceError {
        BinanceError(
            status: 418, code: -1003,
            message: "Way too much request weight used; IP banned until \(until). "
                + "Please use WebSocket Streams for live updates to avoid bans.",
            retryAfterSeconds: retryAfter)
    }

    static func tooManyOrders(limit: Int, label: String, retryAfter: Int) -> BinanceError {
        let interval = label.hasSuffix("S") ? "SECOND" : label.hasSuffix("M") ? "MINUTE" : "DAY"
        return BinanceError(
            status: 429, code: -1015,
            message: "Too many new orders; current limit is \(limit) orders per \(label.dropLast()) \(interval).",
            retryAfterSeconds: retryAfter)
    }

    static func unknownEndpoint(method: String, path: String) -> BinanceError {
        BinanceError(status: 404, code: -5000, message: "Path \(path), Method \(method) is invalid")
    }

    var json: JSONValue {
        var members: [(String, JSONValue)] = [("code", .int(code)), ("msg", .string(message))]
        if let data { members.append(("data", data.value)) }
        return .object(members)
    }
}

/// JSON compared by its rendering, so that an error carrying some stays `Equatable`.
struct EquatableJSON: Sendable, Equatable {
    let value: JSONValue

    static func == (lhs: EquatableJSON, rhs: EquatableJSON) -> Bool { lhs.value.rendered == rhs.value.rendered }
}
