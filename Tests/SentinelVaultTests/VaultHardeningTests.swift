import Foundation
import SentinelCore
import Testing

@testable import SentinelVault

/// Issue 17, findings 4, 6 and 9: the password change leaves nothing that opens with the old password, files are
/// only ever regular private files of their own, and scrypt parameters are bounded to what scrypt accepts.
@Suite struct VaultHardeningTests {
    static let newPassword = SecretText("a different passphrase 99")

    func opens(_ path: String, with password: SecretText, _ home: TemporaryHome) -> Bool {
        guard let bytes = try? Array(Data(contentsOf: URL(fileURLWithPath: path))) else { return false }
        return (try? VaultFileFormat.open(bytes, password: password, location: home.location)) != nil
    }

    // MARK: Finding 4

    @Test func aPasswordChangeInterruptedBetweenTheRenamesIsFinishedOnTheNextOpen() throws {
        let home = try TemporaryHome()
        _ = try Fixture.vault(in: home)
        let underOldPassword = try home.fileBytes
        var vault = try Vault.open(at: home.location, password: Fixture.password)
        try vault.changePassword(to: Self.newPassword)
        // The state a crash between the vault's rename and the backup's leaves: the marker, and the backup still
        // under the old password.
        try Data(underOldPassword).write(to: URL(fileURLWithPath: home.location.backup))
        _ = FileManager.default.createFile(atPath: home.location.rekeyMarker, contents: Data())
        #expect(opens(home.location.backup, with: Fixture.password, home))

        _ = try Vault.open(at: home.location, password: Self.newPassword)
        #expect(!opens(home.location.backup, with: Fixture.password, home), "the old password opens nothing")
        #expect(opens(home.location.backup, with: Self.newPassword, home))
        #expect(!FileManager.default.fileExists(atPath: home.location.rekeyMarker))
    }

    @Test func aBackupThatCannotBeReplacedIsReportedExactlyAndRemoved() throws {
        let home = try TemporaryHome()
        _ = try Fixture.vault(in: home)
        var vault = try Vault.open(at: home.location, password: Fixture.password)
        // A folder where the backup's temporary file goes: the vault can be rewritten, the backup cannot.
        try FileManager.default.createDirectory(
            atPath: home.location.temporaryBackup + "/blocker", withIntermediateDirectories: true)
        do {
            try vault.changePassword(to: Self.newPassword)
            Issue.record("the failed backup went unreported")
        } catch {
            #expect(error.diagnosis.cause.contains("WAS changed"), "\(error.diagnosis.cause)")
            #expect(!error.diagnosis.cause.contains("not changed"))
            #expect(error.diagnosis.cause.contains("nothing opens with the old password"))
        }
        #expect(opens(home.location.file, with: Self.newPassword, home))
        #expect(!opens(home.location.file, with: Fixture.password, home))
        #expect(!FileManager.default.fileExists(atPath: home.location.backup), "the old-password backup is gone")
        _ = try Vault.open(at: home.location, password: Self.newPassword)
    }

    // MARK: Finding 6

    @Test func aPlantedHardLinkAtTheTemporaryNameIsNeverWrittenThrough() throws {
        let home = try TemporaryHome()
        var vault = try Fixture.vault(in: home)
        let victim = home.root.appendingPathComponent("victim").path
        try Data("precious".utf8).write(to: URL(fileURLWithPath: victim))
        for temporary in [home.location.temporaryFile, home.location.temporaryBackup] {
            #expect(link(victim, temporary) == 0)
        }
        try vault.add(Fixture.binance("another"))
        try vault.save()
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
        _ = try Vault.open(at: home.location, password: Fixture.password)
    }

