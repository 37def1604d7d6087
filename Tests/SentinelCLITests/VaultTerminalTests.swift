import Foundation
import SentinelCore
import SentinelVault
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Drives the interactive prompts through a pseudo-terminal, as a person would type, and checks that nothing
/// typed — password, secret, passphrase — comes back on the terminal.
@Suite(.timeLimit(.minutes(5))) struct VaultTerminalTests {
    @Test(.timeLimit(.minutes(2))) func promptsShowNothingThatIsTyped() throws {
        let sandbox = try VaultSandbox()
        let password = "typed password 123"
        let secret = "7C4E8B2A9F1D3E5A6B8C0D2E4F6A8B0C"
        let passphrase = "TypedPassphrase7"
        let environment = ["SENTINEL_HOME": sandbox.home, "SENTINEL_TEST_ONLY_WEAK_KDF": "1"]

        let initialize = try TerminalSession(["vault", "init"], environment: environment)
        try initialize.answer("New vault password: ", with: password)
        try initialize.answer("Type it again: ", with: password)
        #expect(initialize.finish() == 0, "\(initialize.screen)")

        let add = try TerminalSession(["vault", "add", "okx-main", "--exchange", "okx"], environment: environment)
        try add.answer("Vault password: ", with: password)
        try add.answer("API key: ", with: "1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d")
        try add.answer("Secret (or the whole PEM private key): ", with: secret)
        try add.answer("Passphrase (the one you chose for this key): ", with: passphrase)
        #expect(add.finish() == 0, "\(add.screen)")
        #expect(add.screen.contains("Stored okx-main"))

        for screen in [initialize.screen, add.screen] {
            for typed in [password, secret, passphrase, "1a2b3c4d-5e6f"] {
                #expect(!screen.contains(typed), "the terminal showed what was typed: \(screen)")
            }
        }
        let entry = try #require(
            try Vault.open(at: sandbox.location, password: SecretText(password)).entry(named: "okx-main"))
        #expect(entry.secret == SecretText(secret) && entry.passphrase == SecretText(passphrase))
    }
}
