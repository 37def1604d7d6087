import Foundation
import SentinelCore

/// Binance request signatures (fact sheet §2): the signed payload is the query string followed by the body, exactly
/// as received, with the `signature` parameter taken out. HMAC signatures are hex (compared case-insensitively);
/// Ed25519 and RSA signatures are base64, percent-encoded on the wire.
enum BinanceSignature {
    /// `query + body` as sent, without any `signature=` component.
    static func payload(query: String, body: String) -> String {
        stripSignature(query) + stripSignature(body)
    }

    static func stripSignature(_ raw: String) -> String {
        guard raw.contains("signature=") else { return raw }
        return raw.split(separator: "&", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("signature=") }
            .joined(separator: "&")
    }

    /// Whether `signature` (already percent-decoded) signs `payload` with `material`.
    static func isValid(signature: String, payload: String, material: KeyMaterial) -> Bool {
        switch material {
        case .hmacSecret(let secret):
            let expected = KeyMaterial.hmacSHA256Hex(secret: secret, payload: Array(payload.utf8))
            return expected == signature.lowercased()
        case .ed25519, .rsa:
            // A base64 `+` sent without percent-encoding arrives as a space after form decoding.
            let base64 = signature.replacingOccurrences(of: " ", with: "+")
            guard let bytes = Data(base64Encoded: base64) else { return false }
            return material.verifiesAsymmetric(signature: bytes, payload: Data(payload.utf8))
        }
    }
}
