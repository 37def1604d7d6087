import ArgumentParser
import Foundation
import SentinelCore
import SentinelExchanges
import SentinelVault

/// How a trading command finds its exchange and key: a vault entry by name (`--key`), or a credentials file with
/// the exchange, product and environment.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "The key's name in the vault (see `sentinel vault list`).")
    var key: String?

    @OptionGroup var password: VaultPasswordOptions

    @Option(help: ArgumentHelp("\(Arguments.connectedExchanges) (the exchanges with a connector today)."))
    var exchange: String?

    @Option(help: ArgumentHelp(
        "spot, linear or inverse, where the exchange has it. Default: spot, or what the symbol says "
            + "(BTC/USDT:USDT is linear)."))
    var product: String?

    @Option(name: .customLong("env"), help: "live, testnet or demo.")
    var environment: String = "live"

    @Option(help: "A base URL replacing the exchange's host, e.g. the simulator's http://127.0.0.1:8900.")
    var endpoint: String?

    @OptionGroup var insecureHTTP: InsecureHTTPOption

    @Option(help: "A JSON file with apiKey and secret (chmod 600).")
    var credentials: String?

    @Option(help: "Wait this long for an answer, in milliseconds.")
    var timeoutMs: Int64 = 10_000

    /// The venue and key chosen on the command line. `symbolProduct` is the product a typed symbol implies.
    func resolve(symbolProduct: Product? = nil) throws(SentinelError) -> (Venue, Credentials, storedAtMs: Int64?) {
        let chosenProduct = try chosenProduct(symbolProduct)
        if let key {
            guard exchange == nil, credentials == nil else {
                throw .invalidInput(
                    "--key takes the exchange and the secret from the vault; --exchange and --credentials are for "
                        + "keys outside the vault.",
                    fix: ["Use either --key NAME, or --exchange X --credentials FILE."])
            }
            let entry = try VaultAccess.entry(named: key, password)
            let venue = try venue(of: entry, product: chosenProduct)
            return (venue, entry.credentials, Int64(entry.createdAt.timeIntervalSince1970 * 1000))
        }
        guard let exchange else {
            if credentials != nil {
                throw .invalidInput(
                    "--credentials needs --exchange: the file holds a key, not which exchange it is for.",
                    fix: ["Add --exchange, e.g. --exchange binance --credentials \(credentials ?? "FILE")."])
            }
            throw .invalidInput(
                "No key given.",
                fix: [
                    "Use a stored key: --key NAME (see `sentinel vault list`).",
                    "Or a credentials file: --exchange binance --credentials FILE.",
                ])
        }
        let exchangeID = try Arguments.exchange(exchange)
        let venue = try Venue(
            exchangeID, chosenProduct ?? .spot,
            Environment(try Arguments.environment(environment), customEndpoint: try endpointOverride()))
        guard let credentials else {
            throw .invalidInput(
                "No key given.",
                fix: ["Add --credentials FILE with {\"apiKey\": \"…\", \"secret\": \"…\"} (chmod 600)."])
        }
        return (venue, try CredentialsFile.load(path: credentials, exchange: exchangeID), nil)
    }

    /// `--endpoint`, checked (https, or http only for this machine unless `--insecure-http`).
    func endpointOverride() throws(SentinelError) -> String? {
        try Arguments.endpoint(endpoint, insecureHTTP: insecureHTTP.allowed)
    }

    /// A stored key's venue after the check of its endpoint (`--endpoint` replaces it).
    func venue(of entry: VaultEntry, product: Product?) throws(SentinelError) -> Venue {
        let venue = try entry.venue(for: product ?? entry.products.first ?? .spot)
        if let endpoint = try endpointOverride() {
            return try Venue(venue.exchange, venue.product, Environment(venue.environment.kind, customEndpoint: endpoint))
        }
        return try Arguments.checkedStoredVenue(venue, insecureHTTP: insecureHTTP.allowed)
    }

    private func chosenProduct(_ symbolProduct: Product?) throws(SentinelError) -> Product? {
        guard let product else { return symbolProduct }
        let chosen = try Arguments.product(product)
        if let symbolProduct, symbolProduct != chosen {
            throw .invalidInput(
                "The symbol is a \(symbolProduct) market but --product is \(chosen).",
                fix: ["Spot symbols look like BTC/USDT, USDⓈ-M perpetuals like BTC/USDT:USDT."])
        }
        return chosen
    }

    /// True when no key was given, only an exchange: enough for public data (markets, tickers).
    var isKeyless: Bool { key == nil && credentials == nil && exchange != nil }

    /// A client without a key for the chosen exchange, product and environment: public data only.
    func publicClient(symbolProduct: Product? = nil) throws(SentinelError) -> any ExchangeClient {
        guard let exchange else { throw .invalidInput("No exchange given.", fix: ["Add --exchange, e.g. --exchange binance."]) }
        let venue = try Venue(
            try Arguments.exchange(exchange), try chosenProduct(symbolProduct) ?? .spot,
            Environment(try Arguments.environment(environment), customEndpoint: try endpointOverride()))
        return try ExchangeRegistry.publicClient(
            for: venue,
            configuration: ClientConfiguration(requestTimeoutMs: timeoutMs, allowsInsecureHTTP: insecureHTTP.allowed))
    }

    /// A client for the chosen venue, with the order journal under SENTINEL_HOME.
    func client(symbolProduct: Product? = nil) throws(SentinelError) -> any ExchangeClient {
        let (venue, keys, _) = try resolve(symbolProduct: symbolProduct)
        let journal = try PrivateJournal.open()
        return try ExchangeRegistry.client(
            for: venue, credentials: keys,
            configuration: ClientConfiguration(
                requestTimeoutMs: timeoutMs, journal: journal, allowsInsecureHTTP: insecureHTTP.allowed))
    }
}

