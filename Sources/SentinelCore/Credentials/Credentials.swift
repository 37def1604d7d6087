/// An exchange API key with its secret (or private key) and passphrase.
///
/// Nothing here ever prints the secret or the passphrase: `description`, `debugDescription`, `Mirror` and every
/// error show the key's fingerprint (`vmPU…Eh8A`) and the secrets' lengths only.
public struct Credentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The public key id sent in a header. Not secret, but shown masked so that logs do not collect it.
    public let apiKey: String
    /// The HMAC secret, or the PEM private key for Ed25519 and RSA keys.
    public let secret: SecretText
    /// OKX, KuCoin and Bitget keys carry a passphrase chosen when the key was created.
    public let passphrase: SecretText?
    public let keyType: KeyType

    public init(apiKey: String, secret: SecretText, passphrase: SecretText? = nil, keyType: KeyType = .hmac) {
        self.apiKey = apiKey
        self.secret = secret
        self.passphrase = passphrase
        self.keyType = keyType
    }

    /// A short, safe identifier for the key: the first and last four characters of the API key.
    public var fingerprint: String { Self.mask(apiKey) }

    public var description: String {
        var parts = ["key \(fingerprint)", keyType.rawValue, "secret \(secret)"]
        if let passphrase { parts.append("passphrase \(passphrase)") }
        return "Credentials(" + parts.joined(separator: ", ") + ")"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "fingerprint": fingerprint, "keyType": keyType, "secret": secret,
                "passphrase": passphrase as Any,
            ], displayStyle: .struct)
    }

    /// `abcd…wxyz` for identifiers long enough to keep most of them hidden; `…` alone for short ones.
    public static func mask(_ identifier: String) -> String {
        guard identifier.count >= 12 else { return "…(\(identifier.count) chars)" }
        return "\(identifier.prefix(4))…\(identifier.suffix(4))"
    }
}
