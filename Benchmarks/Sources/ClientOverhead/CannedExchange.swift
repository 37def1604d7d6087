import Foundation
import Sentinel

/// One exchange of `canned.json`: the order to place and the recorded answer of each request path.
struct CannedExchange {
    var exchange: ExchangeID
    var symbol: UnifiedSymbol
    var price: Price
    var amount: Quantity
    var answers: [String: [UInt8]]

    /// All exchanges of `canned.json`, reading the answer files relative to `root` (the repository).
    static func load(_ file: String, root: String) throws -> [CannedExchange] {
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

struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
