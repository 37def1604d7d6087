import Foundation
import PropertyBased
import SentinelCore
import SentinelNet
import Testing

@testable import SentinelExchanges

/// Random requests on every exchange, checked by re-deriving the signature from the fact sheets' rules with an
/// independent HMAC — the way an exchange verifies what it receives.
@Suite struct SignerPropertyTests {
    static let names = Gen.letterOrNumber.string(of: 1...8)
    /// Values with the characters that trip signers: spaces, `&`, `=`, `%`, `+`, `/`, non-ASCII.
    static let values = Gen<Character?>.element(of: Array("abcXYZ019-_.~ &=%+/:,!@#$éü中€") as [Character])
        .map { $0! }.string(of: 0...12)
    static let queries = PropertyBased.zip(names, values).array(of: 0...5).map { (pairs: [(String, String)]) in
        QueryString(pairs: pairs.map { (name: $0.0, value: $0.1) })
    }
    static let bodies = PropertyBased.zip(names, values).array(of: 0...4).map { (pairs: [(String, String)]) -> String in
        let object = Dictionary(pairs.map { ($0.0, $0.1) }, uniquingKeysWith: { (first: String, _: String) in first })
        let data = try! JSONSerialization.data(withJSONObject: ["params": object, "n": [1, 2]], options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
    static let timestamps = Gen.int(in: 1_500_000_000_000...4_000_000_000_000).map { Int64($0) }

    @Test func binanceSignatureCoversQueryThenBodyAsSent() async {
        let secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
        await propertyCheck(count: 200, input: Self.queries, Self.queries, Self.timestamps) { query, form, ts in
            let signer = try BinanceSigner(credentials: credentials("binanceKey0123", secret), venue: venue(.binance))
            let request = try signer.sign(
                RequestDraft(method: .POST, path: "/api/v3/order", query: query, body: form.isEmpty ? nil : form.encoded),
                timestampMs: ts)
            let sentQuery = queryOf(request.url)
            let carrier = request.body ?? sentQuery
            let signature = try #require(parameter("signature", in: carrier))
            #expect(carrier.hasSuffix("&signature=" + signature))
            let strippedCarrier = String(carrier.dropLast("&signature=".count + signature.count))
            let signed = request.body == nil ? strippedCarrier : sentQuery + strippedCarrier
            #expect(signature == Reference.hmacHex(secret, signed))
            #expect(parameter("timestamp", in: carrier) == String(ts))
        }
    }

    @Test func bybitOKXKuCoinBitgetSignaturesMatchTheirRules() async {
        let secret = "secret-0123456789-abcdef"
        await propertyCheck(count: 200, input: Self.queries, Self.bodies, Self.timestamps) { query, body, ts in
            let get = RequestDraft(method: .GET, path: "/api/x", query: query)
            let post = RequestDraft(method: .POST, path: "/api/y", body: body)
            let keys = credentials("key-0123456789", secret, passphrase: "Pass-phrase1")
            let plain = credentials("key-0123456789", secret)

            let bybit = try BybitSigner(credentials: plain, venue: venue(.bybit))
            #expect(try bybit.sign(get, timestampMs: ts).header("X-BAPI-SIGN")
                == Reference.hmacHex(secret, "\(ts)key-01234567895000" + query.encoded))
            #expect(try bybit.sign(post, timestampMs: ts).header("X-BAPI-SIGN")
                == Reference.hmacHex(secret, "\(ts)key-01234567895000" + body))

            let okx = try OKXSigner(credentials: keys, venue: venue(.okx))
            let okxGet = try okx.sign(get, timestampMs: ts)
            let iso = try #require(okxGet.header("OK-ACCESS-TIMESTAMP"))
            let path = query.isEmpty ? "/api/x" : "/api/x?" + query.encoded
            #expect(okxGet.header("OK-ACCESS-SIGN") == Reference.hmacBase64(secret, iso + "GET" + path))
            #expect(okxGet.url.hasSuffix(path))
            #expect(try okx.sign(post, timestampMs: ts).header("OK-ACCESS-SIGN")
                == Reference.hmacBase64(secret, iso + "POST/api/y" + body))

            let kucoin = try KuCoinSigner(credentials: keys, venue: venue(.kucoin))
            let rawPath = query.isEmpty ? "/api/x" : "/api/x?" + QueryString.percentDecode(query.encoded)
            #expect(try kucoin.sign(get, timestampMs: ts).header("KC-API-SIGN")
                == Reference.hmacBase64(secret, "\(ts)GET" + rawPath))
            #expect(try kucoin.sign(post, timestampMs: ts).header("KC-API-PASSPHRASE")
                == Reference.hmacBase64(secret, "Pass-phrase1"))

            let bitget = try BitgetSigner(credentials: keys, venue: venue(.bitget, .linear, .demo))
            let bitgetGet = try bitget.sign(get, timestampMs: ts)
            let sentQuery = queryOf(bitgetGet.url)
            let sortedRaw = QueryString.percentDecode(sentQuery)
            #expect(bitgetGet.header("ACCESS-SIGN")
                == Reference.hmacBase64(secret, "\(ts)GET/api/x" + (sentQuery.isEmpty ? "" : "?" + sortedRaw)))
            let sentNames = QueryString(sentQuery).names
            #expect(sentNames == sentNames.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        }
    }

    @Test func ed25519AndRSASignaturesVerifyWithThePublicKey() async {
        await propertyCheck(count: 30, input: Self.queries, Self.timestamps) { query, ts in
            let ed = try BinanceSigner(
                credentials: credentials("edkey0123456789", TestKeys.ed25519PEM, keyType: .ed25519), venue: venue(.binance))
            let request = try ed.sign(RequestDraft(method: .GET, path: "/api/v3/account", query: query), timestampMs: ts)
            let sent = queryOf(request.url)
            let signature = try #require(parameter("signature", in: sent))
            let signed = String(sent.dropLast("&signature=".count + signature.count))
            #expect(TestKeys.ed25519Verifies(QueryString.percentDecode(signature), signed))

            let rsa = try BybitSigner(
                credentials: credentials("rsakey0123456789", TestKeys.rsa.pemRepresentation, keyType: .rsa),
                venue: venue(.bybit))
            let rsaRequest = try rsa.sign(RequestDraft(method: .GET, path: "/v5/x", query: query), timestampMs: ts)
            #expect(TestKeys.rsaVerifies(
                try #require(rsaRequest.header("X-BAPI-SIGN")), "\(ts)rsakey01234567895000" + query.encoded))
        }
    }
}
