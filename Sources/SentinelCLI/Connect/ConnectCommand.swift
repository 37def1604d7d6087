import ArgumentParser
import SentinelCore
import SentinelExchanges
import SentinelVault

/// `sentinel connect EXCHANGE`: the guided setup of a new key — the steps on the exchange's site, the key (no
/// echo) with the vault's hygiene checks, the save, and the doctor on the new key.
struct ConnectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "connect",
        abstract: "Set up a new exchange key step by step: create it, store it encrypted, test it.",
        discussion: """
            On a terminal Sentinel shows the steps one by one, asks for the key without showing it, stores it in \
            the vault (creating the vault if there is none) and runs the doctor on it. For Binance it can make an \
            Ed25519 key pair and show the public key to paste. A name already in the vault is offered for rotation. \
            In scripts: --stdin reads the key as JSON ({"apiKey", "secret", "passphrase"}), --yes answers every \
            confirmation, and the vault password comes from --password-file or SENTINEL_PASSWORD_FILE. \
            Exit status 0 only when the key is stored and no doctor check failed.
            """)

    @Argument(help: "binance, binance-us, bybit, okx, kucoin or bitget.")
    var exchange: String

    @Option(help: "The key's name in the vault (default: EXCHANGE-PRODUCT, e.g. binance-spot).")
    var name: String?

    @Option(name: .customLong("env"), help: "live, testnet or demo.")
    var environment: String?

    @Option(help: "spot, linear or inverse (default: spot, or the exchange's only product).")
    var product: String?

    @Option(help: "A base URL that replaces the exchange's host, e.g. the simulator's http://127.0.0.1:8900.")
    var endpoint: String?

    @OptionGroup var insecureHTTP: InsecureHTTPOption

    @Option(name: .customLong("key-type"), help: "hmac, ed25519 or rsa (default: asked, or read from the secret).")
    var keyType: String?

    @Option(help: "A note for people (default: \"Sentinel - NAME\").")
    var label: String?

    @Flag(name: .customLong("stdin"), help: "Read the key as JSON from standard input instead of prompting.")
    var readStandardInput = false

    @Flag(help: "Answer yes to every confirmation (no pauses between steps; rotates a key stored under NAME).")
    var yes = false

    @OptionGroup var password: VaultPasswordOptions

    @Option(help: "Wait this long for the exchange's answers, in milliseconds.")
    var timeoutMs: Int64 = 10_000

    @Flag(help: "Accept a key that can withdraw funds (refused otherwise; a trading bot never needs it).")
    var allowWithdrawKey = false

    func run() async throws {
        let ready: Bool
        do { ready = try await execute() } catch { throw Failure.report(error) }
        if !ready { throw ExitCode(1) }
    }

    /// True when the key is stored and no doctor check failed.
    func execute() async throws(SentinelError) -> Bool {
        let venue = try GuideText.venue(
            exchange: exchange, product: product, environment: environment, endpoint: endpoint,
            insecureHTTP: insecureHTTP.allowed)
        let declaredKeyType = try keyType.map(VaultAddCommand.keyType)
        if let declaredKeyType, !venue.exchange.traits.keyTypes.contains(declaredKeyType) {
            let offered = KeyType.allCases.filter(venue.exchange.traits.keyTypes.contains).map(\.rawValue)
            throw .invalidInput(
                "\(venue.exchange.displayName) does not take \(declaredKeyType) keys.",
                fix: ["Use --key-type \(offered.joined(separator: " or ")), or leave it out."])
        }
        let isTerminal = TerminalInput.standardInputIsTerminal
        // Without a terminal the key can only come as JSON: refuse before anything is created.
        guard isTerminal || readStandardInput else { throw Self.notATerminal(venue) }
        let conversation = ConnectConversation(
            guidance: ExchangeGuidance.for(venue.exchange), pauses: isTerminal && !readStandardInput && !yes)
        let keyName = name ?? GuideText.defaultName(venue)
        Console.output(GuideText.title(venue))

        var vault = try VaultAccess.openOrCreate(password)
        let existing = vault.entry(named: keyName)
        if let existing {
            guard existing.exchange == venue.exchange else {
                throw .invalidInput(
                    "The vault's key \"\(keyName)\" is \(withArticle(existing.exchange.displayName)) key, not "
                        + "\(venue.exchange.displayName).",
                    fix: ["Choose another name with --name (see `sentinel vault list`)."])
            }
            try conversation.confirmRotation(
                of: existing, assumeYes: yes, canAsk: isTerminal && !readStandardInput)
        } else {
            try vault.checkNameAvailable(keyName)
        }
        let entryVenue = try existing?.venue ?? venue

        let chosenKeyType: KeyType?
        if readStandardInput {
            Console.output("(The steps for creating this key: \(Self.guideCommand(entryVenue)).)")
            chosenKeyType = declaredKeyType
        } else {
            chosenKeyType = try conversation.walkThrough(
                entryVenue, name: keyName, declaredKeyType: declaredKeyType, canAsk: isTerminal && !yes)
        }
        let credentials: Credentials
        if chosenKeyType == .ed25519, !readStandardInput {
            let pair = GeneratedKeyPair.ed25519()
            conversation.showPublicKey(pair, venue: entryVenue)
            credentials = try CredentialIntake.read(exchange: entryVenue.exchange, generated: pair)
        } else {
            credentials = try CredentialIntake.read(
                exchange: entryVenue.exchange, declaredKeyType: chosenKeyType, fromStandardInput: readStandardInput)
        }

        let stored: VaultEntry
        if let existing {
            stored = try await VaultRotateCommand.rotate(
                &vault, old: existing, to: credentials, allowWithdraw: allowWithdrawKey,
                insecureHTTP: insecureHTTP.allowed)
        } else {
            let entry = try await KeyAdmission.check(
                VaultEntry(
                    name: keyName, exchange: venue.exchange, products: [venue.product],
                    environment: venue.environment, credentials: credentials,
                    label: label ?? ExchangeGuidance.suggestedLabel(for: keyName)),
                allowWithdraw: allowWithdrawKey, offline: false, insecureHTTP: insecureHTTP.allowed)
            try vault.add(entry)
            try vault.save()
            Console.output("Stored \(VaultEntryRendering.summary(entry)) in \(vault.location.file).")
            stored = entry
        }
        let storedVenue = try stored.venue
        return await ConnectReport.run(
            stored, venue: storedVenue, timeoutMs: timeoutMs, insecureHTTP: insecureHTTP.allowed)
    }

    static func guideCommand(_ venue: Venue) -> String {
        var command = "sentinel guide \(venue.exchange.rawValue) --product \(venue.product)"
        if venue.environment.kind != .live { command += " --env \(venue.environment.kind)" }
        return command
    }

    static func notATerminal(_ venue: Venue) -> SentinelError {
        .invalidInput(
            "Standard input is not a terminal: `sentinel connect` asks questions and reads the key without showing "
                + "it, which needs a terminal.",
            fix: [
                "Run it in a terminal to be guided step by step.",
                "In a script, pass --stdin with the key as JSON ({\"apiKey\": \"…\", \"secret\": \"…\", "
                    + "\"passphrase\": \"…\"}) and --yes, with the vault password in --password-file or "
                    + "SENTINEL_PASSWORD_FILE.",
                "To read the steps without storing anything: \(guideCommand(venue)).",
            ])
    }
}
