import Foundation

/// The files of one vault: `vault.sentinel` in the Sentinel home folder, its backup and its lock.
public struct VaultLocation: Sendable, Hashable, CustomStringConvertible {
    /// The folder, kept at mode 0700.
    public let home: String

    public init(home: String) {
        var folder = home
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        self.home = folder
    }

    /// `SENTINEL_HOME`, or `~/.sentinel`.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> VaultLocation {
        VaultLocation(home: SentinelHome.path(environment: environment))
    }

    /// The encrypted vault, mode 0600.
    public var file: String { home + "/vault.sentinel" }
    /// The previous version of the vault, replaced on every save.
    public var backup: String { file + ".bak" }
    /// Held with `flock` while a process writes, so that two writers never interleave.
    var lockFile: String { file + ".lock" }
    /// Where a new version is written before it is renamed over the vault.
    var temporaryFile: String { file + ".tmp" }
    var temporaryBackup: String { backup + ".tmp" }
    /// Present while a password change is under way: until it is gone, the backup may still be under the old
    /// password, and the next open rewrites it (see `Vault.open`).
    var rekeyMarker: String { file + ".rekey" }

    public var description: String { file }
}
