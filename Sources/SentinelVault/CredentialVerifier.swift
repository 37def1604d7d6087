import Foundation
import SentinelCore

/// Checks that a key authenticates, typically by a signed read-only request to the exchange. `vault rotate` uses
/// it to test a new key before the old one is replaced.
public protocol CredentialVerifier: Sendable {
    /// Throws, with what the exchange said, when the entry's key does not work.
    func verify(_ entry: VaultEntry) async throws(SentinelError)

    /// Whether `verify` asked the exchange (true) or could only check the key offline (false). Only a check with
    /// the exchange sets the entry's `lastVerifiedAt`.
    var checksWithExchange: Bool { get }
}

extension CredentialVerifier {
    public var checksWithExchange: Bool { true }
}

extension UnlockedVault {
    /// Replaces the key stored as `name` with `credentials` once `verifier` accepts the new key, and saves. Until
    /// then the old key stays in the vault, and if the check fails nothing changes. The entry keeps its name,
    /// exchange, products, environment and label.
    @discardableResult
    public mutating func rotate(
        named name: String, to credentials: Credentials, verifier: some CredentialVerifier, now: Date = Date()
    ) async throws(SentinelError) -> VaultEntry {
        let old = try requireEntry(named: name)
        if old.apiKey == credentials.apiKey, old.secret == credentials.secret {
            throw VaultError.make(
                .invalidInput, .invalidEntry, "The new key is the key already stored as \"\(name)\".",
                fix: [
                    "Create a new key on \(old.exchange.displayName) first, then run `sentinel vault rotate \(name)` "
                        + "with it.",
                    "Delete the old key on the exchange once the new one works.",
                ])
        }
        var new = old
        new.credentials = credentials
        new.createdAt = VaultEntry.toMilliseconds(now)
        new.expiresAt = nil
        new.lastVerifiedAt = nil
        try await verifier.verify(new)
        if verifier.checksWithExchange { new.lastVerifiedAt = VaultEntry.toMilliseconds(now) }
        try replace(new)
        do {
            try save()
        } catch {
            try? replace(old)
            throw error
        }
        return new
    }
}
