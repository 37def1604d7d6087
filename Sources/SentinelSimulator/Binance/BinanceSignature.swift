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
        // One pass over the bytes, keeping every `&`-separated component (empty ones too) but `signature=…`.
        let bytes = Array(raw.utf8)
        let marker = Array("signature=".utf8)
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var start = 0
        var first = true
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "&") { end += 1 }
            let isSignature = end - start >= marker.count && bytes[start..<(start + marker.count)].elementsEqual(marker)
            if !isSignature {
                if !first { kept.append(UInt8(ascii: "&")) }
                kept.append(contentsOf: bytes[start..<end])
                first = false
            }
            start = end + 1
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// Whether `signature` (already percent-decoded) signs `payload` with `material`.
    static func isValid(signature: String, payload: String, material: KeyMaterial) -> Bool {
        switch material {
        case .hmac(let secret):
            return secret.hex(of: payload) == signature.lowercased()
        case .ed25519, .rsa:
            // A base64 `+` sent without percent-encoding arrives as a space after form decoding.
            let base64 = signature.replacingOccurrences(of: " ", with: "+")
            guard let bytes = Data(base64Encoded: base64) else { return false }
            return material.verifiesAsymmetric(signature: bytes, payload: Data(payload.utf8))
        }
    }
}
