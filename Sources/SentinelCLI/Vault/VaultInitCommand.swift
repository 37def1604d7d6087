import ArgumentParser
import SentinelCore
import SentinelVault

/// `sentinel vault init`: creates an empty vault.
struct VaultInitCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create an empty vault (asks for a new password).")

    @OptionGroup var password: VaultPasswordOptions

    func execute() async throws(SentinelError) {
        _ = try VaultAccess.create(password)
        Console.output("Add a key: sentinel connect EXCHANGE (guided) or sentinel vault add NAME --exchange EXCHANGE")
    }
}
