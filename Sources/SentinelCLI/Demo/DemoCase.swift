import Foundation
import SentinelCore
import SentinelDoctor
import SentinelExchanges
import SentinelSimulator
import SentinelVault

/// One key of the demo: how it is made on the simulator, how it is stored, and which check must catch it.
struct DemoCase: Sendable {
    let name: String
    let exchange: ExchangeID
    let product: Product
    let port: SimulatorVenue
    let problem: String
    /// The check that must fail for this key; nil for a good key, which must pass every check.
    var expected: DoctorCheckID?
    var permissions = ["read", "trade", "futures"]
    var whitelist = ["127.0.0.1"]
    var expiresInDays: Int64? = nil
    /// The environment the key is made in on the simulator (stored as live either way).
    var madeIn = "live"
    /// The exchange the key is made for on the simulator, when it is not `exchange` (a Binance.US key used on
    /// binance.com).
    var madeFor: ExchangeID? = nil
    /// Kept in a credentials file with a newline pasted after the secret, as people do; the vault would trim it.
    var pastedWhitespace = false
    var clockSkewMs: Int64? = nil
    /// Stored with a secret that is not the key's (the issued secret reversed).
    var wrongSecret = false
    /// The expected check warns rather than fails, and nothing fails (a key bound to no IP).
    var warnsOnly = false
    /// Stored with a mistyped passphrase.
    var wrongPassphrase = false


    func keyRequest(nowMs: Int64) -> SimulatedKeyRequest {
        SimulatedKeyRequest(
            exchange: (madeFor ?? exchange).rawValue, permissions: permissions, ipWhitelist: whitelist,
            expiresAt: expiresInDays.map { nowMs + $0 * 86_400_000 }, environment: madeIn)
    }

    /// Runs the doctor on this case's key — from the vault, or from its credentials file — and compares with what
    /// was expected.
    func run(vault: UnlockedVault, home: String, simulator: RunningSimulator, verbose: Bool) async -> DemoOutcome {
        guard let subject = try? subject(vault: vault, home: home, simulator: simulator) else {
            return DemoOutcome(demoCase: self, report: nil)
        }
        if let clockSkewMs { await simulator.setClockSkew(milliseconds: clockSkewMs) }
        let environment = Self.environment(on: simulator, port: port)
        let report = await Doctor(subject: subject, environment: environment).run()
        if clockSkewMs != nil { await simulator.setClockSkew(milliseconds: 0) }
        await simulator.clearFaults()
        return DemoOutcome(demoCase: self, report: report, verbose: verbose)
    }

    /// The doctor's clients for a key on the simulator listener `port`; the siblings' and probes' venues are moved
    /// to their own listeners there, so that every venue is this machine.
    static func environment(on simulator: RunningSimulator, port: SimulatorVenue) -> DoctorEnvironment {
        DoctorEnvironment(
            makeClient: { venue, credentials throws(SentinelError) in
                try ExchangeRegistry.client(
                    for: venue, credentials: credentials,
                    configuration: ClientConfiguration(requestTimeoutMs: 5_000, lookUpDelaysMs: [50, 100, 200]))
            },
            alternativeVenues: DoctorEnvironment.prefixedAlternatives,
            siblingVenues: { Self.onSimulator(DoctorEnvironment.registeredSiblings, $0, simulator) },
            maySendKeyToSiblings: true,
            ipProbeVenues: { Self.onSimulator(DoctorEnvironment.registeredIPProbes, $0, simulator) },
            isSimulator: true,
            injectConnectionReset: {
                await simulator.addFault(SimulatedFault(exchange: port.rawValue, kind: "reset", count: 1))
            })
    }

    /// The venues `related` names for `venue` on the exchange's own hosts, moved to their simulator listeners.
    private static func onSimulator(
        _ related: (Venue) -> [Venue], _ venue: Venue, _ simulator: RunningSimulator
    ) -> [Venue] {
        guard let onExchange = try? Venue(venue.exchange, venue.product, .live) else { return [] }
        return related(onExchange).compactMap { other in
            guard let port = SimulatorVenue.serving(other) else { return nil }
            return try? Venue(other.exchange, other.product, Environment(.live, customEndpoint: simulator.url(for: port)))
        }
    }

