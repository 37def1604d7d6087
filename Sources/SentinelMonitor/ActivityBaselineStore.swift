import Foundation
import SentinelCore

/// Keeps each key's `ActivityBaseline` as a JSON file (mode 0600) in a private folder, so that a watch run from
/// cron reports a change once. A damaged file is treated as a first poll.
public struct ActivityBaselineStore: Sendable {
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// `watch` inside a Sentinel home folder.
    public static func folder(home: String) -> String { home + "/watch" }

    public func load(_ key: WatchedKey, fingerprint: String) -> ActivityBaseline? {
        guard let data = FileManager.default.contents(atPath: path(key, fingerprint: fingerprint)) else { return nil }
        return try? JSONDecoder().decode(ActivityBaseline.self, from: data)
    }

    public func save(_ baseline: ActivityBaseline, for key: WatchedKey, fingerprint: String) throws(SentinelError) {
        let target = path(key, fingerprint: fingerprint)
        let temporary = target + ".tmp"
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let data = try encoder.encode(baseline)
            try? FileManager.default.removeItem(atPath: temporary)
            guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600])
            else { throw CocoaError(.fileWriteNoPermission) }
            guard rename(temporary, target) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw SentinelError(
                .invalidInput,
                Diagnosis(
                    cause: "The watch could not save what it saw for the next run.",
                    evidence: [.init("file", target), .init("error", String(describing: error))],
                    fix: ["Check that SENTINEL_HOME is writable by you and the disk is not full."]))
        }
    }

    /// One file per exchange and key: the vault name when there is one, else the key's fingerprint.
    func path(_ key: WatchedKey, fingerprint: String) -> String {
        let name = key.isInVault ? key.name : fingerprint
        let safe = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") ? $0 : "_" })
        return folder + "/\(key.exchange.rawValue)-\(safe).json"
    }
}
