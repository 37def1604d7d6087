import SentinelCore
import SentinelNet
import Testing

@testable import SentinelExchanges

/// Bybit's retCodes: classified by code, never by HTTP status (business errors and 10006 come with HTTP 200), each
/// with a fix a person can follow.
@Suite struct BybitErrorsTests {
    static let venue = try! Venue(.bybit, .linear, .live)

    static func connector() throws -> BybitConnector {
        try BybitConnector(
            venue: venue, credentials: Credentials(apiKey: "BYBITKEY0123456789", secret: SecretText("SECRETSECRETSECRETSECRETSECRET123456")))
    }

    static func context(status: Int = 200, path: String = "/v5/order/create") -> ErrorContext {
        ErrorContext(venue: venue, httpStatus: status, path: path, clockSummary: nil, retryAfterSeconds: nil)
    }

    static let expected: [(Int, SentinelError.Kind)] = [
        (10001, .invalidOrder), (10002, .invalidTimestamp), (10003, .authentication), (10004, .authentication),
        (10005, .permissionDenied), (10006, .rateLimited), (10007, .authentication), (10008, .permissionDenied),
        (10009, .permissionDenied), (10010, .permissionDenied), (10016, .exchangeUnavailable), (10017, .badResponse),
        (10024, .permissionDenied), (10027, .permissionDenied), (10029, .permissionDenied), (33004, .authentication),
        (-2015, .authentication), (110001, .orderNotFound), (170213, .orderNotFound), (110003, .invalidOrder),
        (110004, .insufficientFunds), (110007, .insufficientFunds), (110012, .insufficientFunds),
        (110044, .insufficientFunds), (110045, .insufficientFunds), (170131, .insufficientFunds),
        (110008, .orderNotFound), (110010, .orderNotFound), (170142, .orderNotFound), (110017, .invalidOrder),
        (110020, .invalidOrder), (110072, .duplicateOrder), (170141, .duplicateOrder), (110094, .invalidOrder),
        (170140, .invalidOrder), (170121, .invalidOrder), (170132, .invalidOrder), (170133, .invalidOrder),
        (170134, .invalidOrder), (170136, .invalidOrder), (170137, .invalidOrder), (170148, .invalidOrder),
        (170005, .rateLimited),
    ]

    @Test func everyCodeHasItsKindAndAFix() {
        for (code, kind) in Self.expected {
            let error = BybitErrors.map(code: code, message: "msg", context: Self.context())
            #expect(error.kind == kind, "\(code)")
            #expect(!error.diagnosis.fix.isEmpty, "\(code)")
            #expect(error.exchangeCode == String(code))
        }
        #expect(BybitErrors.map(code: 10001, message: "x", context: Self.context(path: "/v5/market/tickers")).kind == .invalidInput)
        #expect(BybitErrors.map(code: 0, message: "HTTP 403", context: Self.context(status: 403)).kind == .ipBanned)
    }

    @Test func theEnvironmentMixUpIsNamed() {
        let error = BybitErrors.map(code: 10003, message: "API key is invalid.", context: Self.context())
        #expect(error.diagnosis.cause.contains("on live"))
        #expect(error.diagnosis.fix.contains { $0.contains("Demo Trading") })
    }

    @Test func http200WithARetCodeIsAFailure() throws {
        let connector = try Self.connector()
        let endpoint = BybitEndpoint.placeOrder
        let refused = HTTPResponse(
            status: 200, headers: [],
            body: Array(#"{"retCode":110072,"retMsg":"OrderLinkedID is duplicate","result":{},"retExtInfo":{},"time":1}"#.utf8))
        #expect(connector.failure(in: refused, endpoint: endpoint, context: Self.context())?.kind == .duplicateOrder)
        let fine = HTTPResponse(
            status: 200, headers: [], body: Array(#"{"retCode":0,"retMsg":"OK","result":{},"retExtInfo":{},"time":1}"#.utf8))
        #expect(connector.failure(in: fine, endpoint: endpoint, context: Self.context()) == nil)
        let gateway = HTTPResponse(status: 502, headers: [], body: Array("<html>bad gateway</html>".utf8))
        #expect(connector.failure(in: gateway, endpoint: endpoint, context: Self.context(status: 502)) != nil)
    }

    @Test func usageHeadersAndTheRateLimit() throws {
        let connector = try Self.connector()
        let endpoint = BybitEndpoint.placeOrder
        let headers = [
            (name: "X-Bapi-Limit", value: "10"), (name: "X-Bapi-Limit-Status", value: "0"),
            (name: "X-Bapi-Limit-Reset-Timestamp", value: "1700000000400"),
        ]
        let limited = HTTPResponse(
            status: 200, headers: headers,
            body: Array(#"{"retCode":10006,"retMsg":"Too many visits!","result":{},"retExtInfo":{},"time":1700000000000}"#.utf8))
        let report = connector.usage(in: limited, endpoint: endpoint)
        #expect(report.observations == [.init(meter: .endpoint("/v5/order/create"), windowMs: 1_000, used: 10)])
        #expect(report.throttle == .rateLimited(retryAfterMs: 400))
        let banned = HTTPResponse(status: 403, headers: [], body: Array("access too frequent".utf8))
        #expect(connector.usage(in: banned, endpoint: endpoint).throttle == .banned(forMs: 600_000))
    }

    @Test func requestsCarryCategoryAndJSONBodies() throws {
        let connector = try Self.connector()
        let market = Market(
            symbol: UnifiedSymbol("BTC/USDT:USDT")!, nativeSymbol: "BTCUSDT", product: .linear, isTrading: true,
            rules: MarketRules(tickSize: try Price("0.1"), stepSize: try Quantity("0.001"), minQuantity: try Quantity("0.001")))
        let request = OrderRequest(
            symbol: market.symbol, side: .sell, type: .limit, quantity: try Quantity("0.002"), price: try Price("70000.5"),
            postOnly: true, reduceOnly: true, clientOrderID: try ClientOrderID("sn-1"))
        let call = connector.placeOrder(request, market: market)
        let signed = try connector.request(call.endpoint, call.payload, timestampMs: 1_700_000_000_000)
        #expect(
            signed.body
                == #"{"category":"linear","symbol":"BTCUSDT","side":"Sell","orderType":"Limit","qty":"0.002","price":"70000.5","timeInForce":"PostOnly","reduceOnly":true,"orderLinkId":"sn-1"}"#
        )
        let query = connector.order(.clientOrderID("sn-1"), market: market)
        let get = try connector.request(query.endpoint, query.payload, timestampMs: 1_700_000_000_000)
        #expect(get.url == "https://api.bybit.com/v5/order/realtime?category=linear&symbol=BTCUSDT&orderLinkId=sn-1")
        #expect(get.body == nil)
        #expect(!"\(get)".contains("SECRETSECRET"))
    }
}
