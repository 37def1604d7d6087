import SentinelCore

/// What a private endpoint needs from the key: read, spot trade, or futures trade.
enum BitgetSecurity: Sendable, Equatable {
    case none
    case read
    case spotTrade
    case futuresTrade
}

typealias BitgetHandler = @Sendable (inout BitgetCall, inout EngineState) throws(BitgetError) -> JSONValue

/// One REST endpoint: who may call it, its limit per second (public per IP, private per UID; bitget.md §4), and the
/// handler that returns `data`.
struct BitgetEndpoint: Sendable {
    let method: String
    let path: String
    let security: BitgetSecurity
    let limit: Int
    let handler: BitgetHandler

    init(_ method: String, _ path: String, _ security: BitgetSecurity, limit: Int, handler: @escaping BitgetHandler) {
        self.method = method
        self.path = path
        self.security = security
        self.limit = limit
        self.handler = handler
    }

    /// The success envelope: `{"code":"00000","msg":"success","requestTime":…,"data":…}`.
    static func envelope(_ data: JSONValue, now: Int64) -> JSONValue {
        .object([("code", .string("00000")), ("msg", .string("success")), ("requestTime", .int(now)), ("data", data)])
    }
}
