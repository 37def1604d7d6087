import Foundation
import SentinelCore
import SentinelNet
import Testing

@testable import SentinelExchanges

/// Where the vectors come from: "official" ones are printed in Binance's own API documentation
/// (github.com/binance/binance-spot-api-docs, "SIGNED endpoint examples"; the mixed query+body one from an older
/// revision of the same page) with Binance's published example key and secret. Binance's RSA and Ed25519 examples
/// cannot be reproduced (the private keys are not published), so those vectors were computed with an independent
/// implementation — ccxt 4.5.90's `binance.sign()` — and re-checked with Python's `cryptography`.
@Suite(.timeLimit(.minutes(5))) struct BinanceSignerTests {
    static let key = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"
    static let secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"

    func signer(_ exchange: ExchangeID = .binance, _ product: Product = .spot, keyType: KeyType = .hmac,
                secret: String = secret, recvWindow: Int? = 5000) throws -> BinanceSigner {
        try BinanceSigner(
            credentials: credentials(Self.key, secret, keyType: keyType), venue: venue(exchange, product),
            recvWindow: recvWindow)
    }

    /// Origin: Binance API documentation, HMAC example (all parameters in the query).
    @Test func officialVectorAllInQuery() throws {
        let query =
            "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
        let request = try signer().sign(
            RequestDraft(method: .POST, path: "/api/v3/order", query: QueryString(query)), timestampMs: 1)
        #expect(request.url == "https://api.binance.com/api/v3/order?\(query)&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71")
        #expect(request.header("X-MBX-APIKEY") == Self.key)
        #expect(request.body == nil)
    }

    /// Origin: Binance API documentation, HMAC example (all parameters in the body).
    @Test func officialVectorAllInBody() throws {
        let form =
            "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
        let request = try signer().sign(RequestDraft(method: .POST, path: "/api/v3/order", body: form), timestampMs: 1)
        #expect(request.body == form + "&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71")
        #expect(request.url == "https://api.binance.com/api/v3/order")
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
    }

    /// Origin: Binance API documentation, HMAC example with a non-ASCII symbol.
    @Test func officialVectorNonASCIISymbolIsPercentEncodedBeforeSigning() throws {
        let request = try signer().sign(
            RequestDraft(
                method: .POST, path: "/api/v3/order",
                query: QueryString(
                    "symbol=１２３４５６&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
                )), timestampMs: 1)
        #expect(request.url.contains("symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&"))
        #expect(parameter("signature", in: queryOf(request.url))
            == "e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3")
    }

    /// Origin: Binance API documentation (older revision), query and body mixed.
    @Test func officialVectorQueryAndBodyMixedWithoutSeparator() throws {
        let request = try signer().sign(
            RequestDraft(
                method: .POST, path: "/api/v3/order", query: QueryString("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC"),
                body: "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"), timestampMs: 1)
        #expect(parameter("signature", in: request.body ?? "")
            == "0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77")
        #expect(queryOf(request.url) == "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC")
    }

    @Test func timestampAndRecvWindowAreAppendedInCcxtOrder() throws {
        // Origin: computed with ccxt 4.5.90 (`binance.sign()`, Binance's example secret), which puts timestamp first;
        // here the caller does, and recvWindow is appended by the signer.
        let request = try signer().sign(
            RequestDraft(
                method: .POST, path: "/api/v3/order",
                body: "timestamp=1499827319559&symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&newClientOrderId=x"),
            timestampMs: 1)
        #expect(request.body?.hasSuffix(
            "&newClientOrderId=x&recvWindow=5000&signature=d0a12faad638d5710d264d5bd94bf6091ac2ed36d89bc9b14db8e50546bab484")
            == true)
    }

    @Test func addsTimestampThenRecvWindowThenSignatureToTheQuery() throws {
        let request = try signer().sign(
            RequestDraft(method: .GET, path: "/api/v3/account"), timestampMs: 1_700_000_000_123)
        let payload = "timestamp=1700000000123&recvWindow=5000"
        #expect(request.url == "https://api.binance.com/api/v3/account?\(payload)&signature=\(Reference.hmacHex(Self.secret, payload))")
    }

    /// Origin: computed with ccxt 4.5.90 and re-checked with Python `cryptography` (Binance's own Ed25519 example
    /// cannot be reproduced); the key is the RFC 8032-style seed 00 01 … 1f.
    @Test func ed25519VectorIsBase64ThenPercentEncoded() throws {
        let payload =
            "timestamp=1668481559918&symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1&price=0.2&newClientOrderId=t1&recvWindow=5000"
        let request = try signer(keyType: .ed25519, secret: TestKeys.ed25519PEM).sign(
            RequestDraft(method: .POST, path: "/api/v3/order", body: payload), timestampMs: 1)
        let sent = try #require(parameter("signature", in: request.body ?? ""))
        let base64 = QueryString.percentDecode(sent)
        #expect(TestKeys.ed25519Verifies(base64, payload))
        #expect(!sent.contains("/") && !sent.contains("+") && !sent.contains("="))
        #if os(Linux)
            // BoringSSL's Ed25519 is deterministic (RFC 8032); CryptoKit on Apple platforms randomizes.
            #expect(sent == "1F7xuoe1%2F6fIFXj8tdQkzTehA9YJWpdbp%2FglPH8B4zZChSlPnQm4hPB0jCce36NUFLw7wq6nDDyHMaYqraU7AQ%3D%3D")
        #endif
    }

    /// Origin: computed with ccxt 4.5.90 and re-checked with Python `cryptography`, same key.
    @Test func ed25519SecondVector() throws {
        let query = "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1&price=0.2&timestamp=1668481559918&recvWindow=5000"
        let request = try signer(keyType: .ed25519, secret: TestKeys.ed25519PEM).sign(
            RequestDraft(method: .POST, path: "/api/v3/order", query: QueryString(query)), timestampMs: 1)
        let sent = QueryString.percentDecode(try #require(parameter("signature", in: queryOf(request.url))))
        #expect(TestKeys.ed25519Verifies(sent, query))
        #if os(Linux)
            #expect(sent == "m5loLRxgkb9HyW0wkZ4KNrpck881bx5D0OrKNnPklvk4tlGjEJkhiP9DoyC0sc1lXA/TWugjVPrMb/bfNdmdBw==")
        #endif
    }

    @Test func rsaSignsPKCS1v15SHA256Base64PercentEncoded() throws {
        let request = try signer(keyType: .rsa, secret: TestKeys.rsa.pemRepresentation).sign(
            RequestDraft(method: .GET, path: "/api/v3/openOrders", query: QueryString("symbol=BTCUSDT")),
            timestampMs: 1_700_000_000_000)
        let query = queryOf(request.url)
        let signed = String(query[..<query.range(of: "&signature=")!.lowerBound])
        let signature = QueryString.percentDecode(try #require(parameter("signature", in: query)))
        #expect(signed == "symbol=BTCUSDT&timestamp=1700000000000&recvWindow=5000")
        #expect(TestKeys.rsaVerifies(signature, signed))
    }

    /// Origin: Binance WebSocket API documentation, signing examples (HMAC, and a non-ASCII symbol).
    @Test func webSocketAPIVectorsSortParametersAndSignRawUTF8() throws {
        let s = try signer()
        let hmac = try s.webSocketSignature(params: [
            ("symbol", "BTCUSDT"), ("side", "SELL"), ("type", "LIMIT"), ("timeInForce", "GTC"),
            ("quantity", "0.01000000"), ("price", "52000.00"), ("recvWindow", "100"),
            ("timestamp", "1645423376532"), ("apiKey", Self.key),
        ])
        #expect(hmac == "aa1b5712c094bc4e57c05a1a5c1fd8d88dcd628338ea863fec7b88e59fe2db24")
        let nonASCII = try s.webSocketSignature(params: [
            ("apiKey", Self.key), ("price", "0.10000000"), ("quantity", "1.00000000"), ("recvWindow", "5000"),
            ("side", "BUY"), ("symbol", "１２３４５６"), ("timeInForce", "GTC"), ("timestamp", "1645423376532"),
            ("type", "LIMIT"),
        ])
        #expect(nonASCII == "b33892ae8e687c939f4468c6268ddd4c40ac1af18ad19a064864c47bae0752cd")
    }

    @Test func hostsPerProductAndEnvironment() throws {
        let draft = RequestDraft(method: .GET, path: "/fapi/v3/balance")
        for (environment, host) in [
            (EnvironmentKind.live, "https://fapi.binance.com"), (.testnet, "https://testnet.binancefuture.com"),
            (.demo, "https://demo-fapi.binance.com"),
        ] {
            let s = try BinanceSigner(
                credentials: credentials(Self.key, Self.secret), venue: venue(.binance, .linear, environment))
            #expect(try s.sign(draft, timestampMs: 1).url.hasPrefix(host + "/fapi/v3/balance?"))
        }
        for (environment, host) in [
            (EnvironmentKind.live, "https://api.binance.com"), (.testnet, "https://testnet.binance.vision"),
            (.demo, "https://demo-api.binance.com"),
        ] {
            let s = try BinanceSigner(
                credentials: credentials(Self.key, Self.secret), venue: venue(.binance, .spot, environment))
            #expect(try s.sign(draft, timestampMs: 1).url.hasPrefix(host))
        }
        #expect(try signer(.binanceUS).sign(draft, timestampMs: 1).url.hasPrefix("https://api.binance.us/"))
        let simulator = try BinanceSigner(
            credentials: credentials(Self.key, Self.secret),
            venue: Venue(.binance, .spot, Environment(.live, customEndpoint: "http://127.0.0.1:8900/")))
        #expect(try simulator.sign(draft, timestampMs: 1).url.hasPrefix("http://127.0.0.1:8900/fapi/v3/balance?"))
    }

    @Test func refusesJSONBodiesAndASignatureAlreadyPresent() throws {
        #expect(throws: SentinelError.self) {
            try signer().sign(RequestDraft(method: .POST, path: "/api/v3/order", body: #"{"symbol":"BTCUSDT"}"#), timestampMs: 1)
        }
        #expect(throws: SentinelError.self) {
            try signer().sign(
                RequestDraft(method: .GET, path: "/api/v3/order", query: QueryString("symbol=X&signature=abc")), timestampMs: 1)
        }
        #expect(throws: SentinelError.self) { try signer(recvWindow: 60001) }
        #expect(throws: SentinelError.self) { try signer(recvWindow: 0) }
    }
}
