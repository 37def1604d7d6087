import Crypto
import CryptoExtras
import Foundation

/// Signs Binance requests from Binance's documented rules, independently of the client library: the payload is the
/// query string followed by the body exactly as sent; HMAC-SHA256 as lowercase hex, Ed25519 and RSA
/// (PKCS#1 v1.5, SHA-256) as base64, percent-encoded.
enum BinanceTestSigner: Sendable {
    case hmac(secret: String)
    case ed25519(Curve25519.Signing.PrivateKey)
    case rsa(_RSA.Signing.PrivateKey)

    /// The signature as it goes on the wire.
    func signature(for payload: String) -> String {
        switch self {
        case .hmac(let secret):
            let mac = HMAC<SHA256>.authenticationCode(for: Data(payload.utf8), using: SymmetricKey(data: Data(secret.utf8)))
            return mac.map { String(format: "%02x", $0) }.joined()
        case .ed25519(let key):
            let signature = try! key.signature(for: Data(payload.utf8))
            return FormEncoding.encode(Data(signature).base64EncodedString())
        case .rsa(let key):
            let signature = try! key.signature(for: Data(payload.utf8), padding: .insecurePKCS1v1_5)
            return FormEncoding.encode(signature.rawRepresentation.base64EncodedString())
        }
    }

    /// The Ed25519 key of the vector computed with ccxt 4.5.90 (Binance publishes no reproducible Ed25519 example):
    /// private seed bytes 00 01 02 … 1f.
    static let ed25519PrivateKey = try! Curve25519.Signing.PrivateKey(rawRepresentation: Data((0..<32).map { UInt8($0) }))
    static let ed25519PublicKeyPEM = """
        -----BEGIN PUBLIC KEY-----
        MCowBQYDK2VwAyEAA6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=
        -----END PUBLIC KEY-----
        """
}

enum FormEncoding {
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    static func form(_ parameters: [(String, String)]) -> String {
        parameters.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }
}
