/// A KuCoin error answer (kucoin.md §3): `{"code":"<6 digits>","msg":"…"}` with the HTTP status the table gives.
/// Business refusals come with HTTP 200.
struct KuCoinError: Error, Sendable, Equatable {
    let status: Int
    let code: String
    let message: String

    static let missingHeaders = KuCoinError(
        status: 401, code: "400001",
        message: "Please check the header of your request for KC-API-KEY, KC-API-SIGN, KC-API-TIMESTAMP, KC-API-PASSPHRASE")
    static let invalidTimestamp = KuCoinError(status: 400, code: "400002", message: "Invalid KC-API-TIMESTAMP")
    static let keyNotExists = KuCoinError(status: 401, code: "400003", message: "KC-API-KEY not exists")
    static let invalidPassphrase = KuCoinError(status: 401, code: "400004", message: "Invalid KC-API-PASSPHRASE")
    static let invalidSignature = KuCoinError(status: 401, code: "400005", message: "Invalid KC-API-SIGN")
    static let invalidIP = KuCoinError(status: 403, code: "400006", message: "Invalid request ip")
    static let noPermission = KuCoinError(status: 403, code: "400007", message: "Access denied, require more permission.")
    static let unsupportedMediaType = KuCoinError(status: 415, code: "415000", message: "Unsupported Media Type")
    static let badRequest = KuCoinError(status: 400, code: "400000", message: "Bad Request")
    static let rateLimited = KuCoinError(status: 429, code: "429000", message: "Too Many Requests")
    static let internalError = KuCoinError(status: 500, code: "500000", message: "Internal Server Error")
    static let notFound = KuCoinError(status: 404, code: "404000", message: "Url Not Found")

    static let sizeBelowMinimum = parameter("Order size below the minimum requirement.")
    static let sizeIncrement = parameter("Order size increment invalid.")
    static let priceIncrement = parameter("Price increment invalid.")
    static let priceRange = parameter("price not in the given range!")
    static let fundsBelowMinimum = KuCoinError(status: 200, code: "600100", message: "Funds below the minimum requirement.")
    static let cancelRefused = parameter("order_not_exist_or_not_allow_to_cancel")
    static let balanceInsufficient = KuCoinError(status: 200, code: "200004", message: "Balance insufficient!")
    static let duplicateSpotClientOid = KuCoinError(
        status: 200, code: "126044", message: "clientOid duplicated, please try again")
    static let duplicateFuturesClientOid = KuCoinError(status: 200, code: "300018", message: "clientOid parameter repeated")
    static let symbolNotAvailable = KuCoinError(
        status: 200, code: "400600", message: "validation.createOrder.symbolNotAvailable")
    static let futuresOrderNotExist = KuCoinError(status: 200, code: "100001", message: "error.getOrder.orderNotExist")
    static let futuresNotCancelable = KuCoinError(status: 200, code: "100004", message: "The order cannot be canceled.")
    static let futuresMarginInsufficient = KuCoinError(
        status: 200, code: "300003", message: "Balance insufficient! The order would cost 0, available 0")
    static let reduceOnlyRefused = KuCoinError(
        status: 200, code: "300009", message: "No open positions to close.")
    static let spotOrderNotExist = KuCoinError(status: 200, code: "400100", message: "order_not_exist_or_not_allow_to_cancel")

    static func parameter(_ message: String) -> KuCoinError {
        KuCoinError(status: 400, code: "400100", message: message)
    }

    static func missing(_ name: String) -> KuCoinError {
        parameter("\(name) is required")
    }

    var json: JSONValue { .object([("code", .string(code)), ("msg", .string(message))]) }
}
