import SentinelCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive advisory lock (`flock`) on the vault's lock file, held while a process writes. The kernel drops it
/// when the process dies, so a crash never leaves the vault locked.
final class FileLock {
    private let descriptor: Int32

    /// Waits up to `timeout` seconds for another writer to finish, then gives up with `busy`.
    init(_ location: VaultLocation, timeout: Double = 3) throws(SentinelError) {
        let path = location.lockFile
        let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw VaultError.fileSystem("create", path, errno: errno) }
        let attempts = max(1, Int(timeout / 0.05))
        for attempt in 0..<attempts {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                self.descriptor = descriptor
                return
            }
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let code = errno
                close(descriptor)
                throw VaultError.fileSystem("lock", path, errno: code)
            }
            if attempt < attempts - 1 { usleep(50_000) }
        }
        close(descriptor)
        throw VaultError.busy(location)
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
