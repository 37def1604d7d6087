import ArgumentParser
import SentinelCore
import SentinelVault

/// `sentinel vault rename OLD NEW`.
struct VaultRenameCommand: ReportingCommand {
    static let configuration = CommandConfiguration(commandName: "rename", abstract: "Rename a stored key.")

    @Argument(help: "The key's current name.")
    var name: String

    @Argument(help: "The new name.")
    var newName: String

    @OptionGroup var password: VaultPasswordOptions

    func execute() async throws(SentinelError) {
        var vault = try VaultAccess.open(password)
        try vault.rename(name, to: newName)
        try vault.save()
        Console.output("Renamed \(name) to \(newName).")
    }
}
