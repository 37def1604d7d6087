import Foundation
import SentinelCore
import Testing

@testable import SentinelVault

/// Not one secret byte sequence may be found in any file the vault writes, nor in any error it raises.
@Suite struct VaultNoPlaintextTests {
    @Test func noFileUnderTheHomeHoldsASecretAPIKeyOrPassword() throws {
        let home = try TemporaryHome()
        var vault = try Fixture.vault(in: home)
        try vault.rename("okx-demo", to: "okx-2")
        try vault.save()
        try vault.changePassword(to: SecretText("another long password"))
        let needles = [
            Fixture.binanceSecret, Fixture.okxSecret, Fixture.okxPassphrase, Fixture.binanceKey,
            "correct horse battery staple", "another long password", "okx-demo", "Sentinel - BTC grid",
        ].map { Array($0.utf8) }
        let files = try home.allFiles()
        #expect(files.count >= 3)
        for (path, bytes) in files {
            for needle in needles {
                #expect(!contains(bytes, needle), "\(path) holds \(needle.count) secret bytes in clear")
                // Also any 8-byte window of it: a secret split or partially written must not leak either.
                for start in stride(from: 0, through: needle.count - 8, by: 4) {
                    #expect(!contains(bytes, Array(needle[start..<(start + 8)])))
                }
            }
        }
    }

    @Test func errorsNeverCarryTheSecrets() throws {
        let home = try TemporaryHome()
        var vault = try Fixture.vault(in: home)
        var errors: [SentinelError] = []
        for body in [
            { try vault.add(Fixture.okx()) }, { try vault.rename("okx-demo", to: "binance-grid") },
            { _ = try Vault.open(at: home.location, password: SecretText("wrong password here")) },
        ] as [() throws -> Void] {
            do { try body() } catch let error as SentinelError { errors.append(error) }
        }
        #expect(errors.count == 3)
        for error in errors {
            for secret in [Fixture.okxSecret, Fixture.okxPassphrase, Fixture.binanceSecret, "wrong password here"] {
                #expect(!error.description.contains(secret))
            }
        }
    }

    func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains {
            haystack[$0..<($0 + needle.count)].elementsEqual(needle)
        }
    }
}
