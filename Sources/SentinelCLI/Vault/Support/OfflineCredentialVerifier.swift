import SentinelCore
import SentinelExchanges
import SentinelVault

/// What `vault rotate` can check until the exchange clients are connected to the vault: the key's format, its type
/// and that it signs. It cannot tell whether the exchange accepts the key, and says so (`checksWithExchange`).
struct OfflineCredentialVerifier: CredentialVerifier {
    var checksWithExchange: Bool { false }

    func verify(_ entry: VaultEntry) async throws(SentinelError) {
        try CredentialCheck.validate(
            apiKey: entry.apiKey, secret: entry.secret, passphrase: entry.passphrase, for: entry.exchange)
        _ = try entry.venues
        _ = try SigningKey(entry.credentials).signature(for: "sentinel offline key check")
    }
}
