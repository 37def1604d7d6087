import SentinelCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The vault folder is 0700 and the vault 0600: set so when Sentinel creates them, and a refusal with the chmod
/// that fixes it when they are found readable or writable by others.
enum FilePermissions {
    static let privateFolder: UInt16 = 0o700
    static let privateFile: UInt16 = 0o600

    /// Throws when `path` exists and group or others have any access to it, or when a folder is expected and it
    /// is something else (`SENTINEL_HOME` naming a file).
    static func checkPrivate(_ path: String, isDirectory: Bool) throws(SentinelError) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        if isDirectory, info.st_mode & S_IFMT != S_IFDIR { throw notAFolder(path) }
        let mode = UInt16(info.st_mode & 0o7777)
        if mode & 0o077 != 0 {
            throw VaultError.permissionsTooWide(
                path, mode: mode, wanted: isDirectory ? privateFolder : privateFile, isDirectory: isDirectory)
        }
        if info.st_uid != geteuid() {
            throw VaultError.make(
                .invalidInput, .permissionsTooWide,
                "\(path) belongs to another user (uid \(info.st_uid)); Sentinel uses only a vault that is yours.",
                evidence: [.init("path", path)],
                fix: ["Run: sudo chown \(geteuid()) \(path)", "Or set SENTINEL_HOME to a folder of your own."])
        }
    }

    /// Creates `folder` (and missing parents) with mode 0700, or checks an existing one.
    static func preparePrivateFolder(_ folder: String) throws(SentinelError) {
        var info = stat()
        if stat(folder, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw notAFolder(folder) }
            try checkPrivate(folder, isDirectory: true)
            return
        }
        let parent = parentFolder(of: folder)
        if parent != folder, !DurableFile.exists(parent) {
            guard mkdirParents(parent) else { throw VaultError.fileSystem("create", parent, errno: errno) }
        }
        guard mkdir(folder, mode_t(privateFolder)) == 0 || errno == EEXIST else {
            throw VaultError.fileSystem("create", folder, errno: errno)
        }
        // mkdir's mode is filtered by the umask; chmod is not.
        guard chmod(folder, mode_t(privateFolder)) == 0 else {
            throw VaultError.fileSystem("protect", folder, errno: errno)
        }
    }

    /// `SENTINEL_HOME` (or `~/.sentinel`) names something that is not a folder.
    static func notAFolder(_ path: String) -> SentinelError {
        VaultError.make(
            .invalidInput, .fileSystem,
            "The Sentinel home \(path) is a file, not a folder. Sentinel keeps its vault and order journal in a "
                + "private folder there.",
            evidence: [.init("path", path)],
            fix: [
                "Point SENTINEL_HOME at a folder (it is created with mode 0700 if missing), e.g. "
                    + "export SENTINEL_HOME=$HOME/.sentinel",
                "Or move the file away: mv \(path) \(path).moved",
            ])
    }

    private static func mkdirParents(_ folder: String) -> Bool {
        if DurableFile.exists(folder) { return true }
        let parent = parentFolder(of: folder)
        if parent != folder, !mkdirParents(parent) { return false }
        return mkdir(folder, 0o755) == 0 || errno == EEXIST
    }

    static func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
