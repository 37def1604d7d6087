import SentinelCore

/// The vault's entries in memory, with the password needed to save them again. Changes stay in memory until
/// `save()`, which writes the whole vault with a fresh salt and nonce.
public struct UnlockedVault: Sendable {
    public let location: VaultLocation
    public private(set) var entries: [VaultEntry]
    /// The scrypt parameters the vault is saved with.
    public private(set) var kdfParameters: KDFParameters
    private var password: SecretText
    /// SHA-256 of the file as last read or written: a save refuses to overwrite a vault another process changed.
    private var baseline: [UInt8]?

    init(
        location: VaultLocation, password: SecretText, kdfParameters: KDFParameters, entries: [VaultEntry],
        baseline: [UInt8]?
    ) {
        self.location = location
        self.password = password
        self.kdfParameters = kdfParameters
        self.entries = entries
        self.baseline = baseline
    }

    /// True when the vault was created with cheaper-than-standard KDF parameters (tests); `vault passwd` fixes it.
    public var isBelowStandardKDF: Bool { kdfParameters.isBelowStandard }

    public func entry(named name: String) -> VaultEntry? {
        entries.first { $0.name == name }
    }

    /// The entry called `name`, or an error listing what the vault holds.
    public func requireEntry(named name: String) throws(SentinelError) -> VaultEntry {
        guard let entry = entry(named: name) else { throw entryNotFound(name) }
        return entry
    }

    /// Adds a new entry. Refuses a name in use, an empty product list, a product or environment the exchange does
    /// not have, and credentials that fail `CredentialCheck.validate`.
    public mutating func add(_ entry: VaultEntry) throws(SentinelError) {
        try checkNameAvailable(entry.name)
        try Self.checkEntry(entry)
        entries.append(entry)
    }

    /// Throws unless `name` is a valid name that no entry uses yet, so that a command can check before it asks
    /// for the key.
    public func checkNameAvailable(_ name: String) throws(SentinelError) {
        try VaultEntryName.check(name)
        guard entry(named: name) == nil else {
            throw VaultError.make(
                .invalidInput, .entryExists, "The vault already has a key named \"\(name)\".",
                fix: [
                    "Choose another name (one key per bot or strategy is the recommended practice).",
                    "To put a new key in its place, use `sentinel vault rotate \(name)`.",
                ])
        }
    }

    /// Replaces the entry with the same name.
    public mutating func replace(_ entry: VaultEntry) throws(SentinelError) {
        guard let index = entries.firstIndex(where: { $0.name == entry.name }) else {
            throw entryNotFound(entry.name)
        }
        try Self.checkEntry(entry)
        entries[index] = entry
    }

    @discardableResult
    public mutating func remove(named name: String) throws(SentinelError) -> VaultEntry {
        guard let index = entries.firstIndex(where: { $0.name == name }) else { throw entryNotFound(name) }
        return entries.remove(at: index)
    }

    public mutating func rename(_ name: String, to newName: String) throws(SentinelError) {
        guard let index = entries.firstIndex(where: { $0.name == name }) else { throw entryNotFound(name) }
        try VaultEntryName.check(newName)
        guard newName == name || entry(named: newName) == nil else {
            throw VaultError.make(
                .invalidInput, .entryExists, "The vault already has a key named \"\(newName)\".",
                fix: ["Choose another name, or remove that key first: `sentinel vault remove \(newName)`."])
        }
        entries[index].name = newName
    }

    /// Writes the vault: a fresh salt and nonce, the previous version kept as `vault.sentinel.bak`, under an
    /// exclusive lock, and only if no other process changed the file since it was opened here.
    public mutating func save() throws(SentinelError) {
        let lock = try FileLock(location)
        defer { withExtendedLifetime(lock) {} }
        try writeLocked()
    }

    /// Sets a new password (and optionally other KDF parameters) and saves at once. The backup is replaced by the
    /// new version too: a password is changed because the old one may be known, so no file may still open with it.
    public mutating func changePassword(to newPassword: SecretText, parameters: KDFParameters? = nil)
        throws(SentinelError)
    {
        try VaultPassword.checkNew(newPassword)
        let previous = (password, kdfParameters, baseline)
        password = newPassword
        kdfParameters = parameters ?? kdfParameters
        let lock: FileLock
        do {
            lock = try FileLock(location)
            // The marker goes down first: if the process dies between the vault's rename and the backup's, the
            // next open finds it and rewrites the backup, so that the old password opens nothing.
            try DurableFile.createMarker(location.rekeyMarker, folder: location.home)
            try writeLocked(backupIsNewVersion: true, stage: .vault)
        } catch {
            // Only if the vault itself was not rewritten (a failure after its rename keeps the new password).
            if baseline == previous.2 { (password, kdfParameters) = (previous.0, previous.1) }
            throw error
        }
        defer { withExtendedLifetime(lock) {} }
        // From here the vault is under the new password whatever happens: a failure is reported as such.
        do {
            try writeLocked(backupIsNewVersion: true, stage: .backup)
        } catch {
            throw Self.backupNotReplaced(location, error: error, removed: Self.removeBackup(location))
        }
        try? DurableFile.removeMarker(location.rekeyMarker, folder: location.home)
    }

