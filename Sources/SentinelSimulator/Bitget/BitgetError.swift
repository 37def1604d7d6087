/// A Bitget error answer (bitget.md §3): `{"code":"40009","msg":"sign signature error","requestTime":…,"data":null}`,
/// HTTP 400 for auth and parameter errors, 429 for rate limits.
struct BitgetError: Error, Sendable, Equatable {
    let status: Int
    let code: String
    let message: String

    init(status: Int = 400, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    static let missingKey = BitgetError(code: "40001", message: "ACCESS_KEY cannot be empty")
    static let missingSign = BitgetError(code: "40002", message: "ACCESS_SIGN cannot be empty")
    static let missingTimestamp = BitgetError(code: "40003", message: "ACCESS_TIMESTAMP cannot be empty")
    static let missingPassphrase = BitgetError(code: "40011", message: "ACCESS_PASSPHRASE cannot be empty")
    static let invalidTimestamp = BitgetError(code: "40005", message: "Invalid ACCESS_TIMESTAMP")
    static let invalidKey = BitgetError(code: "40006", message: "Invalid ACCESS_KEY")
    static let timestampExpired = BitgetError(code: "40008", message: "Request timestamp expired")
    static let invalidSignature = BitgetError(code: "40009", message: "sign signature error")
    static let wrongPassphrase = BitgetError(code: "40012", message: "apikey/password is incorrect")
    static let keyDoesNotExist = BitgetError(code: "40037", message: "Apikey does not exist")
    static let ipNotWhitelisted = BitgetError(code: "40038", message: "The current ip is not in the apikey ip whitelist")
    static let environmentMismatch = BitgetError(code: "40099", message: "exchange environment is incorrect")
    static let rateLimited = BitgetError(status: 429, code: "429", message: "Too Many Requests")
    static let systemBusy = BitgetError(status: 500, code: "40015", message: "System is abnormal, please try again later")
    static let unknownSymbol = BitgetError(code: "40034", message: "Parameter symbol does not exist")
    static let spotOrderNotFound = BitgetError(code: "43001", message: "The order does not exist")
    static let mixOrderNotFound = BitgetError(code: "40768", message: "Order does not exist")
    static let noOrderToCancel = BitgetError(code: "22001", message: "No order to cancel")
    static let insufficientSpot = BitgetError(code: "43012", message: "Insufficient balance")
    static let insufficientMargin = BitgetError(code: "40762", message: "The order amount exceeds the balance")
    static let duplicateClientID = BitgetError(code: "40786", message: "Duplicate clientOid")
    static let clientIDTooLong = BitgetError(
        code: "40305", message: "clientOid or clientOrderId length cannot greater than 64, and cannot be Martian characters")
    static let batchTooLarge = BitgetError(code: "40808", message: "Parameter verification exception orderList size > 50")
    static let reduceOnlyNoPosition = BitgetError(code: "22002", message: "No position to close")
    static let outsideReceiveWindow = BitgetError(code: "40078", message: "Request is outside the receive window")
    static let receiveWindowTooLarge = BitgetError(code: "40079", message: "receiveWindow must be less than 60000")

    static func permission(_ name: String) -> BitgetError {
        BitgetError(code: "40014", message: "Incorrect permissions, need \(name) permissions")
    }

    /// A required parameter missing (`productType`, `symbol`, `marginCoin`, …).
    static func empty(_ name: String) -> BitgetError {
        BitgetError(code: "40019", message: "Parameter \(name) cannot be empty")
    }

    /// A parameter with a value Bitget does not take.
    static func parameter(_ name: String) -> BitgetError {
        BitgetError(code: "40020", message: "Parameter \(name) error")
    }

    static func verification(_ detail: String) -> BitgetError {
        BitgetError(code: "40808", message: "Parameter verification exception \(detail)")
    }

    static func belowMinimum(_ minimum: String) -> BitgetError {
        BitgetError(code: "45110", message: "less than the minimum amount \(minimum) USDT")
    }

    static func notFound(_ path: String) -> BitgetError {
        BitgetError(status: 404, code: "40404", message: "Request URL NOT FOUND")
    }

    static func demoRestricted(_ path: String) -> BitgetError {
        BitgetError(code: "40081", message: "Spot DEMO accounts can only access spot orders and spot plan order endpoints.")
    }

    func json(now: Int64) -> JSONValue {
        .object([
            ("code", .string(code)), ("msg", .string(message)), ("requestTime", .int(Int(now))), ("data", .null),
        ])
    }
}