    @Test(.timeLimit(.minutes(1))) func aFIFOAtTheVaultPathIsRefusedWithoutBlocking() throws {
        let home = try TemporaryHome()
        _ = try Fixture.vault(in: home)
        try FileManager.default.removeItem(atPath: home.location.file)
        #expect(mkfifo(home.location.file, 0o600) == 0)
        #expect {
            _ = try Vault.open(at: home.location, password: Fixture.password)
        } throws: { ($0 as? SentinelError)?.diagnosis.cause.contains("not a regular file") == true }
    }

    @Test func aSymlinkAtTheVaultPathIsRefused() throws {
        let home = try TemporaryHome()
        _ = try Fixture.vault(in: home)
        let elsewhere = home.root.appendingPathComponent("elsewhere.sentinel").path
        try FileManager.default.moveItem(atPath: home.location.file, toPath: elsewhere)
        #expect(symlink(elsewhere, home.location.file) == 0)
        #expect {
            _ = try Vault.open(at: home.location, password: Fixture.password)
        } throws: { ($0 as? SentinelError)?.diagnosis.cause.contains("symbolic link") == true }
    }

    @Test func aHomeThatIsAFileIsNamedAsSuch() throws {
        let home = try TemporaryHome()
        _ = FileManager.default.createFile(atPath: home.location.home, contents: Data("x".utf8))
        for attempt in [
            { () throws -> Void in _ = try Vault.open(at: home.location, password: Fixture.password) },
            { () throws -> Void in _ = try Vault.create(at: home.location, password: Fixture.password, parameters: .weakForTesting) },
            { () throws -> Void in try SentinelHome.preparePrivateFile(home.location.home + "/journal.sqlite") },
        ] {
            #expect {
                try attempt()
            } throws: { ($0 as? SentinelError)?.diagnosis.cause.contains("is a file, not a folder") == true }
        }
    }

    @Test func theJournalFileIsCreatedPrivateInAPrivateHome() throws {
        let home = try TemporaryHome()
        let journal = home.location.home + "/journal.sqlite"
        let previous = umask(0o022)
        defer { umask(previous) }
        try SentinelHome.preparePrivateFile(journal)
        #expect(try mode(journal) == 0o600)
        #expect(try mode(home.location.home) == 0o700)
        try SentinelHome.preparePrivateFile(journal)  // an existing private file is fine
        chmod(journal, 0o644)
        #expect {
            try SentinelHome.preparePrivateFile(journal)
        } throws: { ($0 as? SentinelError)?.diagnosis.fix.first == "Run: chmod 0600 \(journal)" }
        chmod(journal, 0o600)
        chmod(home.location.home, 0o755)
        #expect(throws: SentinelError.self) { try SentinelHome.preparePrivateFile(journal) }
    }

    @Test func privateFilesMustBePrivateRegularAndSmall() throws {
        let home = try TemporaryHome()
        let path = home.root.appendingPathComponent("password").path
        try Data("secret password\n".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o644)
        do {
            _ = try PrivateFile.read(path, what: "the password file", limit: 4096)
            Issue.record("a file others can read was accepted")
        } catch {
            #expect(error.diagnosis.fix.first == "Run: chmod 600 \(path)")
            #expect(!error.description.contains("secret password"))
        }
        chmod(path, 0o600)
        #expect(try PrivateFile.read(path, what: "the password file", limit: 4096) == Array("secret password\n".utf8))
        #expect(throws: SentinelError.self) { try PrivateFile.read(path, what: "the password file", limit: 4) }
        let fifo = home.root.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect {
            _ = try PrivateFile.read(fifo, what: "the password file", limit: 4096)
        } throws: { ($0 as? SentinelError)?.diagnosis.cause.contains("not a regular file") == true }
    }

    func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    // MARK: Finding 9

    @Test(arguments: [(UInt8(16), UInt32(1), UInt32(1)), (10, 17, 1), (10, 32, 1), (12, 20, 2)])
    func parametersScryptRefusesAreOutsideTheBoundsAndCalledHostile(
        log2N: UInt8, blockSize: UInt32, parallelism: UInt32
    ) throws {
        #expect(throws: SentinelError.self) {
            _ = try KDFParameters(log2N: log2N, blockSize: blockSize, parallelism: parallelism)
        }
        let home = try TemporaryHome()
        _ = try Fixture.vault(in: home)
        var hostile = try home.fileBytes
        hostile[12] = log2N
        hostile.replaceSubrange(13..<17, with: withUnsafeBytes(of: blockSize.bigEndian, Array.init))
        hostile.replaceSubrange(17..<21, with: withUnsafeBytes(of: parallelism.bigEndian, Array.init))
        try home.overwrite(Fixture.withFreshDigest(hostile))
        do {
            _ = try Vault.open(at: home.location, password: Fixture.password)
            Issue.record("opened")
        } catch {
            #expect(error.vaultProblem == .unsafeParameters)
            #expect(error.diagnosis.cause.contains("damaged or was made to be hostile"), "\(error.diagnosis.cause)")
            #expect(!error.diagnosis.cause.contains("memory?"))
        }
    }

    /// Every corner of the accepted range is accepted by scrypt itself (small N keep it quick).
    @Test func everyParameterCornerWithinTheBoundsIsAcceptedByScrypt() throws {
        for log2N: UInt8 in [10, 15] {
            for blockSize: UInt32 in [1, 2, 15, 16] {
                for parallelism: UInt32 in [1, 2, 16] {
                    guard let parameters = try? KDFParameters(log2N: log2N, blockSize: blockSize, parallelism: parallelism)
                    else { continue }
                    #expect(throws: Never.self, "\(parameters)") {
                        _ = try VaultFileFormat.seal([1, 2, 3], password: Fixture.password, parameters: parameters)
                    }
                }
            }
        }
    }
}
