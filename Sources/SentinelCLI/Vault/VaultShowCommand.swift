import ArgumentParser
import Foundation
import SentinelCore
import SentinelVault

/// `sentinel vault show NAME`: one key's details, the secret and passphrase masked.
struct VaultShowCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one stored key, with the secret and passphrase masked.")

    @Argument(help: "The key's name.")
    var name: String

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @OptionGroup var password: VaultPasswordOptions

    func execute() async throws(SentinelError) {
        let entry = try VaultAccess.open(password).requireEntry(named: name)
        if json {
            Console.output(JSONText.render(VaultEntryRendering.json(entry)))
            return
        }
        let now = Date()
        let age = VaultEntryRendering.age(since: entry.createdAt, now: now)
        let rows: [[String]] = [
            ["name", entry.name],
            ["exchange", entry.exchange.displayName],
            ["products", VaultEntryRendering.products(entry)],
            ["environment", entry.environment.kind.rawValue],
            ["endpoint", entry.environment.customEndpoint ?? "the exchange's own host"],
            ["key type", entry.keyType.rawValue],
            ["API key", "\(entry.fingerprint) (\(entry.apiKey.utf8.count) characters)"],
            ["secret", masked(entry.secret, pem: entry.keyType.usesPrivateKey)],
            ["passphrase", entry.passphrase.map { masked($0, pem: false) } ?? "none"],
            ["label", entry.label ?? ""],
            ["created", "\(VaultEntryRendering.iso(entry.createdAt)) (\(age) ago)"],
            ["expires", VaultEntryRendering.expiry(entry, now: now)],
            ["last verified", entry.lastVerifiedAt.map(VaultEntryRendering.iso) ?? "never"],
        ]
        Console.output(VaultEntryRendering.table(rows.map { [$0[0] + ":", $0[1]] }))
    }

    private func masked(_ secret: SecretText, pem: Bool) -> String {
        "•••••••• (\(pem ? "PEM private key, " : "")\(secret.byteCount) characters, stored encrypted)"
    }
}
