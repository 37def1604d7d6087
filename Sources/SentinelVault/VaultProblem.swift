import SentinelCore

/// What went wrong with the vault, for code that must tell the cases apart (the CLI's exit paths, the doctor,
/// tests). Carried in every vault error's evidence under `problem`; read it with `SentinelError.vaultProblem`.
public enum VaultProblem: String, Sendable, Hashable, CaseIterable {
    case missing = "missing"
    case alreadyExists = "already-exists"
    case wrongPassword = "wrong-password"
    case notAVault = "not-a-vault"
    case corrupted = "corrupted"
    case truncated = "truncated"
    case newerVersion = "newer-version"
    case unsafeParameters = "unsafe-parameters"
    case permissionsTooWide = "permissions-too-wide"
    case busy = "busy"
    case changedElsewhere = "changed-elsewhere"
    case fileSystem = "file-system"
    case weakPassword = "weak-password"
    case invalidName = "invalid-name"
    case entryExists = "entry-exists"
    case entryNotFound = "entry-not-found"
    case invalidEntry = "invalid-entry"
}

extension SentinelError {
    /// The vault problem this error reports, or nil for errors from elsewhere.
    public var vaultProblem: VaultProblem? {
        diagnosis.evidence.first { $0.label == VaultError.problemLabel }.flatMap { VaultProblem(rawValue: $0.value) }
    }
}
