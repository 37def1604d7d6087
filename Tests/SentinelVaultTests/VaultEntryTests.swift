import Foundation
import SentinelCore
import Testing

@testable import SentinelVault

@Suite struct VaultEntryTests {
    func problem(_ body: () throws -> Void) -> VaultProblem? {
        do {
            try body()
            return nil
        } catch {
            return (error as? SentinelError)?.vaultProblem
        }
    }

    @Test func namesAreUniqueAndPlain() throws {
        let home = try TemporaryHome()
        var vault = try Fixture.vault(in: home)
        #expect(problem { try vault.add(Fixture.binance()) } == .entryExists)
        for bad in ["", "-dash", ".dot", "has space", "slash/name", "ünïcode", String(repeating: "a", count: 65)] {
            #expect(problem { try vault.add(Fixture.binance(bad)) } == .invalidName, "\(bad)")
        }
        try vault.add(Fixture.binance("bot_2.v1-a"))
    }

    @Test func renameRemoveAndReplace() throws {
        let home = try TemporaryHome()
        var vault = try Fixture.vault(in: home)
        #expect(problem { try vault.rename("binance-grid", to: "okx-demo") } == .entryExists)
        #expect(problem { try vault.rename("nope", to: "x") } == .entryNotFound)
        try vault.rename("binance-grid", to: "grid")
        var replacement = try vault.requireEntry(named: "grid")
        replacement.label = "new label"
        try vault.replace(replacement)
        #expect(problem { try vault.replace(Fixture.binance("absent")) } == .entryNotFound)
        #expect(try vault.remove(named: "okx-demo").exchange == .okx)
        #expect(problem { _ = try vault.remove(named: "okx-demo") } == .entryNotFound)
        try vault.save()
        let opened = try Vault.open(at: home.location, password: Fixture.password)
        #expect(opened.entries.map(\.name) == ["grid"])
        #expect(opened.entries.first?.label == "new label")
    }

    @Test func impossibleVenuesAndBadCredentialsAreRefused() throws {
        let home = try TemporaryHome()
        var vault = try Vault.create(at: home.location, password: Fixture.password, parameters: .weakForTesting)
        var kucoinDemo = Fixture.okx("kucoin-demo")
        kucoinDemo.exchange = .kucoin
        #expect(throws: SentinelError.self) { try vault.add(kucoinDemo) }
        #expect(throws: SentinelError.self) { _ = try kucoinDemo.venue }
        var noProducts = Fixture.binance("none")
        noProducts.products = []
        #expect(problem { try vault.add(noProducts) } == .invalidEntry)
        var missingPassphrase = Fixture.okx("okx-no-pass")
        missingPassphrase.passphrase = nil
        #expect(throws: SentinelError.self) { try vault.add(missingPassphrase) }
        var multiLineLabel = Fixture.binance("label")
        multiLineLabel.label = "two\nlines"
        #expect(problem { try vault.add(multiLineLabel) } == .invalidEntry)
        #expect(throws: SentinelError.self) { _ = try Fixture.binance().venue(for: .inverse) }
        #expect(vault.entries.isEmpty)
    }

    @Test func descriptionsNeverShowTheSecretOrPassphrase() throws {
        let entry = Fixture.okx()
        var dumped = ""
        dump(entry, to: &dumped)
        for text in [entry.description, "\(entry)", String(reflecting: entry), dumped] {
            #expect(!text.contains(Fixture.okxSecret))
            #expect(!text.contains(Fixture.okxPassphrase))
        }
    }
}

@Suite struct KeyRotationTests {
    struct Verifier: CredentialVerifier {
        let accepts: Bool
        var checksWithExchange: Bool { true }

        func verify(_ entry: VaultEntry) async throws(SentinelError) {
            guard accepts else {
                throw SentinelError(.authentication, Diagnosis(cause: "API-key format invalid.", fix: ["Check it."]))
            }
        }
    }

    struct OfflineOnly: CredentialVerifier {
        var checksWithExchange: Bool { false }
        func verify(_ entry: VaultEntry) async throws(SentinelError) {}
    }

    let newKey = Credentials(
        apiKey: "NEWkeyZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8B",
        secret: SecretText("NEWsecmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0k"))

    @Test func aVerifiedKeyReplacesTheOldOneAndIsSaved() async throws {
        let home = try TemporaryHome()
        var vault = try Fixture.vault(in: home)
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        let rotated = try await vault.rotate(
            named: "binance-grid", to: newKey, verifier: Verifier(accepts: true), now: now)
        #expect(rotated.apiKey == newKey.apiKey && rotated.lastVerifiedAt == now && rotated.createdAt == now)
        #expect(rotated.label == "Sentinel - BTC grid" && rotated.products == [.spot, .linear])
        let opened = try Vault.open(at: home.location, password: Fixture.password)
        #expect(opened.entry(named: "binance-grid")?.secret == newKey.secret)
    }

    @Test func aRefusedKeyLeavesTheOldOneInPlace() async throws {
        let home = try TemporaryHome()
        var vault = try Fixture.vault(in: home)
        let before = try home.fileBytes
        await #expect(throws: SentinelError.self) {
            try await vault.rotate(named: "binance-grid", to: newKey, verifier: Verifier(accepts: false))
        }
        #expect(vault.entry(named: "binance-grid")?.apiKey == Fixture.binanceKey)
        #expect(try home.fileBytes == before)
    }

    @Test func anOfflineCheckDoesNotCountAsVerified() async throws {
        let home = try TemporaryHome()
        var vault = try Fixture.vault(in: home)
        let rotated = try await vault.rotate(named: "binance-grid", to: newKey, verifier: OfflineOnly())
        #expect(rotated.lastVerifiedAt == nil)
    }

    @Test func rotatingToTheSameKeyIsRefused() async throws {
        let home = try TemporaryHome()
        var vault = try Fixture.vault(in: home)
        await #expect(throws: SentinelError.self) {
            try await vault.rotate(
                named: "binance-grid", to: Fixture.binance().credentials, verifier: Verifier(accepts: true))
        }
    }
}
