import Foundation
import Sentinel
import SentinelNet

// Place + cancel round trips against a Binance-speaking endpoint (the simulator), timed as a whole:
//   RoundTrips --endpoint http://127.0.0.1:8900 --credentials key.json [--count 2000] [--symbol BTC/USDT] [--price 20000]
//              [--on-transport-loop] [--transport keep-alive|async-http-client]
// The same loop exists for ccxt in ../../ccxt_roundtrips.py and as the raw-HTTP floor in ../../raw_roundtrips.py;
// ../../run-all.py runs the three side by side. One JSON line on stdout. The client paces itself to the limits the
// exchange advertises; a simulator started with --no-rate-limits advertises limits no loop here reaches.

func argument(_ name: String, default value: String? = nil) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: "--" + name), index + 1 < arguments.count else { return value }
    return arguments[index + 1]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

guard let endpoint = argument("endpoint"), let credentialsPath = argument("credentials") else {
    fail("usage: RoundTrips --endpoint URL --credentials FILE [--count N] [--symbol S] [--price P]")
}
let count = Int(argument("count", default: "2000")!) ?? 2000
guard let symbol = UnifiedSymbol(argument("symbol", default: "BTC/USDT")!) else { fail("bad --symbol") }
guard let data = FileManager.default.contents(atPath: credentialsPath),
    let object = try? JSONSerialization.jsonObject(with: data) as? [String: String],
    let apiKey = object["apiKey"], let secret = object["secret"]
else { fail("cannot read \(credentialsPath)") }

/// The loop, off the main actor, as a bot's own task runs it: on the main actor each call would pay two executor
/// hops that no client needs.
nonisolated func run(
    endpoint: String, apiKey: String, secret: String, symbol: UnifiedSymbol, count: Int, price: String?,
    transport: any HTTPTransport
) async throws {
    let venue = try Venue(.binance, symbol.product ?? .spot, Environment(.live, customEndpoint: endpoint))
    let client = try BinanceClient(
        venue: venue, credentials: Credentials(apiKey: apiKey, secret: SecretText(secret)), transport: transport)
    _ = try await client.synchronizeClock()
    guard let market = try await client.markets().first(where: { $0.symbol == symbol }),
        let reference = try await client.ticker(symbol).reference
    else { throw SentinelError.invalidInput("\(symbol) is not traded on \(endpoint)", fix: []) }
    let price = try Price(price ?? (try reference.value.multiplied(by: ExactDecimal("0.8"))).description)
        .rounded(toMultipleOf: market.rules.tickSize, .up)
    let quantity = try market.rules.smallestQuantity(at: price)
    let started = Date()
    for _ in 0..<count {
        let order = try await client.placeOrder(
            OrderRequest(symbol: symbol, side: .buy, type: .limit, quantity: quantity, price: price))
        _ = try await client.cancelOrder(symbol: symbol, .exchangeID(order.id))
    }
    let seconds = Date().timeIntervalSince(started)
    print(
        #"{"client":"sentinel","trips":\#(count),"seconds":\#((seconds * 10_000).rounded() / 10_000),"#
            + #""trips_per_s":\#((Double(count) / seconds * 10).rounded() / 10)}"#)
    await client.shutdown()
}

let price = argument("price", default: nil)
let transport: any HTTPTransport
switch argument("transport", default: "keep-alive")! {
case "keep-alive": transport = KeepAliveHTTPTransport()
case "async-http-client": transport = AsyncHTTPTransport()
case let other: fail("--transport \(other): keep-alive or async-http-client")
}
do {
    let onTransportLoop = CommandLine.arguments.contains("--on-transport-loop")
    try await Task(executorPreference: onTransportLoop ? TransportEventLoop.taskExecutor : globalConcurrentExecutor) {
        try await run(
            endpoint: endpoint, apiKey: apiKey, secret: secret, symbol: symbol, count: count, price: price,
            transport: transport)
    }.value
} catch {
    fail(String(describing: error))
}
