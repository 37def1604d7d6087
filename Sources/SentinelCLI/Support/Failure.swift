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

enum Console {
    static func output(_ text: String) {
        print(text)
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
