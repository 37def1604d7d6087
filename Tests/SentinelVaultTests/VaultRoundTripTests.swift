import Foundation
import SentinelCore
import Testing

@testable import SentinelVault

@Suite struct VaultRoundTripTests {
    @Test func entriesSurviveSaveAndOpenExactly() throws {
        let home = try TemporaryHome()
        let saved = try Fixture.vault(in: home)
        let opened = try Vault.open(at: home.location, password: Fixture.password)
        #expect(opened.entries == saved.entries)
        let binance = try #require(opened.entry(named: "binance-grid"))
        #expect(binance.credentials.secret == SecretText(Fixture.binanceSecret))
        #expect(binance.label == "Sentinel - BTC grid")
        #expect(binance.createdAt == Date(timeIntervalSince1970: 1_760_000_000.123))
        #expect(binance.expiresAt == Date(timeIntervalSince1970: 1_770_000_000))
        #expect(try binance.venue == Venue(.binance, .spot, .testnet))
        #expect(try binance.venue(for: .linear) == Venue(.binance, .linear, .testnet))
        let okx = try #require(opened.entry(named: "okx-demo"))
        #expect(okx.passphrase == SecretText(Fixture.okxPassphrase))
        #expect(opened.kdfParameters == .weakForTesting)
        #expect(opened.isBelowStandardKDF)
    }

    @Test func theHeaderRecordsVersionKDFAndParameters() throws {
        let home = try TemporaryHome()
        _ = try Fixture.vault(in: home)
        let bytes = try home.fileBytes
        #expect(Array(bytes[0..<8]) == Array("SENTINEL".utf8))
        #expect(bytes[8] == 0 && bytes[9] == 1)
        #expect(bytes[10] == 1 && bytes[11] == 1)
        #expect(bytes[12] == KDFParameters.weakForTesting.log2N)
        #expect(try Vault.kdfParameters(at: home.location) == .weakForTesting)
        #expect(KDFParameters.standard.rounds == 1 << 18 && KDFParameters.standard.blockSize == 8)
        #expect(KDFParameters.standard.parallelism == 1 && !KDFParameters.standard.isBelowStandard)
    }

    @Test func everySaveUsesAFreshSaltAndNonce() throws {
        let home = try TemporaryHome()
        var vault = try Fixture.vault(in: home)
        let first = try home.fileBytes
        try vault.save()
        let second = try home.fileBytes
        #expect(first.count == second.count)
        #expect(first[22..<54] != second[22..<54], "salt")
        #expect(first[54..<66] != second[54..<66], "nonce")
        #expect(first[70...] != second[70...])
    }

    @Test func thePreviousVersionIsKeptAsTheBackup() throws {
        let home = try TemporaryHome()
        var vault = try Fixture.vault(in: home)
        try vault.remove(named: "okx-demo")
        try vault.save()
        let backup = VaultLocation(home: home.location.home)
        try FileManager.default.removeItem(atPath: backup.file)
        try FileManager.default.copyItem(atPath: backup.backup, toPath: backup.file)
        let restored = try Vault.open(at: backup, password: Fixture.password)
        #expect(restored.entries.map(\.name) == ["binance-grid", "okx-demo"])
    }

    @Test func createRefusesToOverwriteAnExistingVault() throws {
        let home = try TemporaryHome()
        _ = try Fixture.vault(in: home)
        let before = try home.fileBytes
        #expect {
            _ = try Vault.create(at: home.location, password: Fixture.password, parameters: .weakForTesting)
        } throws: { ($0 as? SentinelError)?.vaultProblem == .alreadyExists }
        #expect(try home.fileBytes == before)
    }

    @Test func changingThePasswordLocksOutTheOldOneEverywhere() throws {
        let home = try TemporaryHome()
        var vault = try Fixture.vault(in: home)
        let newPassword = SecretText("a completely new password")
        try vault.changePassword(to: newPassword)
        #expect(try Vault.open(at: home.location, password: newPassword).entries.count == 2)
        #expect(throws: SentinelError.self) { try Vault.open(at: home.location, password: Fixture.password) }
        let backup = try Data(contentsOf: URL(fileURLWithPath: home.location.backup))
        try home.overwrite(Array(backup))
        #expect(throws: SentinelError.self) { try Vault.open(at: home.location, password: Fixture.password) }
        #expect(try Vault.open(at: home.location, password: newPassword).entries.count == 2)
    }

    @Test func shortPasswordsAreRefused() throws {
        let home = try TemporaryHome()
        #expect {
            _ = try Vault.create(at: home.location, password: SecretText("short"), parameters: .weakForTesting)
        } throws: { ($0 as? SentinelError)?.vaultProblem == .weakPassword }
        #expect(!Vault.exists(at: home.location))
    }

    @Test func aSaveDoesNotUndoAnotherProcesssChange() throws {
        let home = try TemporaryHome()
        _ = try Fixture.vault(in: home)
        var first = try Vault.open(at: home.location, password: Fixture.password)
        var second = try Vault.open(at: home.location, password: Fixture.password)
        try first.remove(named: "okx-demo")
        try first.save()
        try second.rename("binance-grid", to: "renamed")
        #expect {
            try second.save()
        } throws: { ($0 as? SentinelError)?.vaultProblem == .changedElsewhere }
        #expect(try Vault.open(at: home.location, password: Fixture.password).entries.map(\.name) == ["binance-grid"])
    }

    @Test(.timeLimit(.minutes(1))) func aSecondWriterIsToldTheVaultIsBusy() throws {
        let home = try TemporaryHome()
        var vault = try Fixture.vault(in: home)
        let before = try home.fileBytes
        let held = try FileLock(home.location)
        #expect {
            try vault.save()
        } throws: { ($0 as? SentinelError)?.vaultProblem == .busy }
        #expect(try home.fileBytes == before)
        withExtendedLifetime(held) {}
    }

    /// What a writer killed mid-save leaves behind — a half-written temporary file, a half-written backup — is
    /// ignored when opening and overwritten by the next save.
    @Test func leftoversOfAKilledSaveAreHarmless() throws {
        let home = try TemporaryHome()
        var vault = try Fixture.vault(in: home)
        for path in [home.location.temporaryFile, home.location.temporaryBackup] {
            #expect(FileManager.default.createFile(atPath: path, contents: Data("half-written".utf8)))
        }
        #expect(try Vault.open(at: home.location, password: Fixture.password).entries.count == 2)
        try vault.remove(named: "okx-demo")
        try vault.save()
        #expect(try Vault.open(at: home.location, password: Fixture.password).entries.count == 1)
        #expect(!FileManager.default.fileExists(atPath: home.location.temporaryFile))
    }

    @Test func manyKeysPerExchange() throws {
        let home = try TemporaryHome()
        var vault = try Vault.create(at: home.location, password: Fixture.password, parameters: .weakForTesting)
        for index in 0..<5 { try vault.add(Fixture.binance("bot-\(index)")) }
        try vault.save()
        let opened = try Vault.open(at: home.location, password: Fixture.password)
        #expect(opened.entries.filter { $0.exchange == .binance }.count == 5)
    }
}