    /// The vault is under the new password but the backup could not be replaced: it is removed if possible (it
    /// opens with the old password), and the message says exactly which state the files are in.
    static func backupNotReplaced(_ location: VaultLocation, error: SentinelError, removed: Bool) -> SentinelError {
        let reason = error.diagnosis.evidence.first { $0.label == "errno" }.map { "errno \($0.value)" } ?? "see below"
        return VaultError.make(
            .invalidInput, .fileSystem,
            "The vault password WAS changed: the vault now opens only with the new password. But its backup "
                + "could not be replaced (\(reason)), and "
                + (removed
                    ? "so the backup was deleted: nothing opens with the old password."
                    : "it could not be deleted either: \(location.backup) still opens with the OLD password."),
            evidence: [.init("vault", location.file), .init("backup", location.backup)],
            fix: removed
                ? ["Keep using the new password. The next save writes a new backup."]
                : [
                    "Keep using the new password.",
                    "Delete the old backup yourself: rm \(location.backup)  (or run any command that opens the "
                        + "vault: it rewrites the backup).",
                ])
    }

    private static func removeBackup(_ location: VaultLocation) -> Bool {
        (try? DurableFile.remove(location.backup, folder: location.home)) != nil
    }

    /// Which part of a password change's save to do: the vault, then (as a separate step, so that a failure
    /// there is told apart) the backup; `.both` for a plain save.
    enum SaveStage { case both, vault, backup }

    /// The save itself; the caller holds the lock.
    mutating func writeLocked(backupIsNewVersion: Bool = false, stage: SaveStage = .both) throws(SentinelError) {
        if stage == .backup {
            guard let current = try DurableFile.contents(of: location.file), Vault.digest(current) == baseline else {
                throw VaultError.changedElsewhere(location)
            }
            try DurableFile.replace(
                location.backup, with: current, through: location.temporaryBackup, folder: location.home)
            return
        }
        let current = try DurableFile.contents(of: location.file)
        guard current.map(Vault.digest) == baseline else { throw VaultError.changedElsewhere(location) }
        var payload = VaultPayload.encode(entries)
        defer { for index in payload.indices { payload[index] = 0 } }
        let sealed = try VaultFileFormat.seal(payload, password: password, parameters: kdfParameters)
        // The backup is written before the vault, so that a crash in between leaves two good copies. After a
        // password change the vault goes first: a crash then leaves it under the new password, as asked.
        if !backupIsNewVersion, let current {
            try DurableFile.replace(
                location.backup, with: current, through: location.temporaryBackup, folder: location.home)
        }
        try DurableFile.replace(location.file, with: sealed, through: location.temporaryFile, folder: location.home)
        baseline = Vault.digest(sealed)
        if backupIsNewVersion, stage == .both {
            try DurableFile.replace(
                location.backup, with: sealed, through: location.temporaryBackup, folder: location.home)
        }
    }

    private static func checkEntry(_ entry: VaultEntry) throws(SentinelError) {
        guard !entry.products.isEmpty, Set(entry.products).count == entry.products.count else {
            throw VaultError.make(
                .invalidInput, .invalidEntry, "The key \"\(entry.name)\" needs one or more distinct products.",
                fix: ["Give --product spot, linear or inverse (repeat it for several)."])
        }
        _ = try entry.venues
        // Well-formed, without user information; whether plain HTTP may be used is decided where it is used.
        if let endpoint = entry.environment.customEndpoint { _ = try EndpointURL(endpoint, allowInsecureHTTP: true) }
        try CredentialCheck.validate(
            apiKey: entry.apiKey, secret: entry.secret, passphrase: entry.passphrase, for: entry.exchange)
        if let label = entry.label, label.utf8.count > 200 || label.utf8.contains(where: { $0 < 0x20 }) {
            throw VaultError.make(
                .invalidInput, .invalidEntry, "The label is longer than 200 characters or has line breaks.",
                fix: ["Use a short one-line label, e.g. \"Sentinel - BTC strategy\"."])
        }
    }

    private func entryNotFound(_ name: String) -> SentinelError {
        let names = entries.map(\.name)
        return VaultError.make(
            .invalidInput, .entryNotFound, "The vault has no key named \"\(name.prefix(80))\".",
            evidence: [.init("keys in the vault", names.isEmpty ? "none" : names.joined(separator: ", "))],
            fix: [
                "See the stored keys with `sentinel vault list`.",
                "Add one with `sentinel vault add NAME --exchange X`.",
            ])
    }
}
