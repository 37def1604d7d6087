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
        case .hmac:
            return try withSignature(for: message) { Array($0) }
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

    /// Calls `body` with the signature's bytes of `message`, so that a signer can encode an HMAC straight from the
    /// MAC (no array in between). The bytes are valid only inside `body`.
    public func withSignature<Result>(
        for message: some DataProtocol, _ body: (UnsafeRawBufferPointer) -> Result
    ) throws(SentinelError) -> Result {
        guard case .hmac(let keyed) = material else { return try signature(for: message).withUnsafeBytes(body) }
        var mac = keyed
        mac.update(data: message)
        return mac.finalize().withUnsafeBytes(body)
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
        try withSignature(forConcatenationOf: parts) { Array($0) }
    }

    /// Calls `body` with the signature's bytes of the parts' concatenation, so that a signer can encode an HMAC
    /// straight from the MAC (no array in between). The bytes are valid only inside `body`.
    public func withSignature<Result>(
        forConcatenationOf parts: [String], _ body: (UnsafeRawBufferPointer) -> Result
    ) throws(SentinelError) -> Result {
        guard case .hmac(let keyed) = material else {
            return try signature(for: parts.joined()).withUnsafeBytes(body)
        }
        let total = parts.reduce(0) { $0 + $1.utf8.count }
        return Self.mac(keyed, byteCount: total, parts: { each in for part in parts { each(part) } }, body)
    }

    /// The same for the four pieces of the prehash of OKX, KuCoin, Bitget and Bybit, without an array to hold them
    /// (one allocation per request fewer).
    public func withSignature<Result>(
        forConcatenationOf parts: (String, String, String, String), _ body: (UnsafeRawBufferPointer) -> Result
    ) throws(SentinelError) -> Result {
        guard case .hmac(let keyed) = material else {
            return try signature(for: parts.0 + parts.1 + parts.2 + parts.3).withUnsafeBytes(body)
        }
        let total = parts.0.utf8.count + parts.1.utf8.count + parts.2.utf8.count + parts.3.utf8.count
        return Self.mac(
            keyed, byteCount: total,
            parts: { each in
                each(parts.0)
                each(parts.1)
                each(parts.2)
                each(parts.3)
            }, body)
    }

    /// The MAC of the `byteCount` bytes that `parts` hands over piece by piece.
    private static func mac<Result>(
        _ keyed: HMAC<SHA256>, byteCount: Int, parts: ((String) -> Void) -> Void,
        _ body: (UnsafeRawBufferPointer) -> Result
    ) -> Result {
        var mac = keyed
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: byteCount) { buffer in
            var filled = 0
            parts { part in
                var part = part
                part.withUTF8 { bytes in
                    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
                    (buffer.baseAddress! + filled).initialize(from: source, count: bytes.count)
                    filled += bytes.count
                }
            }
            mac.update(data: UnsafeBufferPointer(rebasing: buffer[0..<filled]))
        }
        return mac.finalize().withUnsafeBytes(body)
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
        bytes.withUnsafeBytes { hex($0) }
    }

    static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        hexDigits.withUTF8Buffer { digits in
            String(unsafeUninitializedCapacity: bytes.count * 2) { out in
                for (index, byte) in bytes.enumerated() {
                    out[2 * index] = digits[Int(byte >> 4)]
                    out[2 * index + 1] = digits[Int(byte & 0x0F)]
                }
                return bytes.count * 2
            }
        }
    }

    /// Appends the lowercase hex of `bytes` to `out`, without a `String` in between.
    static func appendHex(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        hexDigits.withUTF8Buffer { digits in
            for byte in bytes {
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0x0F)])
            }
        }
    }

    /// Digits looked up, not chosen by a comparison: random nibbles mispredict that branch half the time.
    private static let hexDigits: StaticString = "0123456789abcdef"

    static func base64(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { base64($0) }
    }

    static func base64(_ bytes: UnsafeRawBufferPointer) -> String {
        let groups = (bytes.count + 2) / 3
        // The digits looked up in the alphabet: choosing each by its range was a branch that random bytes mispredict
        // (five per cent of an OKX order).
        return base64Alphabet.withUTF8Buffer { alphabet in
            String(unsafeUninitializedCapacity: groups * 4) { out in
                var written = 0
                var index = 0
                while index < bytes.count {
                    let remaining = bytes.count - index
                    let first = UInt32(bytes[index]) << 16
                    let second = remaining > 1 ? UInt32(bytes[index + 1]) << 8 : 0
                    let third = remaining > 2 ? UInt32(bytes[index + 2]) : 0
                    let group = first | second | third
                    out[written] = alphabet[Int(group >> 18 & 0x3F)]
                    out[written + 1] = alphabet[Int(group >> 12 & 0x3F)]
                    out[written + 2] = remaining > 1 ? alphabet[Int(group >> 6 & 0x3F)] : UInt8(ascii: "=")
                    out[written + 3] = remaining > 2 ? alphabet[Int(group & 0x3F)] : UInt8(ascii: "=")
                    written += 4
                    index += 3
                }
                return written
            }
        }
    }

    /// The standard alphabet (RFC 4648 §4).
    private static let base64Alphabet: StaticString = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
}
