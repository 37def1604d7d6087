import Crypto
import Foundation

/// KuCoin request signatures (kucoin.md §2): Base64(HMAC-SHA256(secret, timestamp + METHOD + path[?query] + body)),
/// the query percent-decoded in the order received, the body as the bytes received (spaces and all).
enum KuCoinSignature {
    /// What a request may have been signed over: the decoded query (what KuCoin signs), the query as received
    /// (identical for clients that send it un-encoded), and for an empty query also a bare trailing `?`.
    static func prehashes(timestamp: String, request: SimulatorRequest) -> [String] {
        let head = timestamp + request.method.uppercased() + request.path
        if request.rawQuery.isEmpty { return [head + request.body, head + "?" + request.body] }
        let decoded = percentDecoded(request.rawQuery)
        var candidates = [head + "?" + decoded + request.body]
        if decoded != request.rawQuery { candidates.append(head + "?" + request.rawQuery + request.body) }
        return candidates
    }

    static func isValid(_ signature: String, secret: HMACSecret, timestamp: String, request: SimulatorRequest) -> Bool {
        prehashes(timestamp: timestamp, request: request).contains { secret.base64(of: $0) == signature }
    }

    /// The passphrase header for key versions 2 and 3 is the passphrase HMAC'd with the secret; version 1 (or no
    /// version header) sends it in plain text.
    static func passphraseMatches(_ sent: String, passphrase: String, secret: HMACSecret, version: String?) -> Bool {
        switch version?.trimmingCharacters(in: .whitespaces) {
        case "2", "3": secret.base64(of: passphrase) == sent
        case nil, "", "1": passphrase == sent
        default: false
        }
    }

    /// Percent-decoding only (`+` stays a plus: KuCoin signs what the client meant, un-encoded).
    static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        let utf8 = Array(text.utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
                let high = hex(utf8[index + 1]), let low = hex(utf8[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
