import SentinelCore
import SentinelNet
import Testing

@testable import SentinelExchanges

@Suite(.timeLimit(.minutes(5))) struct KuCoinSignerTests {
    let secret = "f03a5284-5c39-4aaa-9b20-dea10bdcf8e3"
    var keys: Credentials { credentials("5c2db93503aa674c74a31734", secret, passphrase: "Ab12345678)(*&^%$#@") }

    func sign(_ product: Product, _ method: HTTPMethod, _ path: String, query: String = "", body: String? = nil)
        throws -> SignedRequest
    {
        try KuCoinSigner(credentials: keys, venue: venue(.kucoin, product)).sign(
            RequestDraft(method: method, path: path, query: QueryString(query), body: body), timestampMs: 1_547_015_186_532)
    }

    /// Origin: KuCoin API documentation's signing example (KC-API-SIGN); the v2/v3 passphrase header for it was
    /// computed (the docs print a v1-era value) and agrees with ccxt 4.5.90.
    @Test func officialDocVectorAndPassphraseEncoding() throws {
        let request = try sign(.spot, .POST, "/api/v1/deposit-addresses", body: #"{"currency":"BTC"}"#)
        #expect(request.header("KC-API-SIGN") == "7QP/oM0ykidMdrfNEUmng8eZjg/ZvPafjIqmxiVfYu4=")
        #expect(request.header("KC-API-PASSPHRASE") == "F2p2bNS1bBehHvC/Z4YkB7l1Wd0Pq2iV/oLHM/DyE+I=")
        #expect(request.header("KC-API-TIMESTAMP") == "1547015186532")
        #expect(request.header("KC-API-KEY-VERSION") == "3")
        #expect(request.url == "https://api.kucoin.com/api/v1/deposit-addresses")
    }

    /// Origin: computed with ccxt 4.5.90 (`kucoin.sign()`, the docs' example key) and re-verified in Python.
    @Test func ccxtVectorsOnSpotAndFuturesHosts() throws {
        #expect(try sign(.spot, .GET, "/api/v1/accounts", query: "currency=USDT&type=trade").header("KC-API-SIGN")
            == "duMBFwC5/nL0aZbI59FQR4DC9FSq0Jg7As0ZzSnwTVE=")
        #expect(try sign(
            .spot, .POST, "/api/v1/hf/orders",
            body: #"{"clientOid":"5c52e11203aa677f33e493fb","side":"buy","symbol":"BTC-USDT","type":"limit","price":"50000","size":"0.00001"}"#
        ).header("KC-API-SIGN") == "ZakGgvxRgfr+ekaKnylazGqXJx7Ns3F13h8il6qJwzs=")
        let futures = try sign(
            .linear, .POST, "/api/v1/orders",
            body: #"{"clientOid":"5c52e11203aa677f33e493fb","side":"buy","symbol":"XBTUSDTM","leverage":3,"type":"limit","price":"0.1","size":1}"#)
        #expect(futures.header("KC-API-SIGN") == "x6ljkXLAutz1NgVxsOFF7ap0093me5gO8FvlixFRGa0=")
        #expect(futures.url == "https://api-futures.kucoin.com/api/v1/orders")
        #expect(try sign(.inverse, .GET, "/api/v1/account-overview", query: "currency=USDT").header("KC-API-SIGN")
            == "IHgXOVYaOvzN2HbttuL1J+kEf22fDRz5oeuuKBgK2Y8=")
    }

    @Test func signsDecodedQueryValuesButSendsThemEncoded() throws {
        let request = try sign(.spot, .GET, "/api/v1/x", query: "passphrase=abc%21%40%2311")
        #expect(request.url == "https://api.kucoin.com/api/v1/x?passphrase=abc%21%40%2311")
        #expect(request.header("KC-API-SIGN")
            == Reference.hmacBase64(secret, "1547015186532GET/api/v1/x?passphrase=abc!@#11"))
    }

    /// Origin: KuCoin's official Python SDK unit test (`internal/infra/test_default_signer.py`).
    @Test func officialSDKPrimitiveVector() throws {
        let key = try SigningKey(secret: SecretText("test_api_secret"), declared: .hmac)
        #expect(SignatureText.base64(try key.signature(for: "test_plain")) == "jie/gxS38wLFFaBwl/cAzFbAzlI8MIny96jSXrB+iP4=")
    }
}

