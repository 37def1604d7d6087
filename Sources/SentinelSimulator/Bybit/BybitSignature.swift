import Foundation
import SentinelCore

/// Bybit V5 request signatures (fact sheet §2): `timestamp + apiKey + recvWindow + payload`, where the payload is
/// the raw query after `?` for GET and the raw body for POST, byte for byte as received (pybit's spaced JSON and
/// ccxt's compact JSON sign differently). HMAC-SHA256 as lowercase hex; RSA PKCS#1 v1.5 SHA-256 as base64.
enum BybitSignature {
    static func originString(timestamp: String, apiKey: String, recvWindow: String, payload: String) -> String {
        timestamp + apiKey + recvWindow + payload
    }

    static func payload(method: String, query: String, body: String) -> String {
        method == "GET" ? query : body
    }

    static func isValid(signature: String, originString: String, material: KeyMaterial) -> Bool {
        switch material {
        case .hmac(let secret):
            return secret.hex(of: originString) == signature
        case .ed25519, .rsa:
            guard let bytes = Data(base64Encoded: signature) else { return false }
            return material.verifiesAsymmetric(signature: bytes, payload: Data(originString.utf8))
        }
    }
}
