import SentinelCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files that hold secrets outside the vault — a credentials file, a password file — are held to the vault's
/// standard: a regular file of this user that group and others can neither read nor write (refused, with the
/// `chmod` that fixes it, not merely warned about), of bounded size, opened without blocking (a FIFO planted in
/// its place cannot hang the command).
public enum PrivateFile {
    /// Reads `path` whole after those checks. `what` names the file in errors ("the credentials file").
    public static func read(_ path: String, what: String, limit: Int) throws(SentinelError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else {
            let code = errno
            throw SentinelError.invalidInput(
                "Cannot read \(what) \(path) (\(String(cString: strerror(code)))).",
                fix: ["Check the path, and that the file is readable by you (and only you: chmod 600 \(path))."])
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw SentinelError.invalidInput("Cannot read \(what) \(path).", fix: ["Check the path."])
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw SentinelError.invalidInput(
                "\(capitalized(what)) \(path) is not a regular file (a folder, a device or a pipe).",
                fix: ["Give the path of an ordinary file that only you can read (chmod 600)."])
        }
        guard info.st_uid == geteuid() else {
            throw SentinelError.invalidInput(
                "\(capitalized(what)) \(path) belongs to another user (uid \(info.st_uid)).",
                fix: ["Use a file of your own: copy it, then run: chmod 600 <the copy>"])
        }
        let mode = UInt16(info.st_mode & 0o7777)
        guard mode & 0o077 == 0 else {
            throw SentinelError.invalidInput(
                "\(capitalized(what)) \(path) can be read or changed by other users (mode \(octal(mode))). Sentinel "
                    + "will not use a secret others may have read or replaced.",
                fix: [
                    "Run: chmod 600 \(path)",
                    "If others could read it already, consider the secret seen: rotate it.",
                ])
        }
        guard Int(info.st_size) <= limit else {
            throw SentinelError.invalidInput(
                "\(capitalized(what)) \(path) is larger than \(limit) bytes; it cannot be what Sentinel expects.",
                fix: ["Check that the path names the right file."])
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        defer { for index in chunk.indices { chunk[index] = 0 } }
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw SentinelError.invalidInput("Cannot read \(what) \(path).", fix: ["Check the file."])
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
            guard bytes.count <= limit else {
                for index in bytes.indices { bytes[index] = 0 }
                throw SentinelError.invalidInput(
                    "\(capitalized(what)) \(path) is larger than \(limit) bytes; it cannot be what Sentinel expects.",
                    fix: ["Check that the path names the right file."])
            }
        }
        return bytes
    }

    private static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    private static func octal(_ mode: UInt16) -> String {
        "0" + String(mode, radix: 8)
    }
}

private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
