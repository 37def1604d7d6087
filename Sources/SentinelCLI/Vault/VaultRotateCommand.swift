import ArgumentParser
import Sentinel
import SentinelCore
import SentinelVault

/// `sentinel vault rotate NAME`: puts a new key in place of a stored one once the new key checks out.
struct VaultRotateCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate",
        abstract: "Replace a stored key with a new one, after checking the new one.",
        discussion: """
            Create the new key on the exchange first, with the same permissions. The new key is read like in \
            `vault add` (prompts, or --stdin JSON), checked, and only then replaces the old one, which stays in \
            the vault until that moment. Revoke the old key on the exchange afterwards.
            """)

    @Argument(help: "The key's name.")
    var name: String

    @Option(name: .customLong("key-type"), help: "hmac, ed25519 or rsa (default: read from the secret).")
    var keyType: String?

    @Flag(name: .customLong("stdin"), help: "Read the new key as JSON from standard input instead of prompting.")
    var readStandardInput = false

    @Flag(help: "Accept a new key that can withdraw funds (refused otherwise; a trading bot never needs it).")
    var allowWithdrawKey = false

    @OptionGroup var insecureHTTP: InsecureHTTPOption

    @OptionGroup var password: VaultPasswordOptions

    func execute() async throws(SentinelError) {
        var vault = try VaultAccess.open(password)
        let old = try vault.requireEntry(named: name)
        let credentials = try CredentialIntake.read(
            exchange: old.exchange, declaredKeyType: try keyType.map(VaultAddCommand.keyType),
            fromStandardInput: readStandardInput)
        try await Self.rotate(
            &vault, old: old, to: credentials, allowWithdraw: allowWithdrawKey, insecureHTTP: insecureHTTP.allowed)
    }

    /// Puts `credentials` in place of `old` once the exchange accepts them (offline checks only where there is no
    /// connector yet, with a warning), and says what to do with the old key. Shared with `sentinel connect`.
    @discardableResult
    static func rotate(
        _ vault: inout UnlockedVault, old: VaultEntry, to credentials: Credentials, allowWithdraw: Bool = false,
        insecureHTTP: Bool = false
    ) async throws(SentinelError) -> VaultEntry {
        let new: VaultEntry
        if ExchangeCredentialVerifier.canCheck(old.exchange) {
            // A withdraw-enabled key never replaces a good one: the old key stays until the new one passes.
            new = try await vault.rotate(
                named: old.name, to: credentials,
                verifier: ExchangeCredentialVerifier(refusesWithdraw: !allowWithdraw, allowsInsecureHTTP: insecureHTTP))
            Console.output("The new key authenticated on \(old.exchange.displayName) (a signed read succeeded).")
        } else {
            new = try await vault.rotate(named: old.name, to: credentials, verifier: OfflineCredentialVerifier())
            Console.warning(
                "Sentinel could not test the new key against \(old.exchange.displayName): its connector is not "
                    + "available yet, so only offline checks ran (format, key type, signing). Make one read-only "
                    + "request with the new key before revoking the old one.")
        }
        Console.output("Rotated \(old.name): key \(old.fingerprint) replaced by \(new.fingerprint).")
        Console.output(
            "Revoke the old key \(old.fingerprint) on \(old.exchange.displayName) once your bots use the new one.")
        return new
    }
}
