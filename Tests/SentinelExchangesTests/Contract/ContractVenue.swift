import SentinelCore
import SentinelNet
import SentinelSimulator

@testable import SentinelExchanges

/// One venue the `ExchangeClient` contract runs on: its simulator listener, the key to make, a liquid symbol.
/// A new connector adds its venues here and passes the same suite.
struct ContractVenue: Sendable, CustomStringConvertible {
    let name: String
    let keyExchange: String
    let listener: SimulatorVenue
    let exchange: ExchangeID
    let product: Product
    let symbol: UnifiedSymbol
    /// The asset whose balance grows when a buy fills (spot), nil where a position shows it (derivatives).
    let boughtAsset: String?
    /// The path orders are placed on, for faults aimed at placement only.
    let orderPath: String
    /// False where the exchange sizes market buys in the quote coin (Bitget spot): the connector refuses them.
    var marketBuys = true

    var description: String { name }

    static let all: [ContractVenue] = [
        ContractVenue(
            name: "binance spot", keyExchange: "binance", listener: .binance, exchange: .binance, product: .spot,
            symbol: UnifiedSymbol("BTC/USDT")!, boughtAsset: "BTC", orderPath: "/api/v3/order"),
        ContractVenue(
            name: "binance usdm", keyExchange: "binance", listener: .binanceUSDM, exchange: .binance, product: .linear,
            symbol: UnifiedSymbol("BTC/USDT:USDT")!, boughtAsset: nil, orderPath: "/fapi/v1/order"),
        ContractVenue(
            name: "binance-us spot", keyExchange: "binance-us", listener: .binanceUS, exchange: .binanceUS,
            product: .spot, symbol: UnifiedSymbol("BTC/USDT")!, boughtAsset: "BTC", orderPath: "/api/v3/order"),
        ContractVenue(
            name: "bybit spot", keyExchange: "bybit", listener: .bybit, exchange: .bybit, product: .spot,
            symbol: UnifiedSymbol("BTC/USDT")!, boughtAsset: "BTC", orderPath: "/v5/order/create"),
        ContractVenue(
            name: "bybit linear", keyExchange: "bybit", listener: .bybit, exchange: .bybit, product: .linear,
            symbol: UnifiedSymbol("BTC/USDT:USDT")!, boughtAsset: nil, orderPath: "/v5/order/create"),
        ContractVenue(
            name: "okx spot", keyExchange: "okx", listener: .okx, exchange: .okx, product: .spot,
            symbol: UnifiedSymbol("BTC/USDT")!, boughtAsset: "BTC", orderPath: "/api/v5/trade/order"),
        ContractVenue(
            name: "okx swap", keyExchange: "okx", listener: .okx, exchange: .okx, product: .linear,
            symbol: UnifiedSymbol("BTC/USDT:USDT")!, boughtAsset: nil, orderPath: "/api/v5/trade/order"),
        ContractVenue(
            name: "bitget spot", keyExchange: "bitget", listener: .bitget, exchange: .bitget, product: .spot,
            symbol: UnifiedSymbol("BTC/USDT")!, boughtAsset: "BTC", orderPath: "/api/v2/spot/trade/place-order",
            marketBuys: false),
        ContractVenue(
            name: "bitget usdt-m", keyExchange: "bitget", listener: .bitget, exchange: .bitget, product: .linear,
            symbol: UnifiedSymbol("BTC/USDT:USDT")!, boughtAsset: nil, orderPath: "/api/v2/mix/order/place-order"),
        ContractVenue(
            name: "kucoin spot", keyExchange: "kucoin", listener: .kucoin, exchange: .kucoin, product: .spot,
            symbol: UnifiedSymbol("BTC/USDT")!, boughtAsset: "BTC", orderPath: "/api/v1/hf/orders"),
        ContractVenue(
            name: "kucoin futures", keyExchange: "kucoin", listener: .kucoinFutures, exchange: .kucoin, product: .linear,
            symbol: UnifiedSymbol("BTC/USDT:USDT")!, boughtAsset: nil, orderPath: "/api/v1/orders"),
    ]

    /// A running simulator, a fresh funded key and a client on this venue with an in-memory journal.
    struct Session {
        let simulator: RunningSimulator
        let client: any ExchangeClient
        let journal: OrderJournal

        func close() async {
            await client.shutdown()
            await simulator.shutdown()
        }
    }

    /// `recvWindow` nil is each exchange's own default (5 s or more); a short one is for tests that wait it out, since
    /// a loaded machine that stalls longer than the window between signing and the check gets a timestamp refusal.
    func session(timeoutMs: Int64 = 10_000, recvWindow: Int? = nil) async throws -> Session {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        let key = try await simulator.createKey(
            SimulatedKeyRequest(exchange: keyExchange, permissions: ["read", "trade", "futures"]))
        let journal = try OrderJournal(path: nil)
        let venue = try Venue(exchange, product, Environment(.live, customEndpoint: simulator.url(for: listener)))
        let client = try ExchangeRegistry.client(
            for: venue,
            credentials: Credentials(
                apiKey: key.apiKey, secret: SecretText(key.secret), passphrase: key.passphrase.map(SecretText.init)),
            configuration: ClientConfiguration(
                requestTimeoutMs: timeoutMs, readRetry: RetryPolicy(maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 50),
                journal: journal, recvWindow: recvWindow, lookUpDelaysMs: [100, 200, 400, 800]))
        return Session(simulator: simulator, client: client, journal: journal)
    }
}
