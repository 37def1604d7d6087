/// A request for a new API key: the body of the admin API's `POST /keys`.
public struct SimulatedKeyRequest: Sendable, Codable, Equatable {
    /// `binance`, `binance-us`, `bybit`, `okx`, `kucoin` or `bitget`.
    public var exchange: String
    /// Any of `read`, `trade`, `futures`, `withdraw`, `transfer`.
    public var permissions: [String]
    /// Addresses allowed to use the key; empty = unrestricted. A client on loopback is `127.0.0.1`.
    public var ipWhitelist: [String]
    /// Milliseconds since 1970 when the key's trading authority lapses; nil = never.
    public var expiresAt: Int64?
    /// `live`, `testnet` or `demo`.
    public var environment: String
    /// `hmac` (the simulator issues the secret), `ed25519` or `rsa` (give `publicKey`).
    public var keyType: String
    /// PEM public key for `ed25519` and `rsa` keys.
    public var publicKey: String?

    public init(
        exchange: String, permissions: [String] = ["read", "trade"], ipWhitelist: [String] = [],
        expiresAt: Int64? = nil, environment: String = "live", keyType: String = "hmac", publicKey: String? = nil
    ) {
        self.exchange = exchange
        self.permissions = permissions
        self.ipWhitelist = ipWhitelist
        self.expiresAt = expiresAt
        self.environment = environment
        self.keyType = keyType
        self.publicKey = publicKey
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case exchange, permissions, ipWhitelist, expiresAt, environment, keyType, publicKey
    }

    /// Every field but `exchange` may be left out and takes the default above.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            exchange: try container.decode(String.self, forKey: .exchange),
            permissions: try container.decodeIfPresent([String].self, forKey: .permissions) ?? ["read", "trade"],
            ipWhitelist: try container.decodeIfPresent([String].self, forKey: .ipWhitelist) ?? [],
            expiresAt: try container.decodeIfPresent(Int64.self, forKey: .expiresAt),
            environment: try container.decodeIfPresent(String.self, forKey: .environment) ?? "live",
            keyType: try container.decodeIfPresent(String.self, forKey: .keyType) ?? "hmac",
            publicKey: try container.decodeIfPresent(String.self, forKey: .publicKey))
    }
}
