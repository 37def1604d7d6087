import Foundation
import SentinelCore
import Testing

@testable import SentinelVault

/// Damaged, tampered, truncated, foreign and hostile files: each is refused with the right problem, and none ever
/// opens.
@Suite struct VaultDamageTests {
    enum Region: String, CaseIterable {
        case magic, version, algorithms, kdfParameters, saltLength, salt, nonce, ciphertextLength, ciphertext, tag
        case checksum

        func range(fileSize: Int) -> Range<Int> {
            switch self {
            case .magic: 0..<8
            case .version: 8..<10
            case .algorithms: 10..<12
            case .kdfParameters: 12..<21
            case .saltLength: 21..<22
            case .salt: 22..<54
            case .nonce: 54..<66
            case .ciphertextLength: 66..<70
            case .ciphertext: 70..<(fileSize - 48)
            case .tag: (fileSize - 48)..<(fileSize - 32)
            case .checksum: (fileSize - 32)..<fileSize
            }
        }
    }

    func open(_ bytes: [UInt8], _ home: TemporaryHome) throws(SentinelError) -> VaultFileFormat.Opened {
        try VaultFileFormat.open(bytes, password: Fixture.password, location: home.location)
    }

    @Test(arguments: Region.allCases) func aFlippedByteIsDetectedAsDamage(region: Region) throws {
        let home = try TemporaryHome()
        _ = try Fixture.vault(in: home)
        let original = try home.fileBytes
        for index in region.range(fileSize: original.count) {
            for mask: UInt8 in [0x01, 0x80] {
                var damaged = original
                damaged[index] ^= mask
                do {
                    _ = try open(damaged, home)
                    Issue.record("byte \(index) ^ \(mask) in \(region) was not detected")
                } catch {
                    let expected: Set<VaultProblem> = region == .magic ? [.notAVault] : [.corrupted, .truncated]
                    #expect(expected.contains(error.vaultProblem ?? .missing), "byte \(index): \(error)")
                    #expect(error.diagnosis.fix.joined().contains(".bak"), "the backup is offered")
                }
            }
        }
    }