/// Where the vectors come from: Bitget's documentation gives inputs only, with an empty secret, so these were
/// computed with ccxt 4.5.90's `bitget.sign()` and re-verified with Python's `hmac`: cross-checks against another
/// implementation, not Bitget's own vectors.
@Suite(.timeLimit(.minutes(5))) struct BitgetSignerTests {
    let secret = "bitget-test-secret-0123456789abcdef"
    var keys: Credentials { credentials("bg_test_key", secret, passphrase: "Passphrase1") }

    @Test func getVectorSortsTheQuery() throws {
        let signer = try BitgetSigner(credentials: keys, venue: venue(.bitget, .linear))
        let request = try signer.sign(
            RequestDraft(
                method: .GET, path: "/api/v2/mix/account/account",
                query: QueryString("symbol=BTCUSDT&productType=USDT-FUTURES&marginCoin=USDT")),
            timestampMs: 1_684_814_440_729)
        #expect(request.url == "https://api.bitget.com/api/v2/mix/account/account?marginCoin=USDT&productType=USDT-FUTURES&symbol=BTCUSDT")
        #expect(request.header("ACCESS-SIGN") == "2pPLy9zVBfA4Xhh4RI8RKr80ruLrp/jbpqJvHvnusKs=")
        #expect(request.header("ACCESS-PASSPHRASE") == "Passphrase1")
        #expect(request.header("ACCESS-TIMESTAMP") == "1684814440729")
    }

    @Test func postVectorsLiveAndDemo() throws {
        let spotBody = #"{"symbol":"BTCUSDT","side":"buy","orderType":"limit","force":"gtc","price":"30000","size":"0.001","clientOid":"myid-0001"}"#
        let live = try BitgetSigner(credentials: keys, venue: venue(.bitget)).sign(
            RequestDraft(method: .POST, path: "/api/v2/spot/trade/place-order", body: spotBody), timestampMs: 1_684_814_440_729)
        #expect(live.header("ACCESS-SIGN") == "fwBPKpiNGOk2pj0Ci9dQ3Ii/3I/KMXYA/fp9s8DE9bE=")
        #expect(live.header("paptrading") == nil)

        let demoBody = #"{"symbol":"BTCUSDT","productType":"USDT-FUTURES","marginMode":"crossed","marginCoin":"USDT","size":"0.01","side":"buy","tradeSide":"open","orderType":"market","clientOid":"myid-0002"}"#
        let demo = try BitgetSigner(credentials: keys, venue: venue(.bitget, .linear, .demo)).sign(
            RequestDraft(method: .POST, path: "/api/v2/mix/order/place-order", body: demoBody), timestampMs: 1_684_814_440_729)
        #expect(demo.header("ACCESS-SIGN") == "m7nY3bPOcL3PlmTTz287YXBLw+fvjRSw5u4QHTp8T9w=")
        #expect(demo.header("paptrading") == "1")
    }

    @Test func webSocketLoginVector() throws {
        let login = try BitgetSigner(credentials: keys, venue: venue(.bitget)).webSocketLogin(timestampSeconds: 1_538_054_050)
        #expect(login["sign"] == "20vVIn4cO5cjojjuAf2Tbuwwvhb3ikO0vCNZ017hnqg=")
    }

    @Test func rsaKeysSignTheSamePrehash() throws {
        let signer = try BitgetSigner(
            credentials: credentials("bg_rsa_key", TestKeys.rsa.pemRepresentation, passphrase: "Passphrase1", keyType: .rsa),
            venue: venue(.bitget))
        let request = try signer.sign(
            RequestDraft(method: .GET, path: "/api/v2/spot/account/assets", query: QueryString("coin=USDT")), timestampMs: 7)
        #expect(TestKeys.rsaVerifies(try #require(request.header("ACCESS-SIGN")), "7GET/api/v2/spot/account/assets?coin=USDT"))
    }
}
