import ArgumentParser
import SentinelCore
import SentinelVault

/// `sentinel vault passwd`: changes the vault password.
struct VaultPasswdCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd", abstract: "Change the vault password (re-encrypts the vault).")

    @Option(
        name: .customLong("new-password-file"),
        help: ArgumentHelp("A file whose first line is the new password (default: a prompt).", valueName: "file"))
    var newPasswordFile: String?

    @OptionGroup var password: VaultPasswordOptions

    func execute() async throws(SentinelError) {
        var vault = try VaultAccess.open(password)
        let newPassword = try password.new(file: newPasswordFile, prompt: "New vault password: ")
        try vault.changePassword(to: newPassword, parameters: VaultAccess.newParameters)
        Console.output(
            "Changed the vault password (\(vault.kdfParameters)). The backup was re-written under the new "
                + "password too, so the old password opens nothing.")
    }
}
