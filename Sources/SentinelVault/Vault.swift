import Crypto
import SentinelCore

/// Creates and opens the encrypted vault. Everything in it — names, exchanges, API keys, secrets, passphrases —
/// is encrypted with AES-256-GCM under a key derived from the password with scrypt; only the header (format
/// version, KDF parameters, salt, nonce) is in clear text, and it is authenticated.
public enum Vault {
    public static func exists(at location: VaultLocation) -> Bool {
        DurableFile.exists(location.file)
    }

    /// Throws what `open` would before it needs the password — no vault here (with how to create one), or
    /// permissions too wide — so that a command can fail before asking for a password it could not use.
    public static func checkOpenable(at location: VaultLocation) throws(SentinelError) {
        try FilePermissions.checkPrivate(location.home, isDirectory: true)
        guard exists(at: location) else { throw VaultError.missing(location) }
        try FilePermissions.checkPrivate(location.file, isDirectory: false)
    }

    /// Throws what `create` would before it needs a password: a vault already here, or a folder open to others.
    public static func checkCreatable(at location: VaultLocation) throws(SentinelError) {
        try FilePermissions.checkPrivate(location.home, isDirectory: true)
        guard !exists(at: location) else { throw VaultError.alreadyExists(location) }
    }

    /// Creates an empty vault, the folder (mode 0700) if needed, and the file (mode 0600). Refuses to overwrite an
    /// existing vault. `parameters` other than `.standard` are for tests (`KDFParameters.weakForTesting`).
    public static func create(
        at location: VaultLocation, password: SecretText, parameters: KDFParameters = .standard
    ) throws(SentinelError) -> UnlockedVault {
        try VaultPassword.checkNew(password)
        try FilePermissions.preparePrivateFolder(location.home)
        let lock = try FileLock(location)
        defer { withExtendedLifetime(lock) {} }
        guard !exists(at: location) else { throw VaultError.alreadyExists(location) }
        var vault = UnlockedVault(
            location: location, password: password, kdfParameters: parameters, entries: [], baseline: nil)
        try vault.writeLocked()
        return vault
    }

    /// Opens the vault with `password`. Checks, in order: the folder's and file's permissions, the file's
    /// signature, integrity (truncation, damage), format version and KDF bounds, and only then spends the KDF's
    /// time on the password. Never changes the vault file; it rewrites the backup only after a password change
    /// that was interrupted (see `finishInterruptedPasswordChange`).
    public static func open(at location: VaultLocation, password: SecretText) throws(SentinelError) -> UnlockedVault {
        try FilePermissions.checkPrivate(location.home, isDirectory: true)
        guard let file = try DurableFile.contents(of: location.file) else { throw VaultError.missing(location) }
        try FilePermissions.checkPrivate(location.file, isDirectory: false)
        var opened = try VaultFileFormat.open(file, password: password, location: location)
        defer { for index in opened.payload.indices { opened.payload[index] = 0 } }
        let entries = try VaultPayload.decode(opened.payload, location: location)
        finishInterruptedPasswordChange(at: location, opened: file)
        return UnlockedVault(
            location: location, password: password, kdfParameters: opened.parameters, entries: entries,
            baseline: digest(file))
    }

    /// The KDF parameters the vault was saved with, read without the password (for the doctor and `vault list`).
    public static func kdfParameters(at location: VaultLocation) throws(SentinelError) -> KDFParameters {
        guard let file = try DurableFile.contents(of: location.file) else { throw VaultError.missing(location) }
        return try VaultFileFormat.parameters(of: file, location: location)
    }

    /// A password change that died between the vault's rename and the backup's left the backup under the old
    /// password (and the marker in place). The current password just opened `opened`, so the backup is replaced
    /// by it — or deleted if that fails — and "the old password opens nothing" holds again. Best effort: a
    /// failure leaves the marker for the next open.
    static func finishInterruptedPasswordChange(at location: VaultLocation, opened: [UInt8]) {
        guard DurableFile.exists(location.rekeyMarker) else { return }
        guard let lock = try? FileLock(location) else { return }
        defer { withExtendedLifetime(lock) {} }
        guard let current = try? DurableFile.contents(of: location.file), digest(current) == digest(opened) else {
            return
        }
        do {
            try DurableFile.replace(
                location.backup, with: current, through: location.temporaryBackup, folder: location.home)
        } catch {
            guard (try? DurableFile.remove(location.backup, folder: location.home)) != nil else { return }
        }
        try? DurableFile.removeMarker(location.rekeyMarker, folder: location.home)
    }

    static func digest(_ bytes: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: bytes))
    }
}
