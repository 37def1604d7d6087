import Foundation
import PropertyBased
import SentinelCore
import SentinelNet
import Testing

@testable import SentinelExchanges

/// Random requests on every exchange, checked by re-deriving the signature from the exchanges' rules with an
/// independent HMAC — the way an exchange verifies what it receives. The expected strings are built here from the
/// generated pairs (percent-encoding with Foundation, ISO time with a POSIX formatter), never with the library's own
/// `QueryString`, time formatting or `percentDecode`.
@Suite(.timeLimit(.minutes(5))) struct SignerPropertyTests {
    struct Pair: Sendable {
        let name: String
        let value: String
    }

    static func query(_ pairs: [Pair]) -> QueryString {
        QueryString(pairs: pairs.map { (name: $0.name, value: $0.value) })
    }

    static let names = Gen.letterOrNumber.string(of: 1...8)
    /// Values with the characters that trip signers: spaces, `&`, `=`, `%`, `+`, `/`, non-ASCII.
    static let values = Gen<Character?>.element(of: Array("abcXYZ019-_.~ &=%+/:,!@#$éü中€") as [Character])
        .map { $0! }.string(of: 0...12)
    /// Name/value pairs with distinct names (so that "sorted by name" has one answer).
    static let pairs = PropertyBased.zip(names, values).array(of: 0...5).map { (pairs: [(String, String)]) in
        var seen = Set<String>()
        return pairs.filter { seen.insert($0.0).inserted }.map { Pair(name: $0.0, value: $0.1) }
    }
    static let bodies = PropertyBased.zip(names, values).array(of: 0...4).map { (pairs: [(String, String)]) -> String in
        let object = Dictionary(pairs.map { ($0.0, $0.1) }, uniquingKeysWith: { (first: String, _: String) in first })
        let data = try! JSONSerialization.data(withJSONObject: ["params": object, "n": [1, 2]], options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
    static let timestamps = Gen.int(in: 1_500_000_000_000...4_000_000_000_000).map { Int64($0) }

    @Test func binanceSignatureCoversQueryThenBodyAsSent() async {
        let secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
        await propertyCheck(count: 200, input: Self.pairs, Self.pairs, Self.timestamps) { queryPairs, formPairs, ts in
            let signer = try BinanceSigner(credentials: credentials("binanceKey0123", secret), venue: venue(.binance))
            let form = Self.query(formPairs)
            let request = try signer.sign(
                RequestDraft(
                    method: .POST, path: "/api/v3/order", query: Self.query(queryPairs),
                    body: formPairs.isEmpty ? nil : form.encoded),
                timestampMs: ts)
            let sentQuery = queryOf(request.url)
            let carrier = request.body ?? sentQuery
            let signature = try #require(Reference.value(of: "signature", in: carrier))
            #expect(carrier.hasSuffix("&signature=" + signature))
            let strippedCarrier = String(carrier.dropLast("&signature=".count + signature.count))
            let signed = request.body == nil ? strippedCarrier : sentQuery + strippedCarrier
            #expect(signature == Reference.hmacHex(secret, signed))
            #expect(Reference.value(of: "timestamp", in: carrier) == String(ts))
            // What was sent carries exactly the pairs given, in order, then timestamp, recvWindow and signature.
            let sentPairs = Reference.decodedPairs(sentQuery) + (request.body.map(Reference.decodedPairs) ?? [])
            let given = (queryPairs + formPairs).map { [$0.name, $0.value] }
            #expect(sentPairs.map { [$0.0, $0.1] } == given + [["timestamp", String(ts)], ["recvWindow", "5000"], ["signature", signature]])
        }
    }

    @Test func bybitOKXKuCoinBitgetSignaturesMatchTheirRules() async {
        let secret = "secret-0123456789-abcdef"
        await propertyCheck(count: 200, input: Self.pairs, Self.bodies, Self.timestamps) { pairs, body, ts in
            let query = Self.query(pairs)
            let get = RequestDraft(method: .GET, path: "/api/x", query: query)
            let post = RequestDraft(method: .POST, path: "/api/y", body: body)
            let keys = credentials("key-0123456789", secret, passphrase: "Pass-phrase1")
            let plain = credentials("key-0123456789", secret)
            // Every name and value percent-encoded (RFC 3986 unreserved kept), in the order given.
            let encoded = Reference.form(pairs.map { ($0.name, $0.value) })
            // The same, unencoded: KuCoin and Bitget sign the query as a person reads it.
            let raw = pairs.map { "\($0.name)=\($0.value)" }.joined(separator: "&")

            let bybit = try BybitSigner(credentials: plain, venue: venue(.bybit))
            let bybitGet = try bybit.sign(get, timestampMs: ts)
            #expect(bybitGet.header("X-BAPI-SIGN") == Reference.hmacHex(secret, "\(ts)key-01234567895000" + encoded))
            #expect(queryOf(bybitGet.url) == encoded)
            #expect(try bybit.sign(post, timestampMs: ts).header("X-BAPI-SIGN")
                == Reference.hmacHex(secret, "\(ts)key-01234567895000" + body))

            let okx = try OKXSigner(credentials: keys, venue: venue(.okx))
            let okxGet = try okx.sign(get, timestampMs: ts)
            let iso = Reference.isoMilliseconds(ts)
            #expect(okxGet.header("OK-ACCESS-TIMESTAMP") == iso)
            let path = pairs.isEmpty ? "/api/x" : "/api/x?" + encoded
            #expect(okxGet.header("OK-ACCESS-SIGN") == Reference.hmacBase64(secret, iso + "GET" + path))
            #expect(okxGet.url.hasSuffix(path))
            #expect(try okx.sign(post, timestampMs: ts).header("OK-ACCESS-SIGN")
                == Reference.hmacBase64(secret, iso + "POST/api/y" + body))

            let kucoin = try KuCoinSigner(credentials: keys, venue: venue(.kucoin))
            let rawPath = pairs.isEmpty ? "/api/x" : "/api/x?" + raw
            #expect(try kucoin.sign(get, timestampMs: ts).header("KC-API-SIGN")
                == Reference.hmacBase64(secret, "\(ts)GET" + rawPath))
            #expect(try kucoin.sign(post, timestampMs: ts).header("KC-API-PASSPHRASE")
                == Reference.hmacBase64(secret, "Pass-phrase1"))

            let bitget = try BitgetSigner(credentials: keys, venue: venue(.bitget, .linear, .demo))
            let bitgetGet = try bitget.sign(get, timestampMs: ts)
            // Bitget wants the parameters sorted by name (byte order), signed unencoded, sent encoded.
            let sorted = pairs.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
            let sortedRaw = sorted.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
            #expect(bitgetGet.header("ACCESS-SIGN")
                == Reference.hmacBase64(secret, "\(ts)GET/api/x" + (pairs.isEmpty ? "" : "?" + sortedRaw)))
            #expect(queryOf(bitgetGet.url) == Reference.form(sorted.map { ($0.name, $0.value) }))
        }
    }

    /// Signatures travel as Base64 (OKX, KuCoin, Bitget, Ed25519 and RSA keys): every length's padding, against
    /// Foundation's encoder.
    @Test func base64OfAnyBytesIsFoundationsBase64() async {
        await propertyCheck(count: 400, input: Gen.uint8().array(of: 0...70)) { bytes in
            #expect(SignatureText.base64(bytes) == Data(bytes).base64EncodedString())
        }
    }

    @Test func ed25519AndRSASignaturesVerifyWithThePublicKey() async {
        await propertyCheck(count: 30, input: Self.pairs, Self.timestamps) { pairs, ts in
            let query = Self.query(pairs)
            let ed = try BinanceSigner(
                credentials: credentials("edkey0123456789", TestKeys.ed25519PEM, keyType: .ed25519), venue: venue(.binance))
            let request = try ed.sign(RequestDraft(method: .GET, path: "/api/v3/account", query: query), timestampMs: ts)
            let sent = queryOf(request.url)
            let signature = try #require(Reference.value(of: "signature", in: sent))
            let signed = String(sent.dropLast("&signature=".count + signature.count))
            #expect(TestKeys.ed25519Verifies(try #require(signature.removingPercentEncoding), signed))

            let rsa = try BybitSigner(
                credentials: credentials("rsakey0123456789", TestKeys.rsa.pemRepresentation, keyType: .rsa),
                venue: venue(.bybit))
            let rsaRequest = try rsa.sign(RequestDraft(method: .GET, path: "/v5/x", query: query), timestampMs: ts)
            #expect(TestKeys.rsaVerifies(
                try #require(rsaRequest.header("X-BAPI-SIGN")),
                "\(ts)rsakey01234567895000" + Reference.form(pairs.map { ($0.name, $0.value) })))
        }
    }
}