/// `--json` for machine-readable output.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON instead of a table.")
    var json = false
}

/// Runs `body` with a client, shutting it down afterwards and turning errors into the diagnosis on stderr.
/// `publicData`: the command reads only public data, so `--exchange` alone (no key) is enough.
func withClient<T>(
    _ options: ConnectionOptions, symbolProduct: Product? = nil, publicData: Bool = false,
    _ body: (any ExchangeClient) async throws(SentinelError) -> T
) async throws -> T {
    let client: any ExchangeClient
    let keyless = publicData && options.isKeyless
    do {
        client = keyless
            ? try options.publicClient(symbolProduct: symbolProduct) : try options.client(symbolProduct: symbolProduct)
    } catch { throw Failure.report(error) }
    if !keyless { await JournalNotes.reconcile(client) }
    // Sentinel refuses to store keys that can withdraw; one that got in some other way is named on every use.
    if !keyless, let permissions = try? await client.permissions(), permissions.withdraw {
        Console.warning(
            "this key can WITHDRAW funds. A trading bot never needs that: turn Withdrawals off for it on "
                + "\(client.venue.exchange.displayName)'s API management page.")
    }
    do {
        let result = try await Spinner.whileRunning("Waiting for \(client.venue.exchange.displayName)") {
            () async throws(SentinelError) in try await body(client)
        }
        await client.shutdown()
        return result
    } catch {
        await client.shutdown()
        throw Failure.report(error)
    }
}

/// A symbol as typed: unified (`BTC/USDT`, `BTC/USDT:USDT`), resolved without a network call, or the exchange's
/// native id (`BTCUSDT`, `BTC-USDT-SWAP`, `XBTUSDTM`), resolved through the exchange's market list once a client
/// exists.
struct SymbolInput {
    let text: String
    let unified: UnifiedSymbol?

    init(_ text: String) throws(SentinelError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 64, trimmed.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 })
        else {
            throw .invalidInput(
                "\"\(text.prefix(40))\" is not a symbol.",
                fix: ["Write it as BTC/USDT (spot), BTC/USDT:USDT (linear) or BTC/USD:BTC (inverse), or as the "
                    + "exchange's own id (`sentinel markets` lists both)."])
        }
        self.text = trimmed
        self.unified = UnifiedSymbol(trimmed)
    }

    /// The product the symbol names, when it is unified; a native id leaves the product to the key or `--product`.
    var product: Product? { unified?.product }

    func resolve(with client: any ExchangeClient) async throws(SentinelError) -> UnifiedSymbol {
        if let unified { return unified }
        return try await client.resolveSymbol(text)
    }
}
