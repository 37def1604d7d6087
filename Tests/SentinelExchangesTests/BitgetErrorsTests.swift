import SentinelCore
import SentinelNet
import Testing

@testable import SentinelExchanges

/// Every Bitget code of the fact sheet maps to its `SentinelError` kind, with a fix a person can follow.
@Suite struct BitgetErrorsTests {
    static func context(_ status: Int, demo: Bool = false, path: String = "/api/v2/spot/account/assets") -> ErrorContext {
        let venue = try! Venue(.bitget, path.hasPrefix("/api/v2/mix") ? .linear : .spot, Environment(demo ? .demo : .live))
        return ErrorContext(venue: venue, httpStatus: status, path: path, clockSummary: nil, retryAfterSeconds: nil)
    }

    @Test(arguments: [
        ("40001", 400, SentinelError.Kind.authentication), ("40002", 400, .authentication), ("40003", 400, .authentication),
        ("40011", 400, .authentication), ("40005", 400, .invalidTimestamp), ("40008", 400, .invalidTimestamp),
        ("40006", 400, .authentication), ("40037", 400, .authentication), ("40041", 400, .authentication),
        ("40009", 400, .authentication), ("40012", 400, .authentication), ("40036", 400, .authentication),
        ("40038", 400, .permissionDenied), ("40018", 400, .permissionDenied), ("40014", 400, .permissionDenied),
        ("40025", 400, .permissionDenied), ("40099", 400, .authentication), ("40013", 400, .authentication),
        ("40022", 400, .authentication), ("40023", 400, .authentication), ("40024", 400, .authentication),
        ("40026", 400, .authentication), ("429", 429, .rateLimited), ("40015", 500, .exchangeUnavailable),
        ("45001", 400, .exchangeUnavailable), ("40725", 400, .exchangeUnavailable), ("43012", 400, .insufficientFunds),
        ("40754", 400, .insufficientFunds), ("40762", 400, .insufficientFunds), ("40786", 400, .duplicateOrder),
        ("43001", 400, .orderNotFound), ("40109", 400, .orderNotFound), ("40768", 400, .orderNotFound),
        ("43004", 400, .orderNotFound), ("22001", 400, .orderNotFound), ("43028", 400, .invalidOrder),
        ("45115", 400, .invalidOrder), ("22038", 400, .invalidOrder), ("43006", 400, .invalidOrder),
        ("43027", 400, .invalidOrder), ("45110", 400, .invalidOrder), ("45111", 400, .invalidOrder),
        ("40102", 400, .invalidOrder), ("40034", 400, .invalidOrder), ("40808", 400, .invalidOrder),
        ("41103", 400, .invalidOrder), ("40304", 400, .invalidOrder), ("40305", 400, .invalidOrder),
        ("40402", 400, .invalidOrder), ("40078", 400, .invalidTimestamp), ("40079", 400, .invalidTimestamp),
        ("22030", 400, .unsupported), ("40081", 400, .unsupported), ("99999", 400, .badResponse),
        ("99999", 502, .exchangeUnavailable),
    ])
    func codesMapToKinds(_ code: String, _ status: Int, _ kind: SentinelError.Kind) {
        let error = BitgetErrors.map(code: code, message: "message", context: Self.context(status))
        #expect(error.kind == kind, "\(code)")
        #expect(error.exchangeCode == code)
        #expect(!error.diagnosis.fix.isEmpty, "\(code)")
        #expect(error.diagnosis.evidence.contains { $0.value == "\(code) message" })
    }

    @Test func environmentPassphraseAndProductTypeAreNamed() {
        let live = BitgetErrors.map(code: "40099", message: "exchange environment is incorrect", context: Self.context(400))
        #expect(live.diagnosis.cause.contains("demo key") && live.diagnosis.fix.joined().contains("--env demo"))
        let demo = BitgetErrors.map(code: "40099", message: "", context: Self.context(400, demo: true))
        #expect(demo.diagnosis.cause.contains("live key"))
        let passphrase = BitgetErrors.map(code: "40012", message: "apikey/password is incorrect", context: Self.context(400))
        #expect(passphrase.diagnosis.cause.contains("passphrase") && passphrase.diagnosis.fix.joined().contains("new one"))
        let productType = BitgetErrors.map(
            code: "40019", message: "Parameter productType cannot be empty", context: Self.context(400, path: "/api/v2/mix/order/detail"))
        #expect(productType.kind == .invalidInput && productType.diagnosis.fix.joined().contains("COIN-FUTURES"))
        let lost = BitgetErrors.map(code: "40768", message: "Order does not exist", context: Self.context(400, path: "/api/v2/mix/order/detail"))
        #expect(lost.diagnosis.fix.joined().contains("productType"))
        let rate = BitgetErrors.map(code: "429", message: "Too Many Requests", context: Self.context(429))
        #expect(rate.retryAfterSeconds == 1)
    }
}
