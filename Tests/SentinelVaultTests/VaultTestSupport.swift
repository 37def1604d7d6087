import Foundation
import SentinelCore

@testable import SentinelVault

/// A private, empty Sentinel home for one test, removed afterwards.
final class TemporaryHome: @unchecked Sendable {
    let root: URL
    let location: VaultLocation

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("sentinel-vault-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        location = VaultLocation(home: root.appendingPathComponent("home").path)
    }

    var fileBytes: [UInt8] {
        get throws { Array(try Data(contentsOf: URL(fileURLWithPath: location.file))) }
    }

    func overwrite(_ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: location.file))
        chmod(location.file, 0o600)
    }

    /// Every regular file under the home folder, with its bytes.
    func allFiles() throws -> [(String, [UInt8])] {
        let names = try FileManager.default.contentsOfDirectory(atPath: location.home)
        return try names.map { name in
            let path = location.home + "/" + name
            return (path, Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }
}

enum Fixture {
    static let password = SecretText("correct horse battery staple")
    static let binanceKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"
    static let binanceSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
    static let okxSecret = "7C4E8B2A9F1D3E5A6B8C0D2E4F6A8B0C"
    static let okxPassphrase = "Tr4ding-Passphrase!"

    static func binance(_ name: String = "binance-grid") -> VaultEntry {
        VaultEntry(
            name: name, exchange: .binance, products: [.spot, .linear], environment: .testnet,
            credentials: Credentials(apiKey: binanceKey, secret: SecretText(binanceSecret)),
            label: "Sentinel - BTC grid", createdAt: Date(timeIntervalSince1970: 1_760_000_000.123),
            expiresAt: Date(timeIntervalSince1970: 1_770_000_000), lastVerifiedAt: nil)
    }

    static func okx(_ name: String = "okx-demo") -> VaultEntry {
        VaultEntry(
            name: name, exchange: .okx, products: [.linear], environment: Environment(.demo),
            credentials: Credentials(
                apiKey: "1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d", secret: SecretText(okxSecret),
                passphrase: SecretText(okxPassphrase)))
    }

    /// A vault with the cheap test parameters and two entries, saved.
    static func vault(in home: TemporaryHome) throws -> UnlockedVault {
        var vault = try Vault.create(at: home.location, password: password, parameters: .weakForTesting)
        try vault.add(binance())
        try vault.add(okx())
        try vault.save()
        return vault
    }

    /// Recomputes the trailing SHA-256 so that a deliberate change reaches the checks behind the checksum.
    static func withFreshDigest(_ bytes: [UInt8]) -> [UInt8] {
        let body = Array(bytes.dropLast(VaultHeader.digestSize))
        return body + Vault.digest(body)
    }
}
