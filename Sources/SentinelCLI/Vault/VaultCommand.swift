import ArgumentParser

/// `sentinel vault`: the encrypted keystore in SENTINEL_HOME (default ~/.sentinel).
struct VaultCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vault",
        abstract: "Store exchange keys encrypted on this machine.",
        discussion: """
            The vault is $SENTINEL_HOME/vault.sentinel (default ~/.sentinel/vault.sentinel), encrypted with \
            AES-256-GCM under a key derived from your password with scrypt. The password comes from a prompt \
            (nothing shown as you type), or from the file named by --password-file or SENTINEL_PASSWORD_FILE; \
            never from an argument.
            """,
        subcommands: [
            VaultInitCommand.self, VaultAddCommand.self, VaultListCommand.self, VaultShowCommand.self,
            VaultRemoveCommand.self, VaultRenameCommand.self, VaultRotateCommand.self, VaultPasswdCommand.self,
        ])
}
