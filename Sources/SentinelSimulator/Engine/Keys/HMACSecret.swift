import Crypto
import Foundation

/// A shared secret the simulator issued, with its HMAC-SHA256 already keyed: every signed request copies the keyed
/// MAC instead of deriving the pads from the secret again (that derivation and its `Data` copies were 4 % of the
/// simulator's CPU under load).
struct HMACSecret: Sendable {
    private let keyed: HMAC<SHA256>

    init(_ text: String) {
        keyed = HMAC<SHA256>(key: SymmetricKey(data: Data(text.utf8)))
    }

    func code(of payload: String) -> HMAC<SHA256>.MAC {
        var mac = keyed
        var payload = payload
        payload.withUTF8 { mac.update(data: $0) }
        return mac.finalize()
    }

    /// Lowercase hex (Binance, Bybit).
    func hex(of payload: String) -> String {
        let mac = code(of: payload)
        return String(unsafeUninitializedCapacity: SHA256.byteCount * 2) { buffer in
            var index = 0
            for byte in mac {
                buffer[index] = Self.hexDigits[Int(byte >> 4)]
                buffer[index + 1] = Self.hexDigits[Int(byte & 0x0F)]
                index += 2
            }
            return index
        }
    }

    /// Base64 (OKX, KuCoin, Bitget).
    func base64(of payload: String) -> String {
        Data(code(of: payload)).base64EncodedString()
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
