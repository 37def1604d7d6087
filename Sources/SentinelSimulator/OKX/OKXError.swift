/// An OKX error answer (okx.md §3): the code and message of the docs' table and its HTTP status. Auth refusals that
/// field reports show without `data` (50101, 50119) are sent that way, `msg` first.
struct OKXError: Error, Sendable, Equatable {
    let status: Int
    let code: String
    let message: String
    var withoutData = false

    static func missingHeader(_ name: String, code: String) -> OKXError {
        OKXError(status: 401, code: code, message: "Request header \"\(name)\" cannot be empty.")
    }

    static let environmentMismatch = OKXError(
        status: 401, code: "50101", message: "APIKey does not match current environment.", withoutData: true)
    static let timestampExpired = OKXError(status: 401, code: "50102", message: "Timestamp request expired.")
    static let wrongPassphrase = OKXError(
        status: 401, code: "50105", message: "Request header \"OK-ACCESS-PASSPHRASE\" incorrect.")
    static let invalidKey = OKXError(status: 401, code: "50111", message: "Invalid OK-ACCESS-KEY.")
    static let invalidTimestamp = OKXError(status: 401, code: "50112", message: "Invalid OK-ACCESS-TIMESTAMP.")
    static let invalidSignature = OKXError(status: 401, code: "50113", message: "Invalid signature.")
    static let keyDoesNotExist = OKXError(status: 401, code: "50119", message: "API key doesn't exist", withoutData: true)
    static let noPermission = OKXError(
        status: 200, code: "50120", message: "This API key doesn't have permission to use this function")
    static let unavailableInDemo = OKXError(
        status: 200, code: "50038", message: "This feature is unavailable in demo trading")
    static let rateLimited = OKXError(
        status: 429, code: "50011",
        message: "Rate limit reached. Please refer to API documentation and throttle requests accordingly.")
    static let systemBusy = OKXError(
        status: 503, code: "50001", message: "Service temporarily unavailable. Please try again later.")
    static let unknownInstrument = OKXError(
        status: 200, code: "51001", message: "Instrument ID, Instrument ID code or Spread ID doesn't exist.")
    static let orderDoesNotExist = OKXError(status: 200, code: "51603", message: "Order does not exist.")
    static let batchTooLarge = OKXError(
        status: 200, code: "51111", message: "Maximum of 20 orders can be placed in bulk.")

    static func ipNotWhitelisted(_ ip: String) -> OKXError {
        OKXError(status: 401, code: "50110", message: "Your IP \(ip) is not included in your API key's IP whitelist.")
    }

    static func parameter(_ name: String) -> OKXError {
        OKXError(status: 400, code: "51000", message: "Parameter \(name) error")
    }

    static func empty(_ name: String) -> OKXError {
        OKXError(status: 400, code: "50014", message: "Parameter \(name) can not be empty.")
    }

    /// An unknown path: OKX's table has no code for it, so the HTTP status is the code.
    static func notFound(_ path: String) -> OKXError {
        OKXError(status: 404, code: "404", message: "Not Found")
    }

    var json: JSONValue {
        if withoutData { return .object([("msg", .string(message)), ("code", .string(code))]) }
        return .object([("code", .string(code)), ("msg", .string(message)), ("data", .array([]))])
    }
}

/// A per-order refusal inside a trade answer's `data` (`sCode`/`sMsg`, HTTP 200).
struct OKXItemError: Error, Sendable, Equatable {
    let code: String
    let message: String
    var subCode = ""

    static let duplicateClientID = OKXItemError(code: "51016", message: "Client order ID already exists.")
    static let notLotMultiple = OKXItemError(code: "51121", message: "Order quantity must be a multiple of the lot size.")
    static let belowMinimum = OKXItemError(
        code: "51020", message: "Your order should meet or exceed the minimum order amount.")
    static let cancelFailed = OKXItemError(
        code: "51400",
        message: "Order cancellation failed as the order has been filled, canceled or does not exist.")
    static let unknownInstrument = OKXItemError(
        code: "51001", message: "Instrument ID, Instrument ID code or Spread ID doesn't exist.")
    static let noPositionToReduce = OKXItemError(
        code: "51169",
        message: "Order failed because you don't have any positions in this direction for this contract to reduce or close.")
    static let rateLimited = OKXItemError(
        code: "50011",
        message: "Rate limit reached. Please refer to API documentation and throttle requests accordingly.")

    static let accountOrderRateLimited = OKXItemError(
        code: "50061", message: "You've reached the maximum order rate limit for this account.")

    static func parameter(_ name: String) -> OKXItemError {
        OKXItemError(code: "51000", message: "Parameter \(name) error")
    }

    static func insufficient(_ currency: String, margin: Bool) -> OKXItemError {
        OKXItemError(
            code: "51008",
            message: "Order failed. Insufficient \(currency) \(margin ? "margin" : "balance") in account",
            subCode: margin ? "1001" : "1000")
    }

    static func priceLimit(maxBuy: String, minSell: String) -> OKXItemError {
        OKXItemError(
            code: "51006",
            message: "Order price is not within the price limit (max buy price: \(maxBuy) , min sell price: \(minSell) )")
    }
}
