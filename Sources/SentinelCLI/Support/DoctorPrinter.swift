import Foundation
import SentinelCore
import SentinelDoctor

/// Prints the doctor's checks for a person: one line per check as it finishes, a spinner while one runs on a
/// terminal, colour unless `NO_COLOR` is set or output is not a terminal.
actor DoctorPrinter {
    private let interactive: Bool
    private let color: Bool
    private var spinner: Task<Void, Never>?

    init() {
        interactive = isatty(STDOUT_FILENO) != 0
        color = interactive && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    func starting(_ id: DoctorCheckID) {
        guard interactive else { return }
        spinner?.cancel()
        spinner = Task {
            let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
            var index = 0
            while !Task.isCancelled {
                Self.write("\r  \(frames[index % frames.count]) \(id.rawValue)…\u{1B}[K")
                index += 1
                try? await Task.sleep(for: .milliseconds(80))
            }
        }
    }

    func finished(_ check: DoctorCheck) async {
        if let spinner {
            spinner.cancel()
            _ = await spinner.value
            self.spinner = nil
        }
        let (mark, tint) = Self.mark(check.status)
        let label = check.id.rawValue.padding(toLength: 21, withPad: " ", startingAt: 0)
        let status = check.status.rawValue.uppercased().padding(toLength: 4, withPad: " ", startingAt: 0)
        let line = "  \(mark) \(status)  \(label) \(check.summary)"
        Self.write((interactive ? "\r\u{1B}[K" : "") + (color ? "\u{1B}[\(tint)m\(line)\u{1B}[0m" : line) + "\n")
        if check.status == .fail || check.status == .warn {
            for (label, value) in check.evidence.sorted(by: { $0.key < $1.key }) {
                Self.write("           \(label): \(value)\n")
            }
            for (index, step) in check.fix.enumerated() { Self.write("           \(index + 1). \(step)\n") }
        }
    }

    static func summary(_ report: DoctorReport) -> String {
        let count = { (status: CheckStatus) in report.checks.filter { $0.status == status }.count }
        let verdict = report.ok ? "ready to trade" : "NOT ready: fix the failed checks above"
        return "\(report.key) (\(report.exchange)): \(count(.pass)) passed, \(counted(count(.warn), "warning")), "
            + "\(count(.fail)) failed, \(count(.skip)) skipped — \(verdict)."
    }

    private static func mark(_ status: CheckStatus) -> (String, String) {
        switch status {
        case .pass: ("✔", "32")
        case .warn: ("!", "33")
        case .fail: ("✘", "31")
        case .skip: ("–", "90")
        }
    }

    private static func write(_ text: String) {
        Console.write(text, to: STDOUT_FILENO)
    }
}
