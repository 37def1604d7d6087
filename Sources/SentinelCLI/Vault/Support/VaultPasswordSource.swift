import ArgumentParser
import Foundation
import SentinelCore
import SentinelVault

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the vault password comes from: `--password-file`, `SENTINEL_PASSWORD_FILE`, or a prompt without echo.
/// Never from an argument: arguments are visible to every user of the machine (`ps`) and kept in shell history.
struct VaultPasswordOptions: ParsableArguments {
    @Option(
        name: .customLong("password-file"),
        help: ArgumentHelp(
            "A file whose first line is the vault password (default: $SENTINEL_PASSWORD_FILE, else a prompt).",
            valueName: "file"))
    var passwordFile: String?

    static let environmentVariable = "SENTINEL_PASSWORD_FILE"

    var file: String? {
        passwordFile ?? ProcessInfo.processInfo.environment[Self.environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The password of an existing vault.
    func current(prompt: String = "Vault password: ") throws(SentinelError) -> SecretText {
        if let file { return try VaultPasswordSource.read(file: file) }
        return SecretText(bytes: try VaultPasswordSource.prompt(prompt))
    }

    /// A new password: from the file, or typed twice.
    func new(file newFile: String?, prompt: String) throws(SentinelError) -> SecretText {
        if let newFile { return try VaultPasswordSource.read(file: newFile) }
        return try VaultPasswordSource.promptTwice(prompt)
    }
}

enum VaultPasswordSource {
    /// Larger than any password; a bigger file is refused before it is read.
    static let largestFile = 4096

    /// The first line of `file` (a trailing CR is dropped). The file must be private (chmod 600) and regular: a
    /// password others can read is refused, not warned about.
    static func read(file path: String) throws(SentinelError) -> SecretText {
        var data = try PrivateFile.read(path, what: "the password file", limit: largestFile)
        defer { for index in data.indices { data[index] = 0 } }
        var bytes = Array(data.prefix { $0 != 0x0A })
        if bytes.last == 0x0D { bytes.removeLast() }
        guard !bytes.isEmpty else {
            throw .invalidInput(
                "The password file \(path) is empty or its first line is.",
                fix: ["Put the vault password on the first line of \(path)."])
        }
        return SecretText(bytes: bytes)
    }

    static func prompt(_ prompt: String) throws(SentinelError) -> [UInt8] {
        guard TerminalInput.standardInputIsTerminal else {
            throw .invalidInput(
                "No vault password: standard input is not a terminal and no password file was given.",
                fix: [
                    "Put the password on the first line of a private file (chmod 600) and pass --password-file FILE, "
                        + "or set SENTINEL_PASSWORD_FILE=FILE.",
                    "Or run the command in a terminal to be asked for it (nothing is shown as you type).",
                ])
        }
        return try TerminalInput.readHidden(prompt: prompt)
    }

    static func promptTwice(_ prompt: String) throws(SentinelError) -> SecretText {
        let first = SecretText(bytes: try self.prompt(prompt))
        try VaultPassword.checkNew(first)
        let second = SecretText(bytes: try self.prompt("Type it again: "))
        guard first == second else {
            throw .invalidInput(
                "The two passwords differ.", fix: ["Run the command again and type the same password twice."])
        }
        return first
    }
}
