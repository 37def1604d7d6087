import Benchmark
import Sentinel
import SentinelNet

/// The client's own cost per request, without the network: building and signing a request, parsing an answer,
/// and a whole `placeOrder` through the client against an in-memory transport.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput], maxDuration: .seconds(3))

    let credentials = Credentials(
        apiKey: "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
        secret: SecretText("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"))
    let venue = try! Venue(.binance, .spot, Environment(.live, customEndpoint: "http://127.0.0.1:1"))

    Benchmark("Binance sign order (HMAC)") { benchmark in
        let signer = try BinanceSigner(credentials: credentials, venue: venue)
        let draft = RequestDraft(
            method: .POST, path: "/api/v3/order",
            body: "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&price=20000&newClientOrderId=sn-bench")
        for _ in benchmark.scaledIterations {
            blackHole(try signer.sign(draft, timestampMs: 1_700_000_000_000))
        }
    }

    Benchmark("Parse decimal strings") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ExactDecimal("30000.12345678"))
            blackHole(try ExactDecimal("0.00001000"))
        }
    }

    Benchmark("BinanceClient.placeOrder without network") { benchmark in
        let client = try BinanceClient(venue: venue, credentials: credentials, transport: CannedTransport())
        _ = try await client.markets()
        let order = OrderRequest(
            symbol: UnifiedSymbol("BTC/USDT")!, side: .buy, type: .limit, quantity: try Quantity("0.001"),
            price: try Price("20000"))
        for _ in benchmark.scaledIterations {
            blackHole(try await client.placeOrder(order))
        }
    }
}

/// Answers every request from memory: exchangeInfo for market loading, an order for everything else.
struct CannedTransport: HTTPTransport {
    static let exchangeInfo = Array(#"""
        {"rateLimits":[],"symbols":[{"symbol":"BTCUSDT","status":"TRADING","baseAsset":"BTC","quoteAsset":"USDT","filters":[{"filterType":"PRICE_FILTER","minPrice":"0.01","maxPrice":"1000000","tickSize":"0.01"},{"filterType":"LOT_SIZE","minQty":"0.00001","maxQty":"9000","stepSize":"0.00001"},{"filterType":"NOTIONAL","minNotional":"5"}]}]}
        """#.utf8)
    static let order = Array(#"""
        {"symbol":"BTCUSDT","orderId":42,"clientOrderId":"sn-bench","transactTime":1700000000000,"price":"20000.00","origQty":"0.00100","executedQty":"0.00000","cummulativeQuoteQty":"0","status":"NEW","timeInForce":"GTC","type":"LIMIT","side":"BUY"}
        """#.utf8)

    func send(_ request: SignedRequest, timeoutMs: Int64) async throws(TransportFailure) -> HTTPResponse {
        HTTPResponse(status: 200, headers: [], body: request.url.contains("exchangeInfo") ? Self.exchangeInfo : Self.order)
    }

    func dropConnections() async {}
    func shutdown() async {}
}