    private func subject(vault: UnlockedVault, home: String, simulator: RunningSimulator) throws(SentinelError)
        -> DoctorSubject
    {
        let venue = try Venue(exchange, product, Environment(.live, customEndpoint: simulator.url(for: port)))
        if pastedWhitespace {
            let fields = try CredentialsFile.read(path: DemoVault.credentialsFile(home: home, name: name))
            return DoctorSubject(
                name: name, venue: venue, apiKey: fields.apiKey, secret: fields.secret, passphrase: fields.passphrase,
                keyType: fields.keyType)
        }
        let entry = try vault.requireEntry(named: name)
        return DoctorRunner.subject(entry, venue: try entry.venue)
    }
}

/// What the doctor found for one demo key.
struct DemoOutcome {
    let demoCase: DemoCase
    let report: DoctorReport?
    var verbose = false

    var failed: [DoctorCheck] { report?.checks.filter { $0.status == .fail } ?? [] }

    var asExpected: Bool { report.map(demoCase.judges) ?? false }

    var line: String {
        guard let report else { return "  ✘ \(demoCase.name): could not run" }
        let mark = asExpected ? "✔" : "✘"
        var text = "  \(mark) \(demoCase.name) (\(demoCase.problem)): "
        if let expected = demoCase.expected, let check = report.check(expected),
            check.status == .fail || (demoCase.warnsOnly && check.status == .warn)
        {
            text += "caught by \(expected.rawValue)\(check.status == .warn ? " (warn)" : "") — \(check.summary)"
            if let fix = check.fix.first { text += "\n      fix: \(fix)" }
        } else if demoCase.expected == nil {
            let passed = report.checks.filter { $0.status == .pass }.count
            let warned = report.checks.filter { $0.status == .warn }
            let skipped = report.checks.filter { $0.status == .skip }.map(\.id.rawValue)
            if report.ok {
                text += "\(passed) checks passed"
                if !warned.isEmpty {
                    let each = warned.map { "\($0.id.rawValue): \($0.summary)" }
                    text += ", \(counted(warned.count, "warning")) (\(each.joined(separator: "; ")))"
                }
                if !skipped.isEmpty { text += " (\(skipped.joined(separator: ", ")) skipped)" }
            } else {
                text += "unexpected failures: \(failed.map(\.id.rawValue).joined(separator: ", "))"
            }
        } else {
            text += "NOT caught by \(demoCase.expected!.rawValue); failed: \(failed.map(\.id.rawValue).joined(separator: ", "))"
        }
        if verbose {
            for check in report.checks { text += "\n      \(check.status.rawValue.padding(toLength: 4, withPad: " ", startingAt: 0)) \(check.id.rawValue): \(check.summary)" }
        }
        return text
    }

    static func table(_ outcomes: [DemoOutcome]) -> String {
        var table = TableText("key", "exchange", "problem", "caught by", "result")
        for outcome in outcomes {
            var caughtBy = outcome.failed.map(\.id.rawValue).joined(separator: ", ")
            if outcome.demoCase.warnsOnly, let expected = outcome.demoCase.expected,
                outcome.report?.check(expected)?.status == .warn
            {
                caughtBy = expected.rawValue + " (warn)"
            }
            table.add(
                outcome.demoCase.name, outcome.demoCase.exchange.rawValue + " " + outcome.demoCase.product.rawValue,
                outcome.demoCase.problem, caughtBy.isEmpty ? "-" : caughtBy, outcome.asExpected ? "as expected" : "UNEXPECTED")
        }
        return table.render()
    }
}

/// The demo's throw-away vault: every case's key, made on the simulator and stored encrypted. The one with pasted
/// whitespace goes to a credentials file instead, since the vault trims whitespace on entry.
enum DemoVault {
    static func make(home: String, simulator: RunningSimulator, cases: [DemoCase]) async throws(SentinelError)
        -> UnlockedVault
    {
        var password = [UInt8](repeating: 0, count: 24)
        var generator = SystemRandomNumberGenerator()
        for i in password.indices { password[i] = UInt8.random(in: 0x61...0x7A, using: &generator) }
        var vault = try Vault.create(at: VaultLocation(home: home), password: SecretText(bytes: password))
        let now = SystemClock.nowMs()
        for demoCase in cases {
            let key: SimulatedKey
            do { key = try await simulator.createKey(demoCase.keyRequest(nowMs: now)) } catch {
                throw SentinelError(.badResponse, Diagnosis(cause: "The simulator refused to make a demo key: \(error)."))
            }
            if demoCase.pastedWhitespace {
                let passphrase = demoCase.storedPassphrase(key)
                try writeCredentialsFile(
                    home: home, name: demoCase.name, apiKey: key.apiKey, secret: key.secret + "\n", passphrase: passphrase)
                continue
            }
            try vault.add(demoCase.entry(named: demoCase.name, key: key, simulator: simulator))
        }
        try vault.save()
        return vault
    }

