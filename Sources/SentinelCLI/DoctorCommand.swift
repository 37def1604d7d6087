import ArgumentParser
import Foundation
import SentinelCore
import SentinelDoctor
import SentinelExchanges
import SentinelVault

/// `sentinel doctor`: tests a key the way a careful person would (design.md §2).
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Test a key: credentials, environment, clock, permissions, a tiny order, a reconnect.",
        discussion: "Exit status 0 only when no check failed.")

    @Argument(help: "The key's name in the vault (or a label for a --credentials file).")
    var name: String?

    @OptionGroup var connection: ConnectionOptions

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Flag(help: "Also open and close the smallest position (real money: opt-in).")
    var positionTest = false

    @Flag(help: "Do not place the test order.")
    var skipOrderTest = false

    @Flag(help: ArgumentHelp(
        "If the key is refused, also try it at the sibling exchange (Binance ↔ Binance.US).",
        discussion: "This sends the key and signed requests to the other company's servers; without the flag "
            + "Sentinel only names the possibility."))
    var probeSibling = false

    func run() async throws {
        let subject: DoctorSubject
        let stored: (vault: UnlockedVault, entry: VaultEntry)?
        do { (subject, stored) = try resolveSubject() } catch { throw Failure.report(error) }
        let options = DoctorRunner.Options(
            timeoutMs: connection.timeoutMs, json: json, positionTest: positionTest, skipOrderTest: skipOrderTest,
            probeSibling: probeSibling, insecureHTTP: connection.insecureHTTP.allowed)
        // Ctrl-C cancels the run; the check in progress cancels its own test order or closes its test position.
        try await Interruption.run {
            let report = await DoctorRunner.run(subject, options: options)
            if !report.ok { throw ExitCode(1) }
            if let stored { Self.recordVerified(in: stored.vault, stored.entry) }
        }
    }

    /// The key from the vault by name, or from a credentials file. The doctor gets the values exactly as stored:
    /// pasted whitespace and the like are what it is there to find.
    func resolveSubject() throws(SentinelError) -> (DoctorSubject, (vault: UnlockedVault, entry: VaultEntry)?) {
        if connection.credentials == nil, let vaultName = name ?? connection.key {
            let vault = try VaultAccess.open(connection.password)
            let entry = try vault.requireEntry(named: vaultName)
            let product = try connection.product.map { (text) throws(SentinelError) in try Arguments.product(text) }
            return (DoctorRunner.subject(entry, venue: try connection.venue(of: entry, product: product)), (vault, entry))
        }
        guard let path = connection.credentials else {
            throw .invalidInput(
                "No key given.",
                fix: [
                    "Give the key's vault name: `sentinel doctor NAME` (see `sentinel vault list`).",
                    "Or a credentials file: `sentinel doctor --exchange binance --credentials keys.json`.",
                ])
        }
        guard let exchange = connection.exchange else {
            throw .invalidInput("No exchange given.", fix: ["Add --exchange: one of \(Arguments.connectedExchanges)."])
        }
        let exchangeID = try Arguments.exchange(exchange)
        let product = try connection.product.map { (text) throws(SentinelError) in try Arguments.product(text) } ?? .spot
        let venue = try Venue(
            exchangeID, product,
            Environment(
                try Arguments.environment(connection.environment),
                customEndpoint: try connection.endpointOverride()))
        let raw = try CredentialsFile.read(path: path)
        let subject = DoctorSubject(
            name: name ?? (path as NSString).lastPathComponent, venue: venue, apiKey: raw.apiKey, secret: raw.secret,
            passphrase: raw.passphrase, keyType: raw.keyType)
        return (subject, nil)
    }

    /// A stored key that passed every check is recorded as verified now (`vault show`: "last verified").
    private static func recordVerified(in vault: UnlockedVault, _ entry: VaultEntry) {
        var vault = vault
        var verified = entry
        verified.lastVerifiedAt = Date()
        do {
            try vault.replace(verified)
            try vault.save()
        } catch {
            Console.write(
                "note: the check passed but could not be recorded in the vault: \(error.diagnosis.cause)\n",
                to: STDERR_FILENO)
        }
    }
}
