/// What went wrong, what shows it, and what a person does about it. Written for someone who is not a developer.
///
/// Evidence holds only what is safe to show: codes, messages, hosts, offsets, permission names. Never a secret.
public struct Diagnosis: Sendable, Hashable, Codable, CustomStringConvertible {
    public struct Evidence: Sendable, Hashable, Codable {
        public let label: String
        public let value: String

        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    /// One sentence: why it failed.
    public var cause: String
    public var evidence: [Evidence]
    /// Steps, in order, that fix it.
    public var fix: [String]

    public init(cause: String, evidence: [Evidence] = [], fix: [String] = []) {
        self.cause = cause
        self.evidence = evidence
        self.fix = fix
    }

    public var description: String {
        var lines = [cause]
        for item in evidence { lines.append("  \(item.label): \(item.value)") }
        if !fix.isEmpty {
            lines.append("How to fix it:")
            for (number, step) in fix.enumerated() { lines.append("  \(number + 1). \(step)") }
        }
        return lines.joined(separator: "\n")
    }
}
