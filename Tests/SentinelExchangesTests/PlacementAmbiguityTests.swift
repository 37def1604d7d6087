import Foundation
import SentinelCore
import SentinelNet
import Testing

@testable import SentinelExchanges

/// Answers that leave a placement's outcome unknown, scripted: the client looks the order up and never sends it a
/// second time while the first may still arrive.
@Suite(.timeLimit(.minutes(5))) struct PlacementAmbiguityTests {
    static let exchangeInfo = String(decoding: try! Fixture.bytes("binance/exchange-info-spot.json"), as: UTF8.self)
    static let futuresInfo = #"{"rateLimits":[],"symbols":[{"symbol":"BTCUSDT","status":"TRADING","baseAsset":"BTC","quoteAsset":"USDT","marginAsset":"USDT","contractType":"PERPETUAL","filters":[{"filterType":"PRICE_FILTER","minPrice":"0.10","maxPrice":"1000000","tickSize":"0.10"},{"filterType":"LOT_SIZE","minQty":"0.001","maxQty":"1000","stepSize":"0.001"}]}]}"#

    static func orderJSON(_ clientID: String) -> String {
        #"{"symbol":"BTCUSDT","orderId":42,"clientOrderId":"\#(clientID)","price":"20000.00","origQty":"0.00100","executedQty":"0.00000","cummulativeQuoteQty":"0","status":"NEW","timeInForce":"GTC","type":"LIMIT","side":"BUY","transactTime":1700000000000}"#
    }

    static func client(_ transport: ScriptedTransport, product: Product = .spot, journal: OrderJournal) throws
        -> BinanceClient
    {
        try BinanceClient(
            venue: Venue(.binance, product, Environment(.live, customEndpoint: "http://127.0.0.1:1")),
            credentials: Credentials(apiKey: "key-0123456789abcdef", secret: SecretText("secret-0123456789")),
            transport: transport,
            configuration: ClientConfiguration(
                readRetry: RetryPolicy(maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2), journal: journal,
                now: { 1_700_000_000_000 }, lookUpDelaysMs: [1, 1, 1]))
    }

    static func path(_ request: SignedRequest) -> String {
        String(request.url.dropFirst("http://127.0.0.1:1".count).split(separator: "?")[0])
    }

    /// Binance accepted the order (HTTP 200) but the body is cut off: the order exists. Before the fix the client
    /// called it a refusal and journalled it `rejected` while it rested on the book.
    @Test func aSuccessfulAnswerThatCannotBeReadIsLookedUpNotRejected() async throws {
        let journal = try OrderJournal(path: nil)
        let transport = ScriptedTransport { request in
            switch (request.method, Self.path(request)) {
            case (.GET, "/api/v3/exchangeInfo"): .success(ScriptedTransport.json(200, Self.exchangeInfo))
            case (.POST, "/api/v3/order"): .success(ScriptedTransport.json(200, #"{"symbol":"BTCUSDT","orderId":4"#))
            case (.GET, "/api/v3/order"): .success(ScriptedTransport.json(200, Self.orderJSON("sn-cut-1")))
            default: .success(ScriptedTransport.json(404, "{}"))
            }
        }
        let client = try Self.client(transport, journal: journal)
        let request = OrderRequest(
            symbol: UnifiedSymbol("BTC/USDT")!, side: .buy, type: .limit, quantity: try Quantity("0.001"),
            price: try Price("20000"), clientOrderID: try ClientOrderID("sn-cut-1"))
        let order = try await client.placeOrder(request)
        #expect(order.id == "42")
        #expect(transport.requests.filter { $0.method == .POST }.count == 1)
        #expect(try journal.entry(clientOrderID: "sn-cut-1")?.stageValue == .acknowledged)
    }

    /// USDⓈ-M answers -4116 when the client id is already taken — by our own first attempt. Before the fix -4116 was
    /// unmapped and the order was reported refused although it existed.
    @Test func aDuplicatedClientIDOnFuturesMeansTheFirstAttemptArrived() async throws {
        let journal = try OrderJournal(path: nil)
        let transport = ScriptedTransport { request in
            switch (request.method, Self.path(request)) {
            case (.GET, "/fapi/v1/exchangeInfo"): .success(ScriptedTransport.json(200, Self.futuresInfo))
            case (.POST, "/fapi/v1/order"):
                .success(ScriptedTransport.json(400, #"{"code":-4116,"msg":"ClientOrderId is duplicated."}"#))
            case (.GET, "/fapi/v1/order"): .success(ScriptedTransport.json(200, Self.orderJSON("sn-dup-1")))
            default: .success(ScriptedTransport.json(404, "{}"))
            }
        }
        let client = try Self.client(transport, product: .linear, journal: journal)
        let request = OrderRequest(
            symbol: UnifiedSymbol("BTC/USDT:USDT")!, side: .buy, type: .limit, quantity: try Quantity("0.001"),
            price: try Price("20000"), clientOrderID: try ClientOrderID("sn-dup-1"))
        let order = try await client.placeOrder(request)
        #expect(order.clientOrderID == "sn-dup-1")
        #expect(transport.requests.filter { $0.method == .POST }.count == 1)
        #expect(try journal.entry(clientOrderID: "sn-dup-1")?.stageValue == .acknowledged)
    }
}
