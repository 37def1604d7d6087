import Crypto
import CryptoExtras
import Foundation
import SentinelCore
import SentinelNet

@testable import SentinelExchanges

/// Independent re-implementations of the primitives, straight from the exchanges' documented signing rules, to check
/// the signers against.
enum Reference {
    static func hmacHex(_ secret: String, _ message: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: SymmetricKey(data: Data(secret.utf8)))
            .map { String(format: "%02x", $0) }.joined()
    }

    static func hmacBase64(_ secret: String, _ message: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: SymmetricKey(data: Data(secret.utf8))))
            .base64EncodedString()
    }
}

extension Reference {
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// `name=value&…` with every byte outside RFC 3986's unreserved set percent-encoded (Foundation's encoder).
    static func form(_ pairs: [(String, String)]) -> String {
        pairs.map { name, value in
            (name.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "") + "="
                + (value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "")
        }.joined(separator: "&")
    }

    /// The pairs of an encoded query or form body, decoded with Foundation.
    static func decodedPairs(_ text: String) -> [(String, String)] {
        guard !text.isEmpty else { return [] }
        return text.split(separator: "&", omittingEmptySubsequences: false).map { part in
            let halves = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(halves[0]).removingPercentEncoding ?? String(halves[0])
            let value = halves.count > 1 ? (String(halves[1]).removingPercentEncoding ?? String(halves[1])) : ""
            return (name, value)
        }
    }

    /// The still-encoded value of the first `name=` in a query or form body.
    static func value(of name: String, in text: String) -> String? {
        text.split(separator: "&").first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) }
    }

    /// `2023-11-14T22:13:20.123Z`: ISO 8601 in UTC with milliseconds, as OKX wants it.
    static func isoMilliseconds(_ milliseconds: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'.'"
        let seconds = milliseconds / 1000
        let fraction = milliseconds % 1000
        let text = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return text + String(format: "%03d", fraction) + "Z"
    }
}

func credentials(
    _ apiKey: String, _ secret: String, passphrase: String? = nil, keyType: KeyType = .hmac
) -> Credentials {
    Credentials(apiKey: apiKey, secret: SecretText(secret), passphrase: passphrase.map(SecretText.init), keyType: keyType)
}

func venue(_ exchange: ExchangeID, _ product: Product = .spot, _ environment: EnvironmentKind = .live) throws -> Venue {
    try Venue(exchange, product, Environment(environment))
}

/// The value of a parameter in a form or query string, still encoded.
func parameter(_ name: String, in text: String) -> String? {
    QueryString(text).encodedPairs.first { $0.name == name }?.value
}

func queryOf(_ url: String) -> String {
    url.split(separator: "?", maxSplits: 1).count == 2 ? String(url.split(separator: "?", maxSplits: 1)[1]) : ""
}

enum TestKeys {
    /// Ed25519 key with seed 00 01 … 1f: the key of the Ed25519 vectors computed with ccxt 4.5.90 (Binance's own
    /// Ed25519 example cannot be reproduced).
    static let ed25519PEM = """
        -----BEGIN PRIVATE KEY-----
        MC4CAQAwBQYDK2VwBCIEIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f
        -----END PRIVATE KEY-----

        """
    static let ed25519PublicPEM = """
        -----BEGIN PUBLIC KEY-----
        MCowBQYDK2VwAyEAA6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=
        -----END PUBLIC KEY-----
        """

    /// One RSA-2048 key per test run (generation takes a moment).
    static let rsa: _RSA.Signing.PrivateKey = try! _RSA.Signing.PrivateKey(keySize: .bits2048)

    static func rsaVerifies(_ base64: String, _ message: String) -> Bool {
        guard let raw = Data(base64Encoded: base64) else { return false }
        return rsa.publicKey.isValidSignature(
            _RSA.Signing.RSASignature(rawRepresentation: raw), for: Data(message.utf8), padding: .insecurePKCS1v1_5)
    }

    static func ed25519Verifies(_ base64: String, _ message: String) -> Bool {
        guard let raw = Data(base64Encoded: base64),
            let key = try? Curve25519.Signing.PublicKey(pemRepresentation: ed25519PublicPEM)
        else { return false }
        return key.isValidSignature(raw, for: Data(message.utf8))
    }
}
