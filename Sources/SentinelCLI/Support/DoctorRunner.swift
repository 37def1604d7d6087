import Foundation
import SentinelCore
import SentinelDoctor
import SentinelExchanges
import SentinelVault

/// Runs the doctor on a key and prints the report — the code path of `sentinel doctor`, shared with
/// `sentinel connect`, which runs it on the key it just stored.
enum DoctorRunner {
    struct Options {
        var timeoutMs: Int64 = 10_000
        var json = false
        var positionTest = false
        var skipOrderTest = false
        /// The user agreed to send the key to a sibling exchange (Binance ↔ Binance.US) if it is refused here.
        var probeSibling = false
        /// The user allowed a plain-HTTP endpoint on another machine for this command (`--insecure-http`).
        var insecureHTTP = false
    }

    /// Runs every check, printing each line as it finishes (or the JSON report at the end), then the summary.
    static func run(_ subject: DoctorSubject, options: Options) async -> DoctorReport {
        let doctor = Doctor(
            subject: subject, environment: environment(for: subject, options: options),
            options: Doctor.Options(positionTest: options.positionTest, skipOrderTest: options.skipOrderTest))
        if options.json {
            let report = await doctor.run()
            Console.output(JSONOutput.render(report))
            return report
        }
        let printer = DoctorPrinter()
        Console.output("Sentinel doctor — \(subject.name) on \(subject.venue)")
        // The printer writes to the descriptor: what `print` still holds must go out first.
        fflush(nil)
        let report = await doctor.run(
            starting: { await printer.starting($0) }, progress: { await printer.finished($0) })
        Console.output(DoctorPrinter.summary(report))
        return report
    }

    /// Where the doctor's clients come from for `subject`: the exchange's hosts, or the endpoint the key names.
    static func environment(for subject: DoctorSubject, options: Options) -> DoctorEnvironment {
        let timeout = options.timeoutMs
        let endpoint = subject.venue.environment.customEndpoint
        // The test order is journalled like any other: if the run is cut short, the next command settles it.
        let journal = try? PrivateJournal.open()
        return DoctorEnvironment(
            makeClient: { venue, credentials throws(SentinelError) in
                try ExchangeRegistry.client(
                    for: venue, credentials: credentials,
                    configuration: ClientConfiguration(
                        requestTimeoutMs: timeout, journal: journal, allowsInsecureHTTP: options.insecureHTTP))
            },
            alternativeVenues: endpoint == nil
                ? DoctorEnvironment.standardAlternatives : DoctorEnvironment.prefixedAlternatives,
            maySendKeyToSiblings: options.probeSibling,
            isSimulator: endpoint.map(isLoopback) ?? false)
    }

    /// The doctor's subject for a stored key, on `venue` (one of the entry's venues, maybe with another endpoint).
    static func subject(_ entry: VaultEntry, venue: Venue) -> DoctorSubject {
        DoctorSubject(
            name: entry.name, venue: venue, apiKey: entry.apiKey, secret: entry.secret, passphrase: entry.passphrase,
            keyType: entry.keyType, storedAtMs: Int64(entry.createdAt.timeIntervalSince1970 * 1000))
    }

    /// True for endpoints on this machine (the local simulator).
    static func isLoopback(_ url: String) -> Bool {
        (try? EndpointURL(url, allowInsecureHTTP: true))?.isLoopback ?? false
    }
}
