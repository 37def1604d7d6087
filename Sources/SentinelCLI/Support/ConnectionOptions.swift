import ArgumentParser
import Foundation
import SentinelCore
import SentinelExchanges
import SentinelVault

/// How a trading command finds its exchange and key: a credentials file with the exchange, product and
/// environment, or (once stored) a vault entry by name.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "binance or binance-us (the exchanges with a connector today).")
    var exchange: String?

    @Option(help: "spot or linear (USDⓈ-M). Default: spot, or what the symbol says (BTC/USDT:USDT is linear).")
    var product: String?

    @Option(name: .customLong("env"), help: "live, testnet or demo (default: live).")
    var environment: String = "live"

    @Option(help: "A base URL replacing the exchange's host, e.g. the simulator's http://127.0.0.1:8900.")
    var endpoint: String?

    @Option(help: "A JSON file with apiKey and secret (chmod 600).")
    var credentials: String?

    @Option(help: "Wait this long for an answer, in milliseconds.")
    var timeoutMs: Int64 = 10_000

    /// A client for the chosen venue. `symbolProduct` is the product a typed symbol implies, if any.
    func client(symbolProduct: Product? = nil) throws(SentinelError) -> any ExchangeClient {
        guard let exchange else {
            throw .invalidInput(
                "No exchange given.", fix: ["Add --exchange binance (with --credentials FILE), or use --key NAME."])
        }
        let exchangeID = try Arguments.exchange(exchange)
        let productValue: Product
        if let product {
            productValue = try Arguments.product(product)
            if let symbolProduct, symbolProduct != productValue {
                throw .invalidInput(
                    "The symbol is a \(symbolProduct) market but --product is \(productValue).",
                    fix: ["Spot symbols look like BTC/USDT, USDⓈ-M perpetuals like BTC/USDT:USDT."])
            }
        } else {
            productValue = symbolProduct ?? .spot
        }
        let venue = try Venue(
            exchangeID, productValue,
            Environment(try Arguments.environment(environment), customEndpoint: try Arguments.endpoint(endpoint)))
        guard let credentials else {
            throw .invalidInput(
                "No key given.",
                fix: ["Add --credentials FILE with {\"apiKey\": \"…\", \"secret\": \"…\"} (chmod 600)."])
        }
        let keys = try CredentialsFile.load(path: credentials, exchange: exchangeID)
        let home = SentinelHome.path(environment: ProcessInfo.processInfo.environment)
        let journal = try OrderJournal(path: OrderJournal.path(home: home))
        return try ExchangeRegistry.client(
            for: venue, credentials: keys,
            configuration: ClientConfiguration(requestTimeoutMs: timeoutMs, journal: journal))
    }
}

/// `--json` for machine-readable output.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON instead of a table.")
    var json = false
}

/// Runs `body` with a client, shutting it down afterwards and turning errors into the diagnosis on stderr.
func withClient<T>(
    _ options: ConnectionOptions, symbolProduct: Product? = nil,
    _ body: (any ExchangeClient) async throws(SentinelError) -> T
) async throws -> T {
    let client: any ExchangeClient
    do { client = try options.client(symbolProduct: symbolProduct) } catch { throw Failure.report(error) }
    do {
        let result = try await body(client)
        await client.shutdown()
        return result
    } catch {
        await client.shutdown()
        throw Failure.report(error)
    }
}

/// Parses a symbol as typed: unified (`BTC/USDT`, `BTC/USDT:USDT`) or native (`BTCUSDT`, taken as spot).
func parseSymbol(_ text: String) throws(SentinelError) -> UnifiedSymbol {
    if let unified = UnifiedSymbol(text) { return unified }
    for quote in ["USDT", "USDC", "FDUSD", "BUSD", "BTC", "ETH", "BNB", "USD", "EUR", "TRY"] where text.uppercased().hasSuffix(quote) {
        let base = String(text.uppercased().dropLast(quote.count))
        if !base.isEmpty, let symbol = UnifiedSymbol("\(base)/\(quote)") { return symbol }
    }
    throw .invalidInput(
        "\"\(text.prefix(40))\" is not a symbol.",
        fix: ["Write it as BTC/USDT (spot) or BTC/USDT:USDT (USDⓈ-M perpetual)."])
}
