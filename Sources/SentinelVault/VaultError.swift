import Foundation
import SentinelCore

/// Every vault failure as a `SentinelError` a person can act on. Messages name files and sizes, never a secret.
enum VaultError {
    static let problemLabel = "problem"

    static func make(
        _ kind: SentinelError.Kind, _ problem: VaultProblem, _ cause: String, evidence: [Diagnosis.Evidence] = [],
        fix: [String]
    ) -> SentinelError {
        SentinelError(
            kind, Diagnosis(cause: cause, evidence: [.init(problemLabel, problem.rawValue)] + evidence, fix: fix))
    }

    static func missing(_ location: VaultLocation) -> SentinelError {
        var fix = ["Create a vault: `sentinel vault init` (set SENTINEL_HOME first if your vault lives elsewhere)."]
        if FileManager.default.fileExists(atPath: location.backup) {
            fix.append(
                "A backup exists at \(location.backup); to bring it back: `cp \(location.backup) \(location.file)`.")
        }
        return make(
            .invalidInput, .missing, "There is no vault at \(location.file).",
            evidence: [.init("SENTINEL_HOME", location.home)], fix: fix)
    }

    static func alreadyExists(_ location: VaultLocation) -> SentinelError {
        make(
            .invalidInput, .alreadyExists, "A vault already exists at \(location.file); nothing was overwritten.",
            fix: [
                "Use it: `sentinel vault list`.",
                "To start over, move it away first: `mv \(location.file) \(location.file).old`.",
            ])
    }

    static func wrongPassword(_ location: VaultLocation) -> SentinelError {
        make(
            .authentication, .wrongPassword, "The vault password is wrong.",
            evidence: [.init("vault", location.file)],
            fix: [
                "Type the password again; it is case-sensitive. With --password-file or SENTINEL_PASSWORD_FILE, check "
                    + "the file holds the password on its first line.",
                "If you are sure the password is right, the file was modified on purpose; restore the backup: "
                    + restoreCommand(location) + ".",
            ])
    }

    static func damaged(
        _ problem: VaultProblem, _ cause: String, _ location: VaultLocation, evidence: [Diagnosis.Evidence] = []
    )
        -> SentinelError
    {
        make(
            .invalidInput, problem, cause + " Nothing was changed.",
            evidence: [.init("vault", location.file)] + evidence,
            fix: restoreSteps(location))
    }

    static func newerVersion(_ found: UInt16, _ location: VaultLocation) -> SentinelError {
        make(
            .unsupported, .newerVersion,
            "The vault was written by a newer Sentinel (format version \(found); this Sentinel reads up to "
                + "\(VaultHeader.currentVersion)). Nothing was changed.",
            evidence: [.init("vault", location.file)],
            fix: [
                "Upgrade Sentinel to the version that wrote this vault, or newer.",
                "Do not re-create the vault: the newer Sentinel can still open it.",
            ])
    }

    static func unsafeParameters(_ parameters: String, path: String?) -> SentinelError {
        make(
            .invalidInput, .unsafeParameters,
            "The vault's key-derivation parameters (\(parameters)) are outside what Sentinel accepts: the file is "
                + "damaged or was made to be hostile (it could otherwise take minutes or all memory to open, or use "
                + "parameters scrypt itself refuses). It was not unlocked.",
            evidence: path.map { [.init("vault", $0)] } ?? [],
            fix: [
                "Restore the backup (vault.sentinel.bak) if the vault was damaged.",
                "Accepted: N from 2^\(KDFParameters.smallestLog2N) (at most 2^15 with r = 1), r from 1 to 16, p from 1 "
                    + "to 16, at most \(KDFParameters.largestMemoryBytes >> 20) MiB of memory and twice the standard's "
                    + "work.",
            ])
    }

    static func permissionsTooWide(_ path: String, mode: UInt16, wanted: UInt16, isDirectory: Bool) -> SentinelError {
        let what = isDirectory ? "folder" : "file"
        return make(
            .invalidInput, .permissionsTooWide,
            "The \(what) \(path) can be read or changed by other users (mode \(octal(mode)), expected "
                + "\(octal(wanted))). Sentinel will not use it until only you can.",
            evidence: [.init("path", path), .init("mode", octal(mode))],
            fix: [
                "Run: chmod \(octal(wanted)) \(path)",
                "If other people can log in to this machine, consider changing the vault password afterwards "
                    + "(`sentinel vault passwd`).",
            ])
    }

    static func busy(_ location: VaultLocation) -> SentinelError {
        make(
            .invalidInput, .busy, "Another Sentinel process is saving the vault right now; nothing was changed.",
            evidence: [.init("lock", location.lockFile)],
            fix: ["Wait for the other command to finish, then run this one again."])
    }

    static func changedElsewhere(_ location: VaultLocation) -> SentinelError {
        make(
            .invalidInput, .changedElsewhere,
            "The vault was changed by another process after it was opened here; saving would undo that change, "
                + "so nothing was saved.",
            evidence: [.init("vault", location.file)],
            fix: ["Run the command again: it will start from the current vault."])
    }

    static func fileSystem(_ action: String, _ path: String, errno code: Int32) -> SentinelError {
        let reason = String(cString: strerror(code))
        return make(
            .invalidInput, .fileSystem, "Could not \(action) \(path): \(reason). The vault was not changed.",
            evidence: [.init("path", path), .init("errno", "\(code)")],
            fix: [
                "Check that the folder exists, is yours (ls -ld \((path as NSString).deletingLastPathComponent)) and "
                    + "that the disk is not full (df -h).",
                "Set SENTINEL_HOME to use another folder.",
            ])
    }

    static func restoreSteps(_ location: VaultLocation) -> [String] {
        if FileManager.default.fileExists(atPath: location.backup) {
            return [
                "Keep the damaged file for inspection: `mv \(location.file) \(location.file).damaged`.",
                "Restore the previous version from the backup: `cp \(location.backup) \(location.file)`, then "
                    + "`sentinel vault list` (the backup lacks only the last change).",
            ]
        }
        return [
            "There is no backup (\(location.backup)); if you keep copies of the vault elsewhere, restore one.",
            "Otherwise move the damaged file away (`mv \(location.file) \(location.file).damaged`), run "
                + "`sentinel vault init` and add your keys again.",
        ]
    }

    static func restoreCommand(_ location: VaultLocation) -> String {
        "`mv \(location.file) \(location.file).damaged && cp \(location.backup) \(location.file)`"
    }

    static func octal(_ mode: UInt16) -> String { "0" + String(mode, radix: 8) }
}
