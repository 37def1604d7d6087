import Foundation
import SentinelCore
import Testing

@testable import SentinelVault

@Suite struct VaultPermissionTests {
    func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func theFolderIs0700AndEveryFile0600() throws {
        let home = try TemporaryHome()
        var vault = try Fixture.vault(in: home)
        try vault.save()
        #expect(try mode(home.location.home) == 0o700)
        for (path, _) in try home.allFiles() {
            #expect(try mode(path) == 0o600, "\(path)")
        }
    }

    @Test func aFolderOpenToOthersIsRefusedWithTheChmodThatFixesIt() throws {
        let home = try TemporaryHome()
        _ = try Fixture.vault(in: home)
        chmod(home.location.home, 0o755)
        #expect {
            _ = try Vault.open(at: home.location, password: Fixture.password)
        } throws: { error in
            let error = error as? SentinelError
            return error?.vaultProblem == .permissionsTooWide
                && error?.diagnosis.fix.first == "Run: chmod 0700 \(home.location.home)"
        }
        chmod(home.location.home, 0o700)
        #expect(try Vault.open(at: home.location, password: Fixture.password).entries.count == 2)
    }

    @Test func aVaultFileOpenToOthersIsRefusedWithTheChmodThatFixesIt() throws {
        let home = try TemporaryHome()
        _ = try Fixture.vault(in: home)
        chmod(home.location.file, 0o644)
        #expect {
            _ = try Vault.open(at: home.location, password: Fixture.password)
        } throws: { error in
            let error = error as? SentinelError
            return error?.vaultProblem == .permissionsTooWide
                && error?.diagnosis.fix.first == "Run: chmod 0600 \(home.location.file)"
        }
    }

    @Test func createMakesMissingFoldersPrivate() throws {
        let home = try TemporaryHome()
        let nested = VaultLocation(home: home.root.appendingPathComponent("a/b/.sentinel").path)
        _ = try Vault.create(at: nested, password: Fixture.password, parameters: .weakForTesting)
        #expect(try mode(nested.home) == 0o700)
        #expect(try mode(nested.file) == 0o600)
    }
}
