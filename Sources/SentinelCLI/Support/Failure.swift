import ArgumentParser
import Foundation
import SentinelCore

/// Prints a `SentinelError` for a person on stderr — cause, evidence, numbered fix — and ends with exit code 1.
/// Nothing goes to stdout, so scripts reading stdout never mistake an error for output.
enum Failure {
    static func report(_ error: SentinelError) -> ExitCode {
        var lines = ["error: \(error.diagnosis.cause)"]
        if let code = error.exchangeCode { lines.append("  exchange code: \(code)") }
        for item in error.diagnosis.evidence { lines.append("  \(item.label): \(item.value)") }
        if !error.diagnosis.fix.isEmpty {
            lines.append("fix:")
            for (index, step) in error.diagnosis.fix.enumerated() { lines.append("  \(index + 1). \(step)") }
        }
        Console.error(lines.joined(separator: "\n"))
        return ExitCode(1)
    }
}

/// Everything the CLI prints goes through here, unbuffered, straight to the descriptor, so lines from the doctor's
/// printer and from plain output never reorder. A closed reader (`| head`) is not an error: output stops quietly
/// and the command finishes its work (cleanup included).
enum Console {
    static func output(_ text: String) {
        write(text + "\n", to: STDOUT_FILENO)
    }

    static func error(_ text: String) {
        write(text + "\n", to: STDERR_FILENO)
    }

    /// Writes all of `text`, retrying short writes; gives up silently once the reader has gone.
    static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { buffer in
                #if canImport(Glibc)
                Glibc.write(descriptor, buffer.baseAddress, buffer.count)
                #else
                Darwin.write(descriptor, buffer.baseAddress, buffer.count)
                #endif
            }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return  // EPIPE and the like: nobody is reading any more.
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
