import Foundation
import Testing

/// Every file written under SENTINEL_HOME and every line printed, through a whole session of vault commands
/// (including failures), is scanned for the secret, the passphrase and the vault password.
@Suite struct VaultSecretLeakTests {
    static let secret = "9F3kLmQ2xV7nR4tY8wZ1aB6cD0eG5hJ2kL9mN3pQ7rS4tU8vW1xY6zA0bC5dE2fG"
    static let passphrase = "Sup3rSecretPassphrase"
    static let rotatedSecret = "Z1y2X3w4V5u6T7s8R9q0P1o2N3m4L5k6J7i8H9g0F1e2D3c4B5a6Z7y8X9w0V1u2"

    @Test func noSecretByteReachesAFileOrTheScreen() async throws {
        let sandbox = try VaultSandbox()
        try await sandbox.initialize()
        let okxKey = "1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d"
        try await sandbox.vault(
            ["add", "okx", "--exchange", "okx", "--stdin"],
            input: VaultSandbox.keyJSON(" \(okxKey)", Self.secret + "\n", Self.passphrase + " "))
        try await sandbox.vault(
            ["add", "bad", "--exchange", "okx", "--stdin"],
            input: VaultSandbox.keyJSON(okxKey, Self.secret, Self.secret))
        try await sandbox.vault(
            ["add", "bad2", "--exchange", "binance", "--stdin"], input: VaultSandbox.keyJSON(Self.secret, Self.secret))
        try await sandbox.vault(
            ["add", "bad3", "--exchange", "okx", "--stdin"],
            input: VaultSandbox.keyJSON(okxKey, Self.secret + " x", Self.passphrase))
        try await sandbox.vault(["list"])
        try await sandbox.vault(["list", "--json"])
        try await sandbox.vault(["show", "okx"])
        try await sandbox.vault(["show", "okx", "--json"])
        try await sandbox.vault(
            ["rotate", "okx", "--stdin"], input: VaultSandbox.keyJSON(okxKey, Self.rotatedSecret, Self.passphrase))
        try await sandbox.vault(["rename", "okx", "okx-main"])
        let newPassword = try sandbox.folder.write(Data("another sandbox password\n".utf8), name: "new")
        try await sandbox.vault(["passwd", "--new-password-file", newPassword])
        try await sandbox.vault(["list"])
        try await sandbox.vault(["show", "okx-main", "--password-file", newPassword])
        #expect(sandbox.outputs.count == 14)

        let needles = [
            Self.secret, Self.passphrase, Self.rotatedSecret, VaultSandbox.password, "another sandbox password",
        ]
        let printed = sandbox.outputs.flatMap { [$0.stdout, $0.stderr] }
        var files = try FileManager.default.contentsOfDirectory(atPath: sandbox.home).map { sandbox.home + "/" + $0 }
        files.removeAll { $0.hasSuffix(".lock") && (try? Data(contentsOf: URL(fileURLWithPath: $0)))?.isEmpty == true }
        #expect(files.count >= 2)
        for needle in needles {
            let windows = stride(from: 0, through: needle.utf8.count - 10, by: 5).map {
                Array(Array(needle.utf8)[$0..<($0 + 10)])
            }
            for text in printed {
                for window in windows { #expect(!contains(Array(text.utf8), window), "printed: \(text.prefix(200))") }
            }
            for file in files {
                let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
                for window in windows { #expect(!contains(bytes, window), "\(file)") }
            }
        }
    }

    func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains {
            haystack[$0..<($0 + needle.count)].elementsEqual(needle)
        }
    }
}
