// SentinelVault: the encrypted keystore — scrypt and AES-256-GCM over one file, atomic saves, credential hygiene.
import SentinelCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where Sentinel keeps its data: `SENTINEL_HOME`, or `~/.sentinel`.
public enum SentinelHome {
    public static func path(environment: [String: String]) -> String {
        if let home = environment["SENTINEL_HOME"], !home.isEmpty { return home }
        return (environment["HOME"] ?? ".") + "/.sentinel"
    }

    /// Makes `path` (a file directly in the Sentinel home, such as the order journal) ready to be opened by a
    /// library that creates files with the umask's mode: the home is created 0700 or checked private (a file
    /// there is reported as such), and the file is created empty with mode 0600 (O_EXCL, no symlink followed),
    /// or, when it exists, checked to be a regular file of this user that only this user can read and write.
    public static func preparePrivateFile(_ path: String) throws(SentinelError) {
        let folder = FilePermissions.parentFolder(of: path)
        try FilePermissions.preparePrivateFolder(folder)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            defer { close(descriptor) }
            guard fchmod(descriptor, 0o600) == 0 else { throw VaultError.fileSystem("protect", path, errno: errno) }
            return
        }
        guard errno == EEXIST else { throw VaultError.fileSystem("create", path, errno: errno) }
        var info = stat()
        guard lstat(path, &info) == 0 else { throw VaultError.fileSystem("read", path, errno: errno) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            let kind = info.st_mode & S_IFMT == S_IFLNK ? "a symbolic link" : "a folder, pipe or device"
            throw DurableFile.notRegular(path, kind: kind)
        }
        try FilePermissions.checkPrivate(path, isDirectory: false)
    }
}
