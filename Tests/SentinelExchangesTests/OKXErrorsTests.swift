import SentinelCore
import SentinelNet
import Testing

@testable import SentinelExchanges

/// Every OKX code of the fact sheet maps to its `SentinelError` kind, with a fix a person can follow; envelopes with
/// per-order `sCode` are judged by the order.
@Suite struct OKXErrorsTests {
    static func context(_ status: Int, demo: Bool = false) -> ErrorContext {
        let venue = try! Venue(.okx, .spot, Environment(demo ? .demo : .live))
        return ErrorContext(venue: venue, httpStatus: status, path: "/api/v5/account/balance", clockSummary: nil, retryAfterSeconds: nil)
    }

    @Test(arguments: [
        ("50101", 401, SentinelError.Kind.authentication), ("50102", 401, .invalidTimestamp),
        ("50103", 401, .authentication), ("50104", 401, .authentication), ("50105", 401, .authentication),
        ("50106", 401, .authentication), ("50107", 401, .authentication), ("50111", 401, .authentication),
        ("50112", 401, .invalidTimestamp), ("50113", 401, .authentication), ("50119", 401, .authentication),
        ("50100", 400, .authentication), ("50110", 401, .permissionDenied), ("50035", 403, .permissionDenied),
        ("50120", 200, .permissionDenied), ("50030", 200, .permissionDenied), ("50011", 429, .rateLimited),
        ("50061", 200, .rateLimited), ("50001", 503, .exchangeUnavailable), ("50004", 400, .exchangeUnavailable),
        ("51149", 500, .exchangeUnavailable), ("50038", 200, .unsupported), ("51008", 200, .insufficientFunds),
        ("51008_1000", 200, .insufficientFunds), ("51131", 200, .insufficientFunds), ("51127", 200, .insufficientFunds),
        ("51016", 200, .duplicateOrder), ("50071", 200, .duplicateOrder), ("51400", 200, .orderNotFound),
        ("51603", 200, .orderNotFound), ("51121", 200, .invalidOrder), ("51020", 200, .invalidOrder),
        ("51120", 200, .invalidOrder), ("51006", 200, .invalidOrder), ("51137", 200, .invalidOrder),
        ("51138", 200, .invalidOrder), ("51000", 400, .invalidOrder), ("50014", 400, .invalidOrder),
        ("51001", 200, .invalidOrder), ("51169", 200, .invalidOrder), ("59999", 200, .badResponse),
    ])
    func codeMapsToKindWithAFix(_ code: String, _ status: Int, _ kind: SentinelError.Kind) {
        let error = OKXErrors.map(code: code, message: "message", context: Self.context(status))
        #expect(error.kind == kind)
        #expect(error.exchangeCode == code)
        #expect(!error.diagnosis.fix.isEmpty)
    }

    @Test func wrongPassphraseAndEnvironmentAreNamed() {
        let passphrase = OKXErrors.map(
            code: "50105", message: "Request header \"OK-ACCESS-PASSPHRASE\" incorrect.", context: Self.context(401))
        #expect(passphrase.diagnosis.cause.contains("passphrase is wrong"))
        let demoOnLive = OKXErrors.map(code: "50101", message: "", context: Self.context(401))
        #expect(demoOnLive.diagnosis.fix.contains { $0.contains("This is a demo key: add --env demo") })
        let liveOnDemo = OKXErrors.map(code: "50101", message: "", context: Self.context(401, demo: true))
        #expect(liveOnDemo.diagnosis.cause.contains("This is a live key"))
        let ip = OKXErrors.map(
            code: "50110", message: "Your IP 203.0.113.9 is not included in your API key's IP whitelist.",
            context: Self.context(401))
        #expect(ip.requestIP == "203.0.113.9" && ip.diagnosis.fix[0].contains("203.0.113.9"))
    }

    @Test func envelopesAreJudgedByCodeThenByEachOrder() throws {
        let venue = try Venue(.okx, .spot, Environment(.live))
        let connector = try OKXConnector(
            venue: venue, credentials: Credentials(apiKey: "k-123456789", secret: SecretText("s-123456789"), passphrase: SecretText("p")))
        func failure(_ status: Int, _ body: String, _ endpoint: VenueEndpoint = OKXEndpoint.placeOrder) -> SentinelError? {
            connector.failure(
                in: HTTPResponse(status: status, headers: [], body: Array(body.utf8)), endpoint: endpoint,
                context: ErrorContext(venue: venue, httpStatus: status, path: endpoint.path, clockSummary: nil, retryAfterSeconds: nil))
        }
        #expect(failure(200, #"{"code":"0","msg":"","data":[{"sCode":"0"}]}"#) == nil)
        #expect(failure(200, #"{"code":"1","msg":"Operation failed.","data":[{"sCode":"51016","sMsg":"Client order ID already exists."}]}"#)?.kind == .duplicateOrder)
        #expect(failure(401, #"{"msg":"API key doesn't exist","code":"50119"}"#)?.exchangeCode == "50119")
        #expect(failure(200, #"{"code":"2","msg":"","data":[{"sCode":"0"},{"sCode":"51008"}]}"#, OKXEndpoint.batchOrders) == nil)
        #expect(failure(502, "<html>bad gateway</html>") != nil)
        let limited = connector.usage(
            in: HTTPResponse(status: 200, headers: [], body: Array(#"{"code":"50011","msg":"Too Many Requests","data":[]}"#.utf8)),
            endpoint: OKXEndpoint.balance)
        #expect(limited.throttle == .rateLimited(retryAfterMs: 2_000))
    }
}
