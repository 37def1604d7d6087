import ArgumentParser
import Foundation
import Sentinel

/// `sentinel watch`: what happened on a key that Sentinel did not do, and keys that need rotating.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Report activity on a key that Sentinel did not do, and keys due for rotation.",
        discussion: """
            Reads each key's open orders, balances, withdrawals (where the exchange lists them), permissions, IP \
            whitelist and expiry, and reports what Sentinel's order journal does not explain: someone else's orders, \
            withdrawals, a permission or whitelist change, a balance that moved. It only reads.
            With --once it polls once and exits 1 when anything at --severity or above was found (for cron).
            """)

    @Argument(help: "Vault names of the keys to watch (or one key with --key, or --exchange with --credentials).")
    var names: [String] = []

    @OptionGroup var connection: ConnectionOptions

    @Flag(help: "Poll once, print the findings and exit: 0 when there are none, 1 when there are.")
    var once = false

    @Flag(help: "Print one JSON object per finding and line (status lines go to stderr).")
    var json = false

    @Option(help: "Seconds between polls (at least 10).")
    var interval: Int = 60

    @Option(help: "Report findings at or above this level: info, warning or critical.")
    var severity: String = "warning"

    @Option(
        name: .customLong("known-prefix"),
        help: "Client-id prefix of another bot of yours on the same key: its orders are not reported (repeatable).")
    var knownPrefixes: [String] = []

    @Option(help: "Remind to rotate a key this many days after it was stored, when the exchange sets no expiry.")
    var rotationDays: Int = 90

    @Option(
        name: .customLong("on-finding"),
        help: "A shell command run for each finding, with the finding as JSON on its standard input.")
    var onFinding: String?

    func run() async throws {
        let threshold: ActivityFinding.Severity
        let monitors: [(ActivityMonitor, String)]
        do {
            threshold = try checkedSeverity()
            try checkOptions()
            monitors = try WatchSetup(connection: connection, names: names, policy: policy).monitors()
        } catch {
            throw Failure.report(error)
        }
        let reporter = WatchReporter(json: json, threshold: threshold, hook: onFinding.map(FindingHook.init))
        if once {
            let outcome = await pollAll(monitors, reporter)
            for (monitor, _) in monitors { await monitor.shutdown() }
            if !json { reporter.summary(outcome, keys: monitors.count) }
            if outcome.reported > 0 || outcome.unreadable > 0 { throw ExitCode(1) }
            return
        }
        let seconds = interval
        try await Interruption.run {
            defer { Task { for (monitor, _) in monitors { await monitor.shutdown() } } }
            Console.error(
                "Watching \(monitors.map(\.1).joined(separator: ", ")) every \(seconds) s (Ctrl-C to stop).")
            while !Task.isCancelled {
                _ = await pollAll(monitors, reporter)
                try await Task.sleep(for: .seconds(seconds))
            }
        }
    }

    private var policy: ActivityPolicy {
        ActivityPolicy(knownClientIDPrefixes: knownPrefixes, rotationDays: rotationDays)
    }

    private func pollAll(_ monitors: [(ActivityMonitor, String)], _ reporter: WatchReporter) async -> WatchOutcome {
        var outcome = WatchOutcome()
        for (monitor, label) in monitors {
            do {
                let poll = try await monitor.poll()
                for line in poll.observation.unread { Console.error("\(label): could not read \(line)") }
                reporter.sayOnce(poll.observation.notChecked.map { "\(label): not checked: \($0)" })
                if poll.sawNothing {
                    outcome.unreadable += 1
                    Console.error("\(label): nothing could be read; the key may be revoked or the endpoint wrong.")
                }
                outcome.reported += await reporter.report(poll.findings)
                if let failure = poll.saveFailure { _ = Failure.report(failure) }
            } catch {
                outcome.unreadable += 1
                _ = Failure.report(error)
            }
        }
        return outcome
    }

    private func checkedSeverity() throws(SentinelError) -> ActivityFinding.Severity {
        guard let level = ActivityFinding.Severity(rawValue: severity.lowercased()) else {
            throw .invalidInput(
                "--severity \"\(severity.prefix(20))\" is not a level.", fix: ["Use info, warning or critical."])
        }
        return level
    }

    private func checkOptions() throws(SentinelError) {
        guard (10...86_400).contains(interval) else {
            throw .invalidInput(
                "--interval \(interval) is outside 10–86400 seconds.",
                fix: ["Poll at most every 10 s: the exchanges' limits are shared with your bot."])
        }
        guard (1...3650).contains(rotationDays) else {
            throw .invalidInput("--rotation-days \(rotationDays) is outside 1–3650.", fix: ["e.g. --rotation-days 90"])
        }
        for prefix in knownPrefixes where prefix.isEmpty || prefix.hasPrefix(ActivityPolicy.sentinelPrefix) {
            throw .invalidInput(
                "--known-prefix \"\(prefix.prefix(20))\" would hide \(prefix.isEmpty ? "every order" : "Sentinel's own ids").",
                fix: ["Give the prefix your other bot puts on its client order ids, e.g. --known-prefix grid-"])
        }
        if let onFinding, onFinding.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .invalidInput("--on-finding is empty.", fix: ["Give a shell command, e.g. --on-finding 'cat >> findings.log'"])
        }
    }
}

struct WatchOutcome {
    var reported = 0
    var unreadable = 0
}
