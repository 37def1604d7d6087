import SentinelCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// File writes that a crash cannot tear: the new bytes go to a temporary file that is flushed to disk, then
/// renamed over the old file (rename is atomic), then the folder itself is flushed so that the rename survives a
/// power cut. At every instant the destination holds either the old bytes or the new ones.
enum DurableFile {
    /// Larger than any real vault by far; a bigger file is refused before it is read into memory.
    static let largestReadable = 64 << 20

    static func replace(_ path: String, with bytes: [UInt8], through temporary: String, folder: String)
        throws(SentinelError)
    {
        // The temporary file is always a new one: whatever is at its name (what a killed writer left, or a planted
        // symlink or hard link to another file) is unlinked, and O_EXCL | O_NOFOLLOW create a fresh inode, so the
        // new bytes are never written through a link into some other file.
        if unlink(temporary) != 0, errno != ENOENT { throw VaultError.fileSystem("remove", temporary, errno: errno) }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw VaultError.fileSystem("create", temporary, errno: errno) }
        var closed = false
        defer { if !closed { close(descriptor) } }
        guard fchmod(descriptor, 0o600) == 0 else { throw VaultError.fileSystem("protect", temporary, errno: errno) }
        try writeAll(bytes, to: descriptor, path: temporary)
        guard fsync(descriptor) == 0 else { throw VaultError.fileSystem("flush", temporary, errno: errno) }
        closed = true
        guard close(descriptor) == 0 else { throw VaultError.fileSystem("close", temporary, errno: errno) }
        guard rename(temporary, path) == 0 else { throw VaultError.fileSystem("replace", path, errno: errno) }
        try flushFolder(folder)
    }

    /// The file's bytes, or nil when it does not exist. Only a regular file is read: a symlink is refused
    /// (O_NOFOLLOW) and a FIFO or device cannot block the open (O_NONBLOCK) before it is refused.
    static func contents(of path: String) throws(SentinelError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            if errno == ELOOP { throw notRegular(path, kind: "a symbolic link") }
            throw VaultError.fileSystem("read", path, errno: errno)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw VaultError.fileSystem("read", path, errno: errno) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw notRegular(path, kind: info.st_mode & S_IFMT == S_IFDIR ? "a folder" : "a pipe, socket or device")
        }
        guard Int(info.st_size) <= largestReadable else { throw VaultError.fileSystem("read", path, errno: EFBIG) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw VaultError.fileSystem("read", path, errno: errno)
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
            guard bytes.count <= largestReadable else { throw VaultError.fileSystem("read", path, errno: EFBIG) }
        }
        return bytes
    }

    static func notRegular(_ path: String, kind: String) -> SentinelError {
        VaultError.make(
            .invalidInput, .fileSystem,
            "\(path) is \(kind), not a regular file; Sentinel reads and writes its vault only as a regular file of "
                + "its own. Nothing was read or changed.",
            evidence: [.init("path", path)],
            fix: [
                "Move it away (mv \(path) \(path).moved) and put the vault file itself there.",
                "Or set SENTINEL_HOME to a folder of your own.",
            ])
    }

    /// Creates an empty marker file and makes its existence durable.
    static func createMarker(_ path: String, folder: String) throws(SentinelError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw VaultError.fileSystem("create", path, errno: errno) }
        close(descriptor)
        try flushFolder(folder)
    }

    static func removeMarker(_ path: String, folder: String) throws(SentinelError) {
        try remove(path, folder: folder)
    }

    /// Unlinks `path` (absent is fine) and makes that durable.
    static func remove(_ path: String, folder: String) throws(SentinelError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw VaultError.fileSystem("remove", path, errno: errno) }
        try flushFolder(folder)
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func flushFolder(_ folder: String) throws(SentinelError) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw VaultError.fileSystem("open", folder, errno: errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw VaultError.fileSystem("flush", folder, errno: errno) }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(SentinelError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw VaultError.fileSystem("write", path, errno: errno)
            }
            written += count
        }
    }
}
