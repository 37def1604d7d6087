import SentinelCore

/// One key in the registry, as the exchange would hold it.
struct SimulatedAPIKey: Sendable {
    let apiKey: String
    let exchange: ExchangeID
    let environment: EnvironmentKind
    let material: KeyMaterial
    var permissions: Set<KeyPermission>
    /// Addresses allowed to use the key; empty means unrestricted.
    var ipWhitelist: [String]
    /// Milliseconds since the epoch after which the key's trading authority lapses; nil = never.
    var expiresAt: Int64?
    let createdAt: Int64
    let passphrase: String?
    let accountID: Int

    var keyType: KeyType { material.keyType }

    func allows(ip: String) -> Bool {
        ipWhitelist.isEmpty || ipWhitelist.contains(ip)
    }

    func isExpired(at now: Int64) -> Bool {
        expiresAt.map { now >= $0 } ?? false
    }
}
