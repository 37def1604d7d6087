import SentinelCore
import SentinelNet

/// Known-answer tests: signing vectors run through the real signers. Each vector says where it comes from: printed by
/// the exchange itself (Binance's and KuCoin's API documentation), or computed with an independent implementation
/// (ccxt 4.5.90) and re-checked with plain Python — Bybit, OKX and Bitget publish no vector that can be reproduced.
/// `sentinel demo` runs them at start-up, as crypto libraries do, so a build that signs wrongly says so before it is
/// used.
public enum SigningSelfTest {
    /// Where a vector comes from.
    public enum Origin: String, Sendable {
        /// Printed in the exchange's own documentation or official SDK tests.
        case exchange
        /// Computed with another implementation (ccxt 4.5.90) and re-checked with plain Python: a cross-check.
        case crossChecked = "cross-checked"
    }

    public struct Result: Sendable {
        public let exchange: ExchangeID
        public let name: String
        public let origin: Origin
        public let passed: Bool
    }

    struct Vector {
        let exchange: ExchangeID
        let name: String
        let product: Product
        let environment: EnvironmentKind
        let apiKey: String
        let secret: String
        let passphrase: String?
        let method: HTTPMethod
        let path: String
        let query: String
        let body: String?
        let timestampMs: Int64
        /// Where the signature is found: a header name, or `signature` for Binance's query/body parameter.
        let location: String
        let expected: String
        var origin: Origin = .crossChecked
    }

    public static func run() -> [Result] {
        vectors.map { vector in
            Result(
                exchange: vector.exchange, name: vector.name, origin: vector.origin,
                passed: (try? actual(vector)) == vector.expected)
        }
    }

    static func actual(_ v: Vector) throws(SentinelError) -> String? {
        let credentials = Credentials(
            apiKey: v.apiKey, secret: SecretText(v.secret), passphrase: v.passphrase.map(SecretText.init))
        let venue = try Venue(v.exchange, v.product, Environment(v.environment))
        let draft = RequestDraft(method: v.method, path: v.path, query: QueryString(v.query), body: v.body)
        let signer = try ExchangeRegistry.signer(for: venue, credentials: credentials)
        let request = try signer.sign(draft, timestampMs: v.timestampMs)
        if v.location != "signature" { return request.header(v.location) }
        let carrier = request.body ?? String(request.url.split(separator: "?", maxSplits: 1).last ?? "")
        return QueryString(carrier).encodedPairs.first { $0.name == "signature" }?.value
    }

    static let binanceKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"
    static let binanceSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"

