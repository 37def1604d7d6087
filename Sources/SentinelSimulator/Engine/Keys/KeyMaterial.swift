import Crypto
import CryptoExtras
import Foundation
import SentinelCore

/// What the simulator holds to check a signature: the shared secret it issued, or the public half of a key pair the
/// user registered. Which bytes are signed, and how the signature is encoded, is each dialect's business.
enum KeyMaterial: Sendable {
    case hmac(HMACSecret)
    case ed25519(Curve25519.Signing.PublicKey)
    case rsa(_RSA.Signing.PublicKey)

    static func hmacSecret(_ text: String) -> KeyMaterial { .hmac(HMACSecret(text)) }

    var keyType: KeyType {
        switch self {
        case .hmac: .hmac
        case .ed25519: .ed25519
        case .rsa: .rsa
        }
    }

    /// Whether `signature` (raw bytes) is a valid Ed25519 or RSA PKCS#1 v1.5 SHA-256 signature of `payload`.
    func verifiesAsymmetric(signature: Data, payload: Data) -> Bool {
        switch self {
        case .hmac:
            return false
        case .ed25519(let key):
            return key.isValidSignature(signature, for: payload)
        case .rsa(let key):
            let rsaSignature = _RSA.Signing.RSASignature(rawRepresentation: signature)
            return key.isValidSignature(rsaSignature, for: payload, padding: .insecurePKCS1v1_5)
        }
    }
}

extension KeyMaterial {
    enum PublicKeyError: Error, Equatable {
        case notPEM
        case wrongKind(String)
    }

    /// Parses a PEM public key (SubjectPublicKeyInfo) of the declared type.
    static func publicKey(pem: String, type: KeyType) throws(PublicKeyError) -> KeyMaterial {
        switch type {
        case .hmac:
            throw .wrongKind("an HMAC key has no public key")
        case .ed25519:
            guard let der = derBody(ofPEM: pem, label: "PUBLIC KEY") else { throw .notPEM }
            // SPKI for Ed25519 is a fixed 12-byte header (RFC 8410) followed by the 32-byte key.
            let header: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]
            guard der.count == 44, Array(der.prefix(12)) == header,
                let key = try? Curve25519.Signing.PublicKey(rawRepresentation: der.suffix(32))
            else { throw .wrongKind("not an Ed25519 public key (expected a 44-byte SubjectPublicKeyInfo)") }
            return .ed25519(key)
        case .rsa:
            guard derBody(ofPEM: pem, label: "PUBLIC KEY") != nil || derBody(ofPEM: pem, label: "RSA PUBLIC KEY") != nil
            else { throw .notPEM }
            guard let key = try? _RSA.Signing.PublicKey(pemRepresentation: pem) else {
                throw .wrongKind("not an RSA public key")
            }
            guard key.keySizeInBits >= 2048, key.keySizeInBits <= 4096 else {
                throw .wrongKind("RSA keys must have 2048 to 4096 bits, this one has \(key.keySizeInBits)")
            }
            return .rsa(key)
        }
    }

    static func derBody(ofPEM pem: String, label: String) -> Data? {
        let begin = "-----BEGIN \(label)-----"
        let end = "-----END \(label)-----"
        guard let start = pem.range(of: begin), let stop = pem.range(of: end), start.upperBound <= stop.lowerBound
        else { return nil }
        let body = pem[start.upperBound..<stop.lowerBound].filter { !$0.isWhitespace }
        return Data(base64Encoded: String(body))
    }
}