    /// The checksum only tells damage from a wrong password. Behind it, AES-GCM authenticates the header (as
    /// associated data) and the ciphertext: a change with a recomputed checksum still never opens.
    @Test(arguments: Region.allCases.filter { $0 != .checksum && $0 != .magic })
    func aTamperedFileWithARecomputedChecksumNeverOpens(region: Region) throws {
        let home = try TemporaryHome()
        _ = try Fixture.vault(in: home)
        let original = try home.fileBytes
        for index in region.range(fileSize: original.count) {
            var tampered = original
            tampered[index] ^= 0x01
            #expect(throws: SentinelError.self, "byte \(index) in \(region)") {
                _ = try open(Fixture.withFreshDigest(tampered), home)
            }
        }
    }

    @Test func aCheaperKDFWrittenIntoTheHeaderIsCaughtByTheTag() throws {
        let home = try TemporaryHome()
        _ = try Fixture.vault(in: home)
        var tampered = try home.fileBytes
        tampered[12] = KDFParameters.weakForTesting.log2N + 1
        #expect {
            _ = try open(Fixture.withFreshDigest(tampered), home)
        } throws: { ($0 as? SentinelError)?.vaultProblem == .wrongPassword }
    }

    @Test func truncationAtAnyLengthIsDetected() throws {
        let home = try TemporaryHome()
        _ = try Fixture.vault(in: home)
        let original = try home.fileBytes
        for length in Array(stride(from: 0, to: original.count, by: 5)) + [original.count - 1] {
            do {
                _ = try open(Array(original.prefix(length)), home)
                Issue.record("a file cut to \(length) bytes opened")
            } catch {
                #expect([.truncated, .corrupted].contains(error.vaultProblem), "length \(length): \(error)")
            }
        }
        try home.overwrite(Array(original.prefix(original.count / 2)))
        #expect {
            _ = try Vault.open(at: home.location, password: Fixture.password)
        } throws: { error in
            let error = error as? SentinelError
            return error?.vaultProblem == .truncated && error?.diagnosis.cause.contains("truncated") == true
        }
    }

    @Test func aWrongPasswordIsNamedAsSuch() throws {
        let home = try TemporaryHome()
        _ = try Fixture.vault(in: home)
        let before = try home.fileBytes
        #expect {
            _ = try Vault.open(at: home.location, password: SecretText("not the password"))
        } throws: { error in
            let error = error as? SentinelError
            return error?.vaultProblem == .wrongPassword && error?.kind == .authentication
        }
        #expect(try home.fileBytes == before)
    }

    @Test func aFileFromANewerVersionAsksForAnUpgrade() throws {
        let home = try TemporaryHome()
        _ = try Fixture.vault(in: home)
        var newer = try home.fileBytes
        newer[9] = 2
        try home.overwrite(Fixture.withFreshDigest(newer))
        #expect {
            _ = try Vault.open(at: home.location, password: Fixture.password)
        } throws: { error in
            let error = error as? SentinelError
            return error?.vaultProblem == .newerVersion && error?.kind == .unsupported
                && error?.diagnosis.fix.first?.contains("Upgrade Sentinel") == true
        }
    }

    @Test(
        .timeLimit(.minutes(1)),
        arguments: [
            (UInt8(40), UInt32(8), UInt32(1)), (20, 8, 1), (17, 1024, 1), (17, 8, 64), (17, 0xFFFF_FFFF, 0xFFFF_FFFF),
            (255, 255, 255), (9, 8, 1), (17, 0, 1), (17, 8, 0),
        ])
    func hostileKDFParametersAreRefusedBeforeAnyWork(log2N: UInt8, blockSize: UInt32, parallelism: UInt32) throws {
        let home = try TemporaryHome()
        _ = try Fixture.vault(in: home)
        var hostile = try home.fileBytes
        hostile[12] = log2N
        hostile.replaceSubrange(13..<17, with: withUnsafeBytes(of: blockSize.bigEndian, Array.init))
        hostile.replaceSubrange(17..<21, with: withUnsafeBytes(of: parallelism.bigEndian, Array.init))
        try home.overwrite(Fixture.withFreshDigest(hostile))
        #expect {
            _ = try Vault.open(at: home.location, password: Fixture.password)
        } throws: { ($0 as? SentinelError)?.vaultProblem == .unsafeParameters }
        #expect(throws: SentinelError.self) {
            _ = try KDFParameters(log2N: log2N, blockSize: blockSize, parallelism: parallelism)
        }
    }

    @Test func theStandardParametersAreWithinTheBounds() throws {
        let standard = KDFParameters.standard
        #expect(try KDFParameters(log2N: standard.log2N, blockSize: standard.blockSize, parallelism: 1) == standard)
        #expect(try KDFParameters(log2N: 19, blockSize: 8, parallelism: 1).rounds == 1 << 19)
    }

    @Test func aFileThatIsNotAVaultIsNamedAsSuch() throws {
        let home = try TemporaryHome()
        _ = try Fixture.vault(in: home)
        try home.overwrite(Array(#"{"apiKey": "abc", "secret": "def"}"#.utf8))
        #expect {
            _ = try Vault.open(at: home.location, password: Fixture.password)
        } throws: { ($0 as? SentinelError)?.vaultProblem == .notAVault }
        try home.overwrite([])
        #expect {
            _ = try Vault.open(at: home.location, password: Fixture.password)
        } throws: { ($0 as? SentinelError)?.vaultProblem == .truncated }
    }

    @Test func aMissingVaultSaysHowToCreateOne() throws {
        let home = try TemporaryHome()
        #expect {
            _ = try Vault.open(at: home.location, password: Fixture.password)
        } throws: { error in
            let error = error as? SentinelError
            return error?.vaultProblem == .missing
                && error?.diagnosis.fix.first?.contains("sentinel vault init") == true
        }
        #expect(throws: SentinelError.self) { try Vault.checkOpenable(at: home.location) }
    }
}
