import Foundation
import SentinelCore
import Testing
@testable import SentinelSimulator

@Suite struct KeySpecificationTests {
    func specification(
        exchange: String = "binance", permissions: [String] = ["read"], ip: [String] = [], environment: String = "live",
        keyType: String = "hmac", publicKey: String? = nil
    ) throws(KeySpecification.Invalid) -> KeySpecification {
        try KeySpecification(
            exchange: exchange, permissions: permissions, ipWhitelist: ip, expiresAt: nil, environment: environment,
            keyType: keyType, publicKey: publicKey)
    }

    @Test func refusesBadInputWithAReason() {
        #expect(throws: KeySpecification.Invalid.self) { try specification(exchange: "ftx") }
        #expect(throws: KeySpecification.Invalid.self) { try specification(permissions: ["admin"]) }
        #expect(throws: KeySpecification.Invalid.self) { try specification(ip: ["300.1.1.1"]) }
        #expect(throws: KeySpecification.Invalid.self) { try specification(exchange: "kucoin", environment: "demo") }
        #expect(throws: KeySpecification.Invalid.self) { try specification(exchange: "okx", keyType: "ed25519") }
        #expect(throws: KeySpecification.Invalid.self) { try specification(keyType: "ed25519") }
        #expect(throws: KeySpecification.Invalid.self) { try specification(publicKey: "x") }
        #expect(throws: KeySpecification.Invalid.self) { try specification(keyType: "rsa", publicKey: "not a pem") }
    }

    @Test func acceptsTheVector7Ed25519Key() throws {
        let key = try specification(keyType: "ed25519", publicKey: BinanceTestSigner.ed25519PublicKeyPEM)
        #expect(key.publicKey?.keyType == .ed25519)
    }

    @Test func passphraseOnlyWhereTheExchangeHasOne() {
        var state = EngineState(seed: 3, origin: 0)
        let okx = state.createKey(try! specification(exchange: "okx"), now: 0)
        let binance = state.createKey(try! specification(), now: 0)
        #expect(okx.passphrase?.count == 16)
        #expect(binance.passphrase == nil)
        #expect(binance.apiKey.count == 64 && binance.secret.count == 64)
    }
}

/// Signing vectors checked by the simulator's own verifier. The HMAC ones are printed in Binance's API documentation
/// ("SIGNED endpoint examples", with Binance's example secret); the Ed25519 one was computed with ccxt 4.5.90 and
/// re-checked with Python `cryptography`, since Binance's own Ed25519 example cannot be reproduced.
@Suite struct BinanceSignatureTests {
    static let secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"

    /// Origin: Binance API documentation, HMAC example (all in the query).
    @Test func officialHMACAllInQuery() {
        let query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
        let payload = BinanceSignature.payload(
            query: query + "&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71", body: "")
        #expect(payload == query)
        #expect(
            BinanceSignature.isValid(
                signature: "C8DB56825AE71D6D79447849E617115F4A920FA2ACDCAB2B053C4B2838BD6B71", payload: payload,
                material: .hmacSecret(Self.secret)))
    }

    /// Origin: Binance API documentation (older revision), query and body mixed.
    @Test func officialHMACQueryAndBodyWithoutSeparator() {
        let payload = BinanceSignature.payload(
            query: "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC",
            body: "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559&signature=x")
        #expect(payload.contains("GTCquantity=1"))
        #expect(
            BinanceSignature.isValid(
                signature: "0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77", payload: payload,
                material: .hmacSecret(Self.secret)))
    }

    /// Origin: Binance API documentation, non-ASCII symbol.
    @Test func officialHMACNonASCIISymbolAsSent() {
        let payload =
            "symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
        #expect(
            BinanceSignature.isValid(
                signature: "e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3", payload: payload,
                material: .hmacSecret(Self.secret)))
    }

    /// Origin: computed with ccxt 4.5.90, re-checked with Python `cryptography`.
    @Test func ccxtEd25519() throws {
        let material = try KeyMaterial.publicKey(pem: BinanceTestSigner.ed25519PublicKeyPEM, type: .ed25519)
        let payload = "timestamp=1668481559918&symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1&price=0.2&newClientOrderId=t1&recvWindow=5000"
        let encoded = "1F7xuoe1%2F6fIFXj8tdQkzTehA9YJWpdbp%2FglPH8B4zZChSlPnQm4hPB0jCce36NUFLw7wq6nDDyHMaYqraU7AQ%3D%3D"
        let parameters = BinanceParameters(query: payload + "&signature=" + encoded, body: "")
        #expect(BinanceSignature.isValid(signature: try #require(parameters["signature"]), payload: payload, material: material))
        #expect(!BinanceSignature.isValid(signature: "AAAA", payload: payload, material: material))
    }

    @Test func formParametersDecodeAndQueryWins() {
        let parameters = BinanceParameters(query: "a=1&b=x%2By", body: "a=2&c=hello+world")
        #expect(parameters["a"] == "1")
        #expect(parameters["b"] == "x+y")
        #expect(parameters["c"] == "hello world")
        #expect(parameters["d"] == nil)
    }

    @Test func timestampRule() {
        let authenticator = BinanceAuthenticator(flavor: .spot, environment: .live)
        func check(_ query: String) -> BinanceError? {
            do {
                try authenticator.checkTimestamp(BinanceParameters(query: query, body: ""), now: 100_000)
                return nil
            } catch { return error }
        }
        #expect(check("timestamp=100999") == nil)
        #expect(check("timestamp=101000") == .timestampAhead)
        #expect(check("timestamp=95000") == nil)
        #expect(check("timestamp=94999") == .timestampOutsideWindow)
        #expect(check("timestamp=94999&recvWindow=5000.999") == .timestampOutsideWindow)
        #expect(check("timestamp=94999&recvWindow=5001") == nil)
        #expect(check("timestamp=40000&recvWindow=60000") == nil)
        #expect(check("timestamp=40000&recvWindow=60001") == .recvWindowTooLarge)
        #expect(check("recvWindow=1") == .mandatory("timestamp"))
    }
}
