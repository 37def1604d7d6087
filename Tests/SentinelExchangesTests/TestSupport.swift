import Crypto
import CryptoExtras
import Foundation
import SentinelCore
import SentinelNet

@testable import SentinelExchanges

/// Independent re-implementations of the primitives, straight from the fact sheets, to check the signers against.
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
    /// Ed25519 key with seed 00 01 … 1f (binance.md vector 7).
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
