import SentinelCore
import SentinelDoctor
import SentinelExchanges
import SentinelVault

/// The end of `sentinel connect`: the doctor on the stored key, then what to do about each warning.
enum ConnectReport {
    /// True when no check failed.
    static func run(_ entry: VaultEntry, venue: Venue, timeoutMs: Int64, insecureHTTP: Bool) async -> Bool {
        Console.output("")
        guard ExchangeRegistry.connectorExchanges.contains(entry.exchange) else {
            Console.output(
                "Sentinel cannot test \(entry.exchange.displayName) keys against the exchange yet: its connector is "
                    + "not available. The key passed the offline checks (format, key type, signing) and is stored.")
            Console.output(
                "Before a bot uses it, make one read-only request with it; once the connector lands, run "
                    + "`sentinel doctor \(entry.name)`.")
            Console.warning("\(entry.name) is stored but was not tested with the exchange.")
            return false
        }
        Console.output("Testing the key with the doctor (the same checks as `sentinel doctor \(entry.name)`):")
        let report = await DoctorRunner.run(
            DoctorRunner.subject(entry, venue: venue),
            options: DoctorRunner.Options(timeoutMs: timeoutMs, insecureHTTP: insecureHTTP))
        Console.output("")
        Console.output(nextSteps(report, name: entry.name).joined(separator: "\n"))
        return report.ok
    }

    static func nextSteps(_ report: DoctorReport, name: String) -> [String] {
        let failed = report.checks.filter { $0.status == .fail }
        let warned = report.checks.filter { $0.status == .warn }
        var lines: [String] = []
        if failed.isEmpty {
            lines.append("\(name) is stored and ready: give your bot --key \(name), or load it by name from the vault.")
        } else {
            lines.append(
                "\(name) is stored, but it is NOT ready: fix what failed, then run `sentinel doctor \(name)` again.")
            for check in failed { lines.append("  ✘ \(check.id.rawValue): \(advice(check))") }
        }
        if !warned.isEmpty {
            lines.append("Worth fixing before a bot uses it:")
            for check in warned { lines.append("  ! \(check.id.rawValue): \(advice(check))") }
        }
        return lines
    }

    private static func advice(_ check: DoctorCheck) -> String {
        check.fix.first ?? check.summary
    }
}
