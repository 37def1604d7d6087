/// How an API key signs: a shared secret issued by the exchange, or a private key whose public half was
/// registered with the exchange.
public enum KeyType: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case hmac
    case ed25519
    case rsa

    public var description: String { rawValue }

    public var usesPrivateKey: Bool { self != .hmac }
}
