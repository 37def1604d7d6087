import Crypto
import CryptoExtras
import Foundation
import SentinelCore

/// The key material that produces signatures: an HMAC secret, or an Ed25519 or RSA private key read from PEM.
///
/// The type comes from the caller or from the PEM itself (its header, and for PKCS#8 the algorithm inside) —
/// never from a guess about the secret's length.
public struct SigningKey: Sendable {
    enum Material: Sendable {
        /// The MAC already keyed: each signature copies it instead of deriving the pads from the secret again.
        case hmac(HMAC<SHA256>)
        case ed25519(Curve25519.Signing.PrivateKey)
        case rsa(_RSA.Signing.PrivateKey)
    }

    let material: Material

    public var keyType: KeyType {
        switch material {
        case .hmac: .hmac
        case .ed25519: .ed25519
        case .rsa: .rsa
        }
    }

    /// Loads the key for `credentials`, checking that the secret is what `credentials.keyType` says.
    public init(_ credentials: Credentials) throws(SentinelError) {
        try self.init(secret: credentials.secret, declared: credentials.keyType)
    }

    /// Loads a key from `secret`. With `declared == nil` the type is read from the secret: a PEM private key is
    /// Ed25519 or RSA by its contents, anything else is an HMAC secret.
    public init(secret: SecretText, declared: KeyType?) throws(SentinelError) {
        let detected = try PEMKeyReader.read(secret)
        switch (detected, declared) {
        case (nil, nil), (nil, .hmac?):
            material = secret.withRevealedBytes { .hmac(HMAC<SHA256>(key: SymmetricKey(data: $0))) }
        case (nil, let declared?):
            throw .invalidInput(
                "The key is declared as \(declared) but the secret is not a PEM private key.",
                fix: [
                    "For an \(declared) key, the secret is the private key file you generated, starting with "
                        + "-----BEGIN PRIVATE KEY-----.",
                    "If the exchange gave you a secret string, the key type is hmac.",
                ])
        case (let key?, nil):
            material = key
        case (let key?, let declared?):
            let found = SigningKey(material: key).keyType
            guard found == declared else {
                throw .invalidInput(
                    "The key is declared as \(declared) but the PEM holds an \(found) private key.",
                    fix: ["Set the key type to \(found), or use the \(declared) private key for this API key."])
            }
            material = key
        }
    }

    init(material: Material) {
        self.material = material
    }

    /// HMAC-SHA256 for HMAC keys; Ed25519 or RSASSA-PKCS1-v1_5 with SHA-256 for private keys.
    public func signature(for message: some DataProtocol) throws(SentinelError) -> [UInt8] {
        switch material {
        case .hmac(let keyed):
            var mac = keyed
            mac.update(data: message)
            return mac.finalize().withUnsafeBytes { Array($0) }
        case .ed25519(let key):
            do { return Array(try key.signature(for: Data(message))) } catch {
                throw SentinelError(.invalidInput, Diagnosis(cause: "The Ed25519 key could not sign."))
            }
        case .rsa(let key):
            do {
                return Array(try key.signature(for: message, padding: .insecurePKCS1v1_5).rawRepresentation)
            } catch {
                throw SentinelError(.invalidInput, Diagnosis(cause: "The RSA key could not sign."))
            }
        }
    }

    public func signature(for message: String) throws(SentinelError) -> [UInt8] {
        guard case .hmac(let keyed) = material else { return try signature(for: Array(message.utf8)) }
        var mac = keyed
        var message = message
        message.withUTF8 { mac.update(data: $0) }
        // Copied through its bytes: `Array(mac)` walks the MAC with a generic iterator.
        return mac.finalize().withUnsafeBytes { Array($0) }
    }

    /// The signature of the parts' concatenation. For an HMAC the parts are copied into one temporary buffer (on the
    /// stack when small) instead of joined into a `String` (the prehash of OKX, KuCoin, Bitget and Bybit is four
    /// pieces, and each `+` allocated), and the MAC takes that buffer in one update: each update is a generic call
    /// into swift-crypto that looks up type metadata, which cost more than copying. Ed25519 and RSA sign the joined
    /// bytes.
    public func signature(forConcatenationOf parts: [String]) throws(SentinelError) -> [UInt8] {
        guard case .hmac(let keyed) = material else { return try signature(for: parts.joined()) }
        var mac = keyed
        let total = parts.reduce(0) { $0 + $1.utf8.count }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: total) { buffer in
            var filled = 0
            for var part in parts {
                part.withUTF8 { bytes in
                    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
                    (buffer.baseAddress! + filled).initialize(from: source, count: bytes.count)
                    filled += bytes.count
                }
            }
            mac.update(data: UnsafeBufferPointer(rebasing: buffer[0..<filled]))
        }
        return mac.finalize().withUnsafeBytes { Array($0) }
    }

    /// HMAC-SHA256 of `message` with this key's secret. Only for HMAC keys (KuCoin's passphrase encoding).
    func hmac(_ message: String) -> [UInt8]? {
        guard case .hmac = material else { return nil }
        return try? signature(for: message)
    }
}

/// Lowercase hex and standard Base64 (with padding) of signature bytes.
enum SignatureText {
    static func hex(_ bytes: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { out in
            for (index, byte) in bytes.enumerated() {
                out[2 * index] = hexDigit(byte >> 4)
                out[2 * index + 1] = hexDigit(byte & 0x0F)
            }
            return bytes.count * 2
        }
    }

    /// Appends the lowercase hex of `bytes` to `out`, without a `String` in between.
    static func appendHex(_ bytes: [UInt8], to out: inout [UInt8]) {
        for byte in bytes {
            out.append(hexDigit(byte >> 4))
            out.append(hexDigit(byte & 0x0F))
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// Written in place: Foundation's encoder first copied the bytes into a `Data`, and cost a twentieth of an OKX
    /// order.
    static func base64(_ bytes: [UInt8]) -> String {
        let groups = (bytes.count + 2) / 3
        return String(unsafeUninitializedCapacity: groups * 4) { out in
            var written = 0
            var index = 0
            while index < bytes.count {
                let remaining = bytes.count - index
                let first = UInt32(bytes[index]) << 16
                let second = remaining > 1 ? UInt32(bytes[index + 1]) << 8 : 0
                let third = remaining > 2 ? UInt32(bytes[index + 2]) : 0
                let group = first | second | third
                out[written] = base64Digit(group >> 18)
                out[written + 1] = base64Digit(group >> 12)
                out[written + 2] = remaining > 1 ? base64Digit(group >> 6) : UInt8(ascii: "=")
                out[written + 3] = remaining > 2 ? base64Digit(group) : UInt8(ascii: "=")
                written += 4
                index += 3
            }
            return written
        }
    }

    /// The standard alphabet (RFC 4648 §4) digit of the low six bits of `value`.
    private static func base64Digit(_ value: UInt32) -> UInt8 {
        let six = UInt8(truncatingIfNeeded: value & 0x3F)
        switch six {
        case 0..<26: return UInt8(ascii: "A") + six
        case 26..<52: return UInt8(ascii: "a") + six - 26
        case 52..<62: return UInt8(ascii: "0") + six - 52
        case 62: return UInt8(ascii: "+")
        default: return UInt8(ascii: "/")
        }
    }
}
