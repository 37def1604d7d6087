import SentinelCore

/// The rules for a new vault password. Only length is enforced: the password never leaves this machine, and
/// scrypt makes each guess cost a noticeable fraction of a second, so length is what matters most.
public enum VaultPassword {
    public static let minimumLength = 10

    /// Throws when `password` is too short to protect keys to real money.
    public static func checkNew(_ password: SecretText) throws(SentinelError) {
        guard password.byteCount >= minimumLength else {
            throw VaultError.make(
                .invalidInput, .weakPassword,
                "The vault password is too short (\(password.byteCount) characters; at least \(minimumLength)).",
                fix: [
                    "Choose a longer password: a few unrelated words are easy to type and hard to guess.",
                    "Keep it in your password manager; Sentinel cannot recover it.",
                ])
        }
    }

    static func emptyPassword() -> SentinelError {
        VaultError.make(
            .invalidInput, .wrongPassword, "The vault password is empty.",
            fix: ["Type the vault password, or put it on the first line of the --password-file file."])
    }
}
