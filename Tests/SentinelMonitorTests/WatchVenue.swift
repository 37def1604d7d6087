import Foundation
import SentinelCore
import SentinelExchanges
import SentinelMonitor
import SentinelSimulator

/// One venue the activity monitor is tried on: its simulator listener and a liquid symbol.
struct WatchVenue: Sendable, CustomStringConvertible {
    let name: String
    let keyExchange: String
    let listener: SimulatorVenue
    let exchange: ExchangeID
    let product: Product
    let symbol: UnifiedSymbol

    var description: String { name }

    static let all: [WatchVenue] = [
        WatchVenue(
            name: "binance spot", keyExchange: "binance", listener: .binance, exchange: .binance, product: .spot,
            symbol: UnifiedSymbol("BTC/USDT")!),
        WatchVenue(
            name: "binance usdm", keyExchange: "binance", listener: .binanceUSDM, exchange: .binance, product: .linear,
            symbol: UnifiedSymbol("BTC/USDT:USDT")!),
        WatchVenue(
            name: "binance-us spot", keyExchange: "binance-us", listener: .binanceUS, exchange: .binanceUS,
            product: .spot, symbol: UnifiedSymbol("BTC/USDT")!),
        WatchVenue(
            name: "bybit linear", keyExchange: "bybit", listener: .bybit, exchange: .bybit, product: .linear,
            symbol: UnifiedSymbol("BTC/USDT:USDT")!),
        WatchVenue(
            name: "okx swap", keyExchange: "okx", listener: .okx, exchange: .okx, product: .linear,
            symbol: UnifiedSymbol("BTC/USDT:USDT")!),
        WatchVenue(
            name: "kucoin spot", keyExchange: "kucoin", listener: .kucoin, exchange: .kucoin, product: .spot,
            symbol: UnifiedSymbol("BTC/USDT")!),
        WatchVenue(
            name: "kucoin futures", keyExchange: "kucoin", listener: .kucoinFutures, exchange: .kucoin, product: .linear,
            symbol: UnifiedSymbol("BTC/USDT:USDT")!),
        WatchVenue(
            name: "bitget spot", keyExchange: "bitget", listener: .bitget, exchange: .bitget, product: .spot,
            symbol: UnifiedSymbol("BTC/USDT")!),
    ]

    /// A simulator, a whitelisted key, a client and a monitor over an in-memory journal and a private store.
    struct Session {
        let simulator: RunningSimulator
        let apiKey: String
        let client: any ExchangeClient
        let journal: OrderJournal
        let monitor: ActivityMonitor
        let folder: String

        func close() async {
            await monitor.shutdown()
            await simulator.shutdown()
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    func session(policy: ActivityPolicy = ActivityPolicy()) async throws -> Session {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration(enforcesRateLimits: false))
        let key = try await simulator.createKey(
            SimulatedKeyRequest(exchange: keyExchange, permissions: ["read", "trade", "futures"], ipWhitelist: ["127.0.0.1"]))
        let journal = try OrderJournal(path: nil)
        let venue = try Venue(exchange, product, Environment(.live, customEndpoint: simulator.url(for: listener)))
        let credentials = Credentials(
            apiKey: key.apiKey, secret: SecretText(key.secret), passphrase: key.passphrase.map(SecretText.init))
        let client = try ExchangeRegistry.client(
            for: venue, credentials: credentials,
            configuration: ClientConfiguration(requestTimeoutMs: 10_000, journal: journal))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sentinel-watch-\(UUID().uuidString)").path
        let watched = WatchedKey(
            name: "bot", exchange: exchange, products: [product], storedAt: nil, isInVault: true)
        let monitor = ActivityMonitor(
            key: watched, fingerprint: credentials.fingerprint, clients: [client], journal: journal, policy: policy,
            store: ActivityBaselineStore(folder: folder))
        return Session(
            simulator: simulator, apiKey: key.apiKey, client: client, journal: journal, monitor: monitor, folder: folder)
    }

    /// A limit buy 3% under the market, of the smallest valid size, in Sentinel's terms and in the exchange's own
    /// unit (contracts where it counts contracts), for the admin API's "other client".
    func restingBuy(_ client: any ExchangeClient) async throws -> (request: OrderRequest, nativeQuantity: String) {
        guard let market = try await client.markets().first(where: { $0.symbol == symbol }),
            let reference = try await client.ticker(symbol).reference
        else { throw WatchTestError.noMarket(name) }
        let price = try Price(reference.value.multiplied(by: ExactDecimal("0.97")))
            .rounded(toMultipleOf: market.rules.tickSize, .down)
        let quantity = try market.rules.smallestQuantity(at: price)
        var native = quantity.value
        if case .baseContracts(let size) = market.sizing {
            native = try quantity.value.divided(by: size, places: 8, rounding: .down).normalized
        }
        return (OrderRequest(symbol: symbol, side: .buy, type: .limit, quantity: quantity, price: price), native.description)
    }
}

enum WatchTestError: Error {
    case noMarket(String)
}
