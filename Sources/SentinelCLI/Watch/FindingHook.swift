import Foundation
import Sentinel

/// `--on-finding CMD`: runs `/bin/sh -c CMD` for each finding with the finding's JSON on standard input (from a
/// private temporary file, so a command that does not read it cannot block or break the watch), and the kind,
/// severity and key in `SENTINEL_FINDING_KIND`, `_SEVERITY` and `_KEY`. A command running over 30 s is stopped.
struct FindingHook: Sendable {
    let command: String

    init(_ command: String) {
        self.command = command
    }

    static let timeLimit: Duration = .seconds(30)

    func run(with json: String, finding: ActivityFinding) async {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sentinel-finding-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        guard FileManager.default.createFile(atPath: file.path, contents: Data((json + "\n").utf8), attributes: [.posixPermissions: 0o600]),
            let input = try? FileHandle(forReadingFrom: file)
        else {
            Console.error("--on-finding: could not write the finding to a temporary file; the command was not run.")
            return
        }
        defer { try? input.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var environment = ProcessInfo.processInfo.environment
        environment["SENTINEL_FINDING_KIND"] = finding.kind.rawValue
        environment["SENTINEL_FINDING_SEVERITY"] = finding.severity.rawValue
        environment["SENTINEL_FINDING_KEY"] = finding.key
        process.environment = environment
        process.standardInput = input
        do { try process.run() } catch {
            Console.error("--on-finding: the command could not be started: \(error.localizedDescription)")
            return
        }
        let deadline = ContinuousClock.now + Self.timeLimit
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if process.isRunning {
            process.terminate()
            Console.error("--on-finding: the command ran over 30 s and was stopped.")
        }
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            Console.error("--on-finding: the command exited with status \(process.terminationStatus).")
        }
    }
}
