import Crypto
import CryptoExtras
import SentinelCore

/// A key pair made on this machine for an exchange that accepts self-generated keys (Binance's Ed25519 keys):
/// the private key goes into the vault, the public key is pasted on the exchange's API page.
public struct GeneratedKeyPair: Sendable {
    /// The PKCS#8 PEM private key, as `SigningKey` reads it. Never printed.
    public let privateKey: SecretText
    /// The SubjectPublicKeyInfo PEM public key, safe to show.
    public let publicKeyPEM: String
    public let keyType: KeyType

    /// A new Ed25519 key pair from the system's secure random source.
    public static func ed25519() -> GeneratedKeyPair {
        let key = Curve25519.Signing.PrivateKey()
        return GeneratedKeyPair(
            privateKey: SecretText(key.pemRepresentation + "\n"), publicKeyPEM: key.publicKey.pemRepresentation,
            keyType: .ed25519)
    }
}
