import SentinelCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads from the terminal with echo off (termios), so that secrets typed or pasted never appear on screen or in
/// the scrollback. Prompts go to stderr; bytes are read one by one from the descriptor, never into a `String`.
enum TerminalInput {
    static var standardInputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    /// One line, without its line break, read with echo off.
    static func readHidden(prompt: String) throws(SentinelError) -> [UInt8] {
        try withEchoOff(prompt: prompt) { readLine() }
    }

    /// A secret that may be a PEM private key: after a `-----BEGIN` line, lines are read up to the `-----END`
    /// line and joined with line breaks.
    static func readHiddenSecret(prompt: String) throws(SentinelError) -> [UInt8] {
        try withEchoOff(prompt: prompt) {
            var bytes = readLine()
            guard bytes.drop(while: { $0 == 0x20 || $0 == 0x09 }).starts(with: Array("-----BEGIN".utf8)) else {
                return bytes
            }
            while true {
                let line = readLine()
                bytes.append(0x0A)
                bytes += line
                if line.isEmpty && atEndOfInput { break }
                if line.drop(while: { $0 == 0x20 || $0 == 0x09 }).starts(with: Array("-----END".utf8)) { break }
            }
            return bytes + [0x0A]
        }
    }

    /// A visible answer, for confirmations.
    static func readVisible(prompt: String) -> String {
        Console.prompt(prompt)
        return String(decoding: readLine(), as: UTF8.self)
    }

    nonisolated(unsafe) private static var atEndOfInput = false

    /// All of standard input (a piped credentials JSON). Foundation's `readDataToEndOfFile()` force-tries its read
    /// and so crashes when a signal interrupts it; this retries instead. At most `limit` bytes are kept.
    static func readAll(limit: Int = 1 << 20) -> [UInt8] {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while data.count < limit {
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            data += buffer[0..<count]
        }
        return data
    }

    private static func readLine() -> [UInt8] {
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(STDIN_FILENO, &byte, 1)
            if count < 0, errno == EINTR { continue }
            if count <= 0 {
                atEndOfInput = true
                break
            }
            if byte == 0x0A { break }
            line.append(byte)
        }
        if line.last == 0x0D { line.removeLast() }
        return line
    }

    private static func withEchoOff(prompt: String, _ body: () -> [UInt8]) throws(SentinelError) -> [UInt8] {
        guard standardInputIsTerminal else {
            throw .invalidInput(
                "Standard input is not a terminal, so Sentinel cannot ask for a secret without showing it.",
                fix: [
                    "Give the vault password in a file: --password-file FILE or SENTINEL_PASSWORD_FILE=FILE "
                        + "(chmod 600).",
                    "Give the key as JSON on standard input with --stdin: {\"apiKey\", \"secret\", \"passphrase\"}.",
                ])
        }
        var original = termios()
        guard tcgetattr(STDIN_FILENO, &original) == 0 else {
            throw .invalidInput("The terminal's settings could not be read.", fix: ["Run the command in a terminal."])
        }
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        silent.c_lflag |= tcflag_t(ECHONL)
        // Echo goes off before the prompt appears, so that nothing typed or pasted after it can show.
        TerminalRestore.save(original)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        Console.prompt(prompt)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &original)
            TerminalRestore.clear()
        }
        return body()
    }
}

/// Puts echo back if the user presses Ctrl-C (SIGINT) or Ctrl-\ (SIGQUIT), or the program is terminated (SIGTERM)
/// or hung up on (SIGHUP) at a hidden prompt; otherwise the shell would stay silent. Exits as the signal would
/// (128 + its number).
private enum TerminalRestore {
    nonisolated(unsafe) static var saved: termios?

    static func save(_ settings: termios) {
        saved = settings
        for signalNumber in signals {
            signal(signalNumber) { received in
                if var settings = TerminalRestore.saved { tcsetattr(STDIN_FILENO, TCSANOW, &settings) }
                _exit(128 + received)
            }
        }
    }

    static func clear() {
        saved = nil
        for signalNumber in signals { signal(signalNumber, SIG_DFL) }
    }

    private static let signals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
}
