import Foundation
import Sentinel

/// One exchange of `canned.json`: the order to place and the recorded answer of each request path.
public struct CannedExchange: Sendable {
    public var exchange: ExchangeID
    public var symbol: UnifiedSymbol
    public var price: Price
    public var amount: Quantity
    public var answers: [String: [UInt8]]

    /// A fresh order of this exchange's canned kind (each with its own client order id).
    public func order() -> OrderRequest {
        OrderRequest(symbol: symbol, side: .buy, type: .limit, quantity: amount, price: price)
    }

    /// A client of this exchange whose every request is answered from memory, with its markets loaded and one order
    /// already placed (the first call's one-time work is not part of the cost per order).
    public func preparedClient() async throws -> (client: any ExchangeClient, transport: CannedTransport) {
        let transport = CannedTransport(answers: answers)
        let venue = try Venue(exchange, .spot, Environment(.live, customEndpoint: "http://127.0.0.1:9"))
        let client = try unpacedClient(
            exchange, venue: venue, credentials: Self.credentials(for: exchange), transport: transport)
        _ = try await client.markets()
        _ = try await client.placeOrder(order())
        return (client, transport)
    }

    /// Keys of the right shapes; nothing is sent anywhere.
    static func credentials(for exchange: ExchangeID) -> Credentials {
        let passphrase: SecretText? = exchange.traits.passphrase == .required ? SecretText("Bench-passphrase-1") : nil
        return Credentials(
            apiKey: "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
            secret: SecretText("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"),
            passphrase: passphrase)
    }

    /// The repository's own `canned.json`, found from this file's place in it (whatever the working folder).
    public static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// All exchanges of `canned.json`, reading the answer files relative to `root` (the repository).
    public static func load(_ file: String, root: String) throws -> [CannedExchange] {
        guard let data = FileManager.default.contents(atPath: file),
            let top = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let exchanges = top["exchanges"] as? [String: [String: Any]]
        else { throw Failure("cannot read \(file)") }
        return try exchanges.keys.sorted().map { name in
            let entry = exchanges[name]!
            guard let exchange = ExchangeID(rawValue: name),
                let symbol = UnifiedSymbol(entry["symbol"] as? String ?? ""),
                let routes = entry["routes"] as? [String: String]
            else { throw Failure("bad entry \(name) in \(file)") }
            var answers: [String: [UInt8]] = [:]
            for (path, relative) in routes {
                guard let body = FileManager.default.contents(atPath: root + "/" + relative) else {
                    throw Failure("cannot read \(relative)")
                }
                answers[path] = Array(body)
            }
            return CannedExchange(
                exchange: exchange, symbol: symbol, price: try Price(entry["price"] as? String ?? ""),
                amount: try Quantity(entry["amount"] as? String ?? ""), answers: answers)
        }
    }
}

public struct Failure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
