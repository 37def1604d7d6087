/// A key issued by the simulator. `secret` is empty for Ed25519 and RSA keys (the private key stays with you);
/// `passphrase` is set only for exchanges that have one (OKX, KuCoin, Bitget).
public struct SimulatedKey: Sendable, Codable, Equatable {
    public var apiKey: String
    public var secret: String
    public var passphrase: String?

    public init(apiKey: String, secret: String, passphrase: String? = nil) {
        self.apiKey = apiKey
        self.secret = secret
        self.passphrase = passphrase
    }
}