    static func credentialsFile(home: String, name: String) -> String { home + "/\(name).json" }

    private static func writeCredentialsFile(
        home: String, name: String, apiKey: String, secret: String, passphrase: String?
    ) throws(SentinelError) {
        var object = ["apiKey": apiKey, "secret": secret]
        if let passphrase { object["passphrase"] = passphrase }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
            FileManager.default.createFile(
                atPath: credentialsFile(home: home, name: name), contents: data, attributes: [.posixPermissions: 0o600])
        else {
            throw SentinelError(.invalidInput, Diagnosis(cause: "The demo could not write its credentials file."))
        }
    }
}

extension DemoCase {
    /// Whether the doctor judged this key as it must: a good key passes; a bad key fails the expected check (or,
    /// for a warning-only case, passes with that check warning).
    func judges(_ report: DoctorReport) -> Bool {
        guard let expected else { return report.ok }
        if warnsOnly { return report.ok && report.check(expected)?.status == .warn }
        return report.checks.contains { $0.id == expected && $0.status == .fail }
    }

    /// The vault entry for this case's key as made on `simulator`, with the mistake the case stores (a wrong
    /// secret or passphrase) already in it.
    func entry(named entryName: String, key: SimulatedKey, simulator: RunningSimulator) -> VaultEntry {
        VaultEntry(
            name: entryName, exchange: exchange, products: [product],
            environment: Environment(.live, customEndpoint: simulator.url(for: port)),
            credentials: Credentials(
                apiKey: key.apiKey, secret: SecretText(wrongSecret ? String(key.secret.reversed()) : key.secret),
                passphrase: storedPassphrase(key).map { SecretText($0) }),
            label: "Sentinel demo - \(problem)")
    }

    /// The passphrase as stored: mistyped (its last character lost) for a wrong-passphrase case.
    func storedPassphrase(_ key: SimulatedKey) -> String? {
        wrongPassphrase ? key.passphrase.map { String($0.dropLast()) } : key.passphrase
    }

    /// Every registered exchange module's demo keys, on the simulator listener that serves each.
    static var all: [DemoCase] {
        ExchangeModules.all.flatMap { $0.demoKeys }.compactMap(DemoCase.init)
    }

    init?(_ key: DemoKey) {
        guard let venue = try? Venue(key.exchange, key.product, .live), let port = SimulatorVenue.serving(venue) else {
            return nil
        }
        self.init(name: key.name, exchange: key.exchange, product: key.product, port: port, problem: key.problem, expected: nil)
        switch key.recipe {
        case .good: break
        case .withdrawEnabled:
            expected = .permissionsWithdraw
            permissions = ["read", "trade", "withdraw"]
        case .pastedWhitespace:
            expected = .credentials
            pastedWhitespace = true
        case .skewedClock(let milliseconds):
            expected = .clock
            clockSkewMs = milliseconds
        case .ipNotWhitelisted:
            expected = .ipWhitelist
            whitelist = ["203.0.113.7"]
        case .wrongEnvironment(let environment):
            expected = .environment
            madeIn = environment.rawValue
        case .expired:
            expected = .expiry
            expiresInDays = -1
        case .siblingKey(let sibling):
            expected = .environment
            madeFor = sibling
        case .readOnly:
            expected = .permissionsTrade
            permissions = ["read"]
        case .wrongSecret:
            expected = .auth
            wrongSecret = true
        case .unboundIP:
            expected = .ipWhitelist
            whitelist = []
            warnsOnly = true
        case .wrongPassphrase:
            expected = .auth
            wrongPassphrase = true
        case .spotOnly:
            expected = .environment
            permissions = ["read", "trade"]
        }
    }
}
