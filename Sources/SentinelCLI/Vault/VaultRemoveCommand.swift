import ArgumentParser
import SentinelCore
import SentinelVault

/// `sentinel vault remove NAME`.
struct VaultRemoveCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a stored key (the previous vault stays in vault.sentinel.bak).")

    @Argument(help: "The key's name.")
    var name: String

    @Flag(help: "Do not ask for confirmation (needed when standard input is not a terminal).")
    var yes = false

    @OptionGroup var password: VaultPasswordOptions

    func execute() async throws(SentinelError) {
        var vault = try VaultAccess.open(password)
        let entry = try vault.requireEntry(named: name)
        if !yes {
            guard TerminalInput.standardInputIsTerminal else {
                throw .invalidInput(
                    "Removing a key needs confirmation, and standard input is not a terminal.",
                    fix: ["Add --yes to remove \"\(name)\" without being asked."])
            }
            let answer = TerminalInput.readVisible(prompt: "Remove \(VaultEntryRendering.summary(entry))? [y/N] ")
            guard answer.lowercased().hasPrefix("y") else {
                Console.output("Nothing removed.")
                return
            }
        }
        try vault.remove(named: name)
        try vault.save()
        Console.output(
            "Removed \(entry.name) from the vault. Revoke the key on \(entry.exchange.displayName) too if "
                + "no bot uses it any more.")
    }
}
