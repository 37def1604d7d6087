import Foundation
import SentinelCore
import SentinelExchanges
import SentinelNet
import SentinelVault

extension VaultEntry {
    /// A ready client for this stored key: `let client = try vault.requireEntry(named: "bot-1").client()`.
    /// `product` defaults to the first product the key is stored for.
    public func client(
        product: Product? = nil, configuration: ClientConfiguration = ClientConfiguration()
    ) throws(SentinelError) -> any ExchangeClient {
        let venue = try venue(for: product ?? products.first ?? .spot)
        return try ExchangeRegistry.client(for: venue, credentials: credentials, configuration: configuration)
    }
}

/// Checks a key by asking the exchange: a signed read on every product the key is stored for, and the key's
/// permissions where the exchange reports them — a key that can withdraw is refused unless `refusesWithdraw` is
/// false (the user's explicit, named override).
public struct ExchangeCredentialVerifier: CredentialVerifier {
    public let refusesWithdraw: Bool
    /// A stored plain-`http://` endpoint on another machine is used only when the user allowed it for this command.
    public let allowsInsecureHTTP: Bool

    public init(refusesWithdraw: Bool = true, allowsInsecureHTTP: Bool = false) {
        self.refusesWithdraw = refusesWithdraw
        self.allowsInsecureHTTP = allowsInsecureHTTP
    }

    public var checksWithExchange: Bool { true }

    public func verify(_ entry: VaultEntry) async throws(SentinelError) {
        _ = try await audit(entry)
    }

    /// `verify`, returning the permissions the exchange reported for the key (nil where it reports none): the
    /// caller can keep the key's expiry.
    public func audit(_ entry: VaultEntry) async throws(SentinelError) -> KeyPermissions? {
        var reported: KeyPermissions?
        var checkedPermissions = false
        for venue in try entry.venues {
            let client = try ExchangeRegistry.client(
                for: venue, credentials: entry.credentials,
                configuration: ClientConfiguration(allowsInsecureHTTP: allowsInsecureHTTP))
            do throws(SentinelError) {
                _ = try await client.balances()
                if !checkedPermissions {
                    checkedPermissions = true
                    reported = try? await client.permissions()
                    if refusesWithdraw, let reported, reported.withdraw { throw Self.withdrawRefusal(entry) }
                }
                await client.shutdown()
            } catch {
                await client.shutdown()
                throw error
            }
        }
        return reported
    }

    /// `audit`, then the entry as it should be stored: verified now, with the exchange's own expiry where it reports
    /// one (the keys list and the console count down to it).
    public func admitted(_ entry: VaultEntry, now: Date = Date()) async throws(SentinelError) -> VaultEntry {
        let permissions = try await audit(entry)
        var checked = entry
        checked.expiresAt = permissions?.expiresAt.map { Date(timeIntervalSince1970: Double($0) / 1000) }
        checked.lastVerifiedAt = now
        return checked
    }

    public static func withdrawRefusal(_ entry: VaultEntry) -> SentinelError {
        let name = entry.exchange.displayName
        return SentinelError(
            .permissionDenied,
            Diagnosis(
                cause: "This \(name) key can withdraw funds: Sentinel does not store or use keys that can move money "
                    + "off the exchange.",
                evidence: [.init("key", entry.fingerprint)],
                fix: [
                    "On \(name)'s API management page, turn off Withdrawals for this key (or create a new key "
                        + "without it), then try again.",
                    "A trading bot never needs to withdraw. If you accept the risk anyway, pass --allow-withdraw-key.",
                ]))
    }

    public static func canCheck(_ exchange: ExchangeID) -> Bool {
        ExchangeRegistry.connectorExchanges.contains(exchange)
    }
}