    /// Binance's three are from its API documentation ("SIGNED endpoint examples"; the mixed one from an older revision),
    /// KuCoin's first from its documentation's signing example; the others were computed with ccxt 4.5.90.
    static let vectors: [Vector] = [
        Vector(
            exchange: .binance, name: "HMAC, parameters in the query", product: .spot, environment: .live,
            apiKey: binanceKey, secret: binanceSecret, passphrase: nil, method: .POST, path: "/api/v3/order",
            query:
                "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559",
            body: nil, timestampMs: 1_499_827_319_559, location: "signature",
            expected: "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71", origin: .exchange),
        Vector(
            exchange: .binance, name: "HMAC, query and body mixed", product: .spot, environment: .live,
            apiKey: binanceKey, secret: binanceSecret, passphrase: nil, method: .POST, path: "/api/v3/order",
            query: "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC",
            body: "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559", timestampMs: 1_499_827_319_559,
            location: "signature", expected: "0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77",
            origin: .exchange),
        Vector(
            exchange: .binanceUS, name: "HMAC, non-ASCII symbol percent-encoded", product: .spot,
            environment: .live, apiKey: binanceKey, secret: binanceSecret, passphrase: nil, method: .POST,
            path: "/api/v3/order",
            query:
                "symbol=１２３４５６&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559",
            body: nil, timestampMs: 1_499_827_319_559, location: "signature",
            expected: "e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3", origin: .exchange),
        Vector(
            exchange: .bybit, name: "HMAC, GET query", product: .linear, environment: .live,
            apiKey: "TESTAPIKEY0123456789", secret: "TESTSECRET0123456789abcdefABCDEF", passphrase: nil,
            method: .GET, path: "/v5/order/realtime", query: "category=linear&symbol=BTCUSDT", body: nil,
            timestampMs: 1_700_000_000_000, location: "X-BAPI-SIGN",
            expected: "076313cfe14e299bf5d1fbd1a0876c8cde81f65e0356559b3691844041c14960"),
        Vector(
            exchange: .bybit, name: "HMAC, POST JSON body", product: .linear, environment: .live,
            apiKey: "TESTAPIKEY0123456789", secret: "TESTSECRET0123456789abcdefABCDEF", passphrase: nil,
            method: .POST, path: "/v5/order/create", query: "",
            body:
                #"{"category":"linear","symbol":"BTCUSDT","side":"Buy","orderType":"Limit","qty":"0.001","price":"30000","timeInForce":"GTC","orderLinkId":"test-001"}"#,
            timestampMs: 1_700_000_000_000, location: "X-BAPI-SIGN",
            expected: "2e11edb214ad0aee56dddcba824c551731cdf62178ece17393184b30b76660e4"),
        Vector(
            exchange: .okx, name: "GET with query", product: .spot, environment: .live, apiKey: "test-okx-key",
            secret: "22582BD0CFF14C41EDBF1AB98506286D", passphrase: "Passphrase1!", method: .GET,
            path: "/api/v5/account/balance", query: "ccy=BTC", body: nil, timestampMs: 1_607_418_537_715,
            location: "OK-ACCESS-SIGN", expected: "HiZhvSfMtWJA3uUIVXV3a/bSXNPCWvYFXoGCVS8V4zY="),
        Vector(
            exchange: .okx, name: "POST order (demo)", product: .spot, environment: .demo, apiKey: "test-okx-key",
            secret: "22582BD0CFF14C41EDBF1AB98506286D", passphrase: "Passphrase1!", method: .POST,
            path: "/api/v5/trade/order", query: "",
            body: #"{"instId":"BTC-USDT","tdMode":"cash","clOrdId":"b15","side":"buy","ordType":"limit","px":"2.15","sz":"2"}"#,
            timestampMs: 1_607_418_537_715, location: "OK-ACCESS-SIGN",
            expected: "dI6rrL9rXW/HdaPKJ/6LC1OgvH4/PYju6R3CqixMTNQ="),
        Vector(
            exchange: .kucoin, name: "official doc example", product: .spot, environment: .live,
            apiKey: "5c2db93503aa674c74a31734", secret: "f03a5284-5c39-4aaa-9b20-dea10bdcf8e3",
            passphrase: "Ab12345678)(*&^%$#@", method: .POST, path: "/api/v1/deposit-addresses", query: "",
            body: #"{"currency":"BTC"}"#, timestampMs: 1_547_015_186_532, location: "KC-API-SIGN",
            expected: "7QP/oM0ykidMdrfNEUmng8eZjg/ZvPafjIqmxiVfYu4=", origin: .exchange),
        Vector(
            exchange: .kucoin, name: "passphrase HMAC (key v2/v3)", product: .spot, environment: .live,
            apiKey: "5c2db93503aa674c74a31734", secret: "f03a5284-5c39-4aaa-9b20-dea10bdcf8e3",
            passphrase: "Ab12345678)(*&^%$#@", method: .POST, path: "/api/v1/deposit-addresses", query: "",
            body: #"{"currency":"BTC"}"#, timestampMs: 1_547_015_186_532, location: "KC-API-PASSPHRASE",
            expected: "F2p2bNS1bBehHvC/Z4YkB7l1Wd0Pq2iV/oLHM/DyE+I="),
        Vector(
            exchange: .kucoin, name: "futures host GET", product: .linear, environment: .live,
            apiKey: "5c2db93503aa674c74a31734", secret: "f03a5284-5c39-4aaa-9b20-dea10bdcf8e3",
            passphrase: "Ab12345678)(*&^%$#@", method: .GET, path: "/api/v1/account-overview",
            query: "currency=USDT", body: nil, timestampMs: 1_547_015_186_532, location: "KC-API-SIGN",
            expected: "IHgXOVYaOvzN2HbttuL1J+kEf22fDRz5oeuuKBgK2Y8="),
        Vector(
            exchange: .bitget, name: "GET futures account", product: .linear, environment: .live,
            apiKey: "bg_test_key", secret: "bitget-test-secret-0123456789abcdef", passphrase: "Passphrase1",
            method: .GET, path: "/api/v2/mix/account/account",
            query: "symbol=BTCUSDT&productType=USDT-FUTURES&marginCoin=USDT", body: nil,
            timestampMs: 1_684_814_440_729, location: "ACCESS-SIGN",
            expected: "2pPLy9zVBfA4Xhh4RI8RKr80ruLrp/jbpqJvHvnusKs="),
        Vector(
            exchange: .bitget, name: "POST spot order", product: .spot, environment: .live,
            apiKey: "bg_test_key", secret: "bitget-test-secret-0123456789abcdef", passphrase: "Passphrase1",
            method: .POST, path: "/api/v2/spot/trade/place-order", query: "",
            body:
                #"{"symbol":"BTCUSDT","side":"buy","orderType":"limit","force":"gtc","price":"30000","size":"0.001","clientOid":"myid-0001"}"#,
            timestampMs: 1_684_814_440_729, location: "ACCESS-SIGN",
            expected: "fwBPKpiNGOk2pj0Ci9dQ3Ii/3I/KMXYA/fp9s8DE9bE="),
    ]
}
