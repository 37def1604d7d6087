import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A child process started with `posix_spawn`, for the tests that run `sentinel` as a user would, and for the
/// headless browser the page tests drive.
///
/// Not Foundation's `Process`: on Linux its `run()` reads 256 bytes past each `/proc/self/fd` entry
/// (swift-corelibs-foundation PR #5472, unfixed in Swift 6.3.1) and crashed a CI run with a segmentation fault once
/// the test process held ~1,350 descriptors (the in-process simulators' sockets). Here every descriptor above
/// standard error is closed in the child by `closefrom`, which needs no walk of that folder.
public final class ChildProcess: @unchecked Sendable {
    /// What a standard stream of the child is connected to.
    public enum Stream {
        case nullDevice
        /// The child gets the pipe's writing end (output) or reading end (input); the parent closes that end.
        case pipe(Pipe)
        /// The child gets this descriptor; the parent keeps it.
        case handle(FileHandle)
    }

    public let processIdentifier: pid_t
    /// Whether the child was started as the leader of a process group of its own (`newProcessGroup`).
    public let leadsProcessGroup: Bool
    private let lock = NSLock()
    private var waitStatus: Int32?

    /// Starts `executable`. With `newProcessGroup` the child leads a process group of its own (its id is the child's
    /// pid), so that `signalGroup` reaches it and every process it starts that stays in the group (a browser's helpers).
    public init(
        _ executable: URL, _ arguments: [String], environment: [String: String], input: Stream = .nullDevice,
        output: Stream = .nullDevice, error: Stream = .nullDevice, directory: URL? = nil, newProcessGroup: Bool = false
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (stream, target, isInput) in [(input, Int32(0), true), (output, 1, false), (error, 2, false)] {
            switch stream {
            case .nullDevice:
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", isInput ? O_RDONLY : O_WRONLY, 0)
            case .pipe(let pipe):
                let end = isInput ? pipe.fileHandleForReading : pipe.fileHandleForWriting
                posix_spawn_file_actions_adddup2(&actions, end.fileDescriptor, target)
            case .handle(let handle):
                posix_spawn_file_actions_adddup2(&actions, handle.fileDescriptor, target)
            }
        }
        guard let closeFrom = GlibcSpawnExtensions.closeFrom, let changeDirectory = GlibcSpawnExtensions.changeDirectory
        else { throw POSIXError(.ENOSYS) }
        _ = closeFrom(&actions, 3)
        if let directory { _ = changeDirectory(&actions, directory.path) }

        // The child starts with default signal handling and nothing blocked, whatever the test process set.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t()
        var none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        var flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
        if newProcessGroup {
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= POSIX_SPAWN_SETPGROUP
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable.path, &actions, &attributes, argv, envp)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL) }
        processIdentifier = pid
        leadsProcessGroup = newProcessGroup
        for case (.pipe(let pipe), let isInput) in [(input, true), (output, false), (error, false)] {
            try? (isInput ? pipe.fileHandleForReading : pipe.fileHandleForWriting).close()
        }
    }

    /// The environment of the test process with `overrides` applied.
    public static func environment(_ overrides: [String: String], unset: [String] = []) -> [String: String] {
        var merged = ProcessInfo.processInfo.environment.merging(overrides) { $1 }
        for name in unset { merged[name] = nil }
        return merged
    }

    public func waitUntilExit() {
        lock.lock()
        defer { lock.unlock() }
        guard waitStatus == nil else { return }
        var status: Int32 = 0
        while waitpid(processIdentifier, &status, 0) < 0, errno == EINTR {}
        waitStatus = status
    }

    public var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        guard waitStatus == nil else { return false }
        var status: Int32 = 0
        guard waitpid(processIdentifier, &status, WNOHANG) == processIdentifier else { return true }
        waitStatus = status
        return false
    }

    /// Whether a signal ended it (`terminationStatus` is then the signal's number, as with Foundation's `Process`).
    public var endedBySignal: Bool { signalNumber != 0 }

    /// The exit code, or the number of the signal that ended it. Call after `waitUntilExit()`.
    public var terminationStatus: Int32 {
        let signal = signalNumber
        return signal != 0 ? signal : (status >> 8) & 0xff
    }

    public func interrupt() { kill(processIdentifier, SIGINT) }
    public func terminate() { kill(processIdentifier, SIGTERM) }

    /// Sends `signal` to every process of the child's group, even after the child itself has ended; only for a child
    /// started with `newProcessGroup` (otherwise the group is the test process's own, and nothing is sent).
    public func signalGroup(_ signal: Int32) {
        guard leadsProcessGroup else { return }
        kill(-processIdentifier, signal)
    }

    private var status: Int32 {
        lock.lock()
        defer { lock.unlock() }
        return waitStatus ?? 0
    }

    private var signalNumber: Int32 {
        let low = status & 0x7f
        return low != 0 && low != 0x7f ? low : 0
    }
}

/// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+) and `_addchdir_np` (2.29+), which Swift's Glibc module
/// does not import (they are declared for `_GNU_SOURCE` only).
private enum GlibcSpawnExtensions {
    typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    typealias ChangeDirectory = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>)
        -> Int32

    static let closeFrom: CloseFrom? = symbol("posix_spawn_file_actions_addclosefrom_np")
    static let changeDirectory: ChangeDirectory? = symbol("posix_spawn_file_actions_addchdir_np")

    private static func symbol<T>(_ name: String) -> T? {
        guard let address = dlsym(nil, name) else { return nil }
        return unsafeBitCast(address, to: T.self)
    }
}
