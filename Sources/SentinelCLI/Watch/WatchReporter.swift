import Foundation
import Sentinel

/// Prints findings as they are found — a block for people, or one JSON object a line — once each per run, and
/// hands each to the `--on-finding` hook.
final class WatchReporter: @unchecked Sendable {
    private let json: Bool
    private let threshold: ActivityFinding.Severity
    private let hook: FindingHook?
    // Touched only from the command's one task.
    private var reported = Set<String>()
    private var said = Set<String>()

    init(json: Bool, threshold: ActivityFinding.Severity, hook: FindingHook?) {
        self.json = json
        self.threshold = threshold
        self.hook = hook
    }

    /// Reports the findings at or above the threshold not reported before in this run; returns how many.
    func report(_ findings: [ActivityFinding]) async -> Int {
        var count = 0
        for finding in findings where finding.severity >= threshold && !reported.contains(finding.identity) {
            reported.insert(finding.identity)
            count += 1
            let object = Self.json(finding)
            Console.output(json ? object.rendered(spaced: false) : Self.text(finding))
            await hook?.run(with: object.rendered(spaced: false), finding: finding)
        }
        return count
    }

    /// Status lines (on stderr) that would only repeat themselves at every poll.
    func sayOnce(_ lines: [String]) {
        for line in lines where !said.contains(line) {
            said.insert(line)
            Console.error(line)
        }
    }

    func summary(_ outcome: WatchOutcome, keys: Int) {
        let watched = "\(keys) key\(keys == 1 ? "" : "s")"
        if outcome.reported == 0, outcome.unreadable == 0 {
            Console.output("No findings at \(threshold) or above on \(watched).")
        } else if outcome.reported > 0 {
            Console.output("\(outcome.reported) finding\(outcome.reported == 1 ? "" : "s") on \(watched).")
        }
    }

    static func json(_ finding: ActivityFinding) -> OrderedJSON {
        .object([
            ("time", .string(finding.observedAtText)), ("observedAt", .int(finding.observedAt)),
            ("key", .string(finding.key)), ("exchange", .string(finding.exchange.rawValue)),
            ("kind", .string(finding.kind.rawValue)), ("severity", .string(finding.severity.rawValue)),
            ("summary", .string(finding.summary)),
            ("evidence", .object(finding.evidence.map { ($0.label, .string($0.value)) })),
            ("fix", .array(finding.fix.map { .string($0) })), ("subject", .string(finding.subject)),
        ])
    }

    static func text(_ finding: ActivityFinding) -> String {
        var lines = [
            "\(finding.severity.rawValue.uppercased())  \(finding.key) (\(finding.exchange.displayName))  "
                + "\(finding.kind.rawValue)  \(finding.observedAtText)",
            "  \(finding.summary)",
        ]
        for item in finding.evidence { lines.append("    \(item.label): \(item.value)") }
        for (index, step) in finding.fix.enumerated() { lines.append("  \(index + 1). \(step)") }
        return lines.joined(separator: "\n")
    }
}
