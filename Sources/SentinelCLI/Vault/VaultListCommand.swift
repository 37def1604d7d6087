import ArgumentParser
import Foundation
import SentinelCore
import SentinelVault

/// `sentinel vault list`: the stored keys, without a secret.
struct VaultListCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the stored keys (fingerprints only, never a secret).")

    @Flag(help: "Print a JSON array instead of a table.")
    var json = false

    @OptionGroup var password: VaultPasswordOptions

    func execute() async throws(SentinelError) {
        let vault = try VaultAccess.open(password)
        if json {
            Console.output(JSONText.render(.array(vault.entries.map { VaultEntryRendering.json($0) })))
            return
        }
        guard !vault.entries.isEmpty else {
            Console.output("The vault is empty. Add a key: sentinel vault add NAME --exchange EXCHANGE")
            return
        }
        let now = Date()
        let header = ["NAME", "KEY", "EXCHANGE", "PRODUCTS", "ENVIRONMENT", "TYPE", "AGE", "EXPIRES", "ROTATE", "LABEL"]
        let rows = vault.entries.map { entry in
            [
                entry.name, entry.fingerprint, entry.exchange.rawValue, VaultEntryRendering.products(entry),
                VaultEntryRendering.environment(entry), entry.keyType.rawValue,
                VaultEntryRendering.age(since: entry.createdAt, now: now), VaultEntryRendering.expiry(entry, now: now),
                VaultEntryRendering.rotation(entry, now: now), entry.label ?? "",
            ]
        }
        Console.output(VaultEntryRendering.table([header] + rows))
    }
}
