import ArgumentParser
import SentinelCore
import SentinelVault

/// `sentinel vault add NAME --exchange X`: stores a new key after the hygiene checks.
struct VaultAddCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Store a new exchange key.",
        discussion: """
            The key is read from prompts that show nothing, or with --stdin as JSON: \
            {"apiKey": "...", "secret": "...", "passphrase": "..."} (passphrase for OKX, KuCoin and Bitget; the \
            secret may be a PEM private key for Ed25519 and RSA keys). Whitespace around a value is removed with a \
            warning. One key per bot or strategy is the recommended practice: each can then be limited, rotated \
            or revoked on its own.
            """)

    @Argument(help: "A name for the key, e.g. binance-btc-grid (letters, digits, '.', '_', '-').")
    var name: String

    @Option(help: "binance, binance-us, bybit, okx, kucoin or bitget.")
    var exchange: String

    @Option(
        name: .customLong("product"),
        help: "spot, linear or inverse; repeat for several (default: spot, or the exchange's only product).")
    var products: [String] = []

    @Option(name: .customLong("env"), help: "live, testnet or demo.")
    var environment: String?

    @Option(help: "A base URL that replaces the exchange's host, e.g. the simulator's http://127.0.0.1:8900.")
    var endpoint: String?

    @OptionGroup var insecureHTTP: InsecureHTTPOption

    @Option(help: "A note for people, e.g. \"Sentinel - BTC strategy\".")
    var label: String?

    @Option(name: .customLong("key-type"), help: "hmac, ed25519 or rsa (default: read from the secret).")
    var keyType: String?

    @Flag(name: .customLong("stdin"), help: "Read the key as JSON from standard input instead of prompting.")
    var readStandardInput = false

    @Flag(help: "Store a key that can withdraw funds (refused otherwise; a trading bot never needs it).")
    var allowWithdrawKey = false

    @Flag(help: "Store without asking the exchange about the key (the doctor checks it later).")
    var offline = false

    @OptionGroup var password: VaultPasswordOptions

    func execute() async throws(SentinelError) {
        let exchangeID = try Arguments.exchange(exchange)
        let chosenProducts = try VaultAddCommand.products(products, exchangeID)
        let environmentValue = Environment(
            try Arguments.environment(environment ?? "live"), customEndpoint: try Arguments.endpoint(endpoint, insecureHTTP: insecureHTTP.allowed))
        let declaredKeyType = try keyType.map(VaultAddCommand.keyType)
        var vault = try VaultAccess.open(password)
        try vault.checkNameAvailable(name)
        for product in chosenProducts { _ = try Venue(exchangeID, product, environmentValue) }
        let credentials = try CredentialIntake.read(
            exchange: exchangeID, declaredKeyType: declaredKeyType, fromStandardInput: readStandardInput)
        let entry = try await KeyAdmission.check(
            VaultEntry(
                name: name, exchange: exchangeID, products: chosenProducts, environment: environmentValue,
                credentials: credentials, label: label),
            allowWithdraw: allowWithdrawKey, offline: offline, insecureHTTP: insecureHTTP.allowed)
        try vault.add(entry)
        try vault.save()
        Console.output("Stored \(VaultEntryRendering.summary(entry)) in \(vault.location.file).")
        Console.output(
            "Tip: one key per bot or strategy is the recommended practice, so that each can be limited, rotated "
                + "or revoked on its own.")
        if vault.entries.filter({ $0.exchange == exchangeID && $0.apiKey == entry.apiKey }).count > 1 {
            Console.warning("the same API key is also stored under another name; one key per bot is safer.")
        }
    }

    static func products(_ names: [String], _ exchange: ExchangeID) throws(SentinelError) -> [Product] {
        guard !names.isEmpty else {
            let offered = exchange.traits.products
            return offered.contains(.spot) || offered.isEmpty ? [.spot] : [offered[0]]
        }
        var result: [Product] = []
        for name in names.flatMap({ $0.split(separator: ",").map(String.init) }) {
            let product = try Arguments.product(name)
            if !result.contains(product) { result.append(product) }
        }
        return result
    }

    static func keyType(_ name: String) throws(SentinelError) -> KeyType {
        guard let type = KeyType(rawValue: name.lowercased()) else {
            throw .invalidInput(
                "--key-type \"\(name.prefix(20))\" is not hmac, ed25519 or rsa.",
                fix: ["Use hmac for a secret issued by the exchange, ed25519 or rsa for your own key pair."])
        }
        return type
    }
}
