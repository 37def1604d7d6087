import ArgumentParser
import SentinelCore
import SentinelVault

/// `sentinel vault init`: creates an empty vault.
struct VaultInitCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create an empty vault (asks for a new password).")

    @OptionGroup var password: VaultPasswordOptions

    func execute() async throws(SentinelError) {
        let location = VaultAccess.location
        try Vault.checkCreatable(at: location)
        let newPassword = try password.new(file: password.file, prompt: "New vault password: ")
        let vault = try Vault.create(at: location, password: newPassword, parameters: VaultAccess.newParameters)
        Console.output("Created the vault \(vault.location.file) (\(vault.kdfParameters), AES-256-GCM).")
        Console.output("Add a key: sentinel vault add NAME --exchange EXCHANGE")
        Console.output("Sentinel cannot recover a forgotten password: keep it in your password manager.")
    }
}
