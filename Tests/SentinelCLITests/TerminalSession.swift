import Foundation
import SentinelTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A process whose standard input, output and error are the slave side of a pseudo-terminal. Each wait looks only
/// at what appeared after the text the previous wait found, so that a prompt shown several times ("Press Enter")
/// is answered once per showing. Its waits block: drive it from `CLIRunner.offPool` when a simulator runs in-process.
/// Used from one thread at a time.
final class TerminalSession: @unchecked Sendable {
    let process: ChildProcess
    private let master: Int32
    /// Everything shown so far, as bytes: a read may end in the middle of a character.
    private var shown: [UInt8] = []
    var screen: String { String(decoding: shown, as: UTF8.self) }
    /// Where the next wait starts looking.
    private var cursor = 0

    init(_ arguments: [String], environment: [String: String], unset: [String] = []) throws {
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard master >= 0, let name = Self.unlockedSlaveName(master) else { throw CocoaError(.fileNoSuchFile) }
        let slave = open(name, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw CocoaError(.fileNoSuchFile) }
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        process = try ChildProcess(
            CLIRunner.executable, arguments, environment: ChildProcess.environment(environment, unset: unset),
            input: .handle(terminal), output: .handle(terminal), error: .handle(terminal))
        try terminal.close()
    }

    /// grantpt/unlockpt/ptsname, which Glibc's Swift module does not expose: the ioctls behind them.
    private static func unlockedSlaveName(_ master: Int32) -> String? {
        #if os(Linux)
            var unlock: Int32 = 0
            var number: UInt32 = 0
            let setLock: UInt = 0x4004_5431  // TIOCSPTLCK
            let getNumber: UInt = 0x8004_5430  // TIOCGPTN
            guard ioctl(master, setLock, &unlock) == 0, ioctl(master, getNumber, &number) == 0 else { return nil }
            return "/dev/pts/\(number)"
        #else
            guard grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master) else { return nil }
            return String(cString: name)
        #endif
    }

    /// Reads what the program shows until `text` appears (or `patience` passes), then types `line` and Enter.
    func answer(_ text: String, with line: String) throws {
        try waitFor(text)
        type(line)
    }

    /// Types `line` and Enter.
    func type(_ line: String) {
        _ = line.utf8CString.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count - 1) }
        _ = write(master, "\n", 1)
    }

    func waitFor(_ text: String) throws {
        _ = try waitFor(any: [text])
    }

    /// Waits until one of `texts` appears after the cursor; returns the one that appears first on the screen.
    func waitFor(any texts: [String]) throws -> String {
        let deadline = Date().addingTimeInterval(Self.patience)
        while true {
            let rest = Array(shown.dropFirst(cursor))
            let found = texts.compactMap { text -> (String, Int)? in
                Self.firstIndex(of: Array(text.utf8), in: rest).map { (text, $0) }
            }.min { $0.1 < $1.1 }
            if let (text, offset) = found {
                cursor += offset + text.utf8.count
                return text
            }
            guard Date() < deadline, readSome() else {
                Issue.record("never saw \(texts); screen so far: \(screen)")
                throw CocoaError(.fileReadUnknown)
            }
        }
    }

    /// The text from `start` through `end`, both found after the cursor.
    func text(from start: String, through end: String) throws -> String {
        try waitFor(start)
        let from = cursor - start.utf8.count
        try waitFor(end)
        return String(decoding: shown[from..<cursor], as: UTF8.self)
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle { return start }
        }
        return nil
    }

    /// How long a wait lasts before the test fails: generous, because on a loaded 2-core machine running two test
    /// suites at once a doctor run behind a prompt was seen to take over 20 s.
    static let patience: TimeInterval = 90

    /// Whether the terminal echoes what is typed: the settings the program left on the terminal, read from the
    /// master side (the pair shares one set of settings).
    var echoes: Bool {
        if let echoedAtExit { return echoedAtExit }
        var settings = termios()
        guard tcgetattr(master, &settings) == 0 else { return false }
        return settings.c_lflag & tcflag_t(ECHO) != 0
    }

    /// `echoes` as the program left it, read just before `finish()` closed the master side.
    private var echoedAtExit: Bool?

    /// Everything until the program exits.
    func finish() -> Int32 {
        while readSome() {}
        process.waitUntilExit()
        echoedAtExit = echoes
        close(master)
        return process.terminationStatus
    }

    private func readSome() -> Bool {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(Self.patience * 1000)) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        guard count > 0 else { return false }
        shown += buffer[0..<count]
        return true
    }
}
