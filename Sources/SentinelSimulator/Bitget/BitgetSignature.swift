import Crypto
import Foundation

/// Bitget request signatures (bitget.md §2): Base64(HMAC-SHA256(secret, ts + METHOD + path[?query] + body)), or
/// Base64(SHA256withRSA) of the same text for RSA keys — over the bytes received. The query is taken in the order it
/// arrived, as sent or percent-decoded (ccxt signs decoded values, Bitget's own TypeScript client encoded ones).
enum BitgetSignature {
    static func prehashes(timestamp: String, request: SimulatorRequest) -> [String] {
        let head = timestamp + request.method.uppercased() + request.path
        if request.rawQuery.isEmpty { return [head + request.body, head + "?" + request.body] }
        var texts = [head + "?" + request.rawQuery + request.body]
        let decoded = FormParameters.decode(Substring(request.rawQuery.replacingOccurrences(of: "+", with: "%2B")))
        if decoded != request.rawQuery { texts.append(head + "?" + decoded + request.body) }
        return texts
    }

    static func isValid(_ signature: String, material: KeyMaterial, timestamp: String, request: SimulatorRequest) -> Bool {
        let texts = prehashes(timestamp: timestamp, request: request)
        switch material {
        case .hmac(let secret):
            return texts.contains { secret.base64(of: $0) == signature }
        case .rsa:
            guard let raw = Data(base64Encoded: signature) else { return false }
            return texts.contains { material.verifiesAsymmetric(signature: raw, payload: Data($0.utf8)) }
        case .ed25519:
            return false
        }
    }
}
