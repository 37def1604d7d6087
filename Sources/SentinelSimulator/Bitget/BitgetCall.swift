import Foundation
import SentinelCore

/// Everything a Bitget handler gets: the request, the environment `paptrading` selects, the query, the key
/// (private endpoints) and the time.
struct BitgetCall: Sendable {
    let request: SimulatorRequest
    let environment: EnvironmentKind
    let query: FormParameters
    var key: SimulatedAPIKey?
    let now: Int64

    var accountID: Int { key?.accountID ?? -1 }

    /// Counts `count` requests against `limit` per second for `scope`, or HTTP 429; returns how many remain this
    /// second (the `x-mbx-used-remain-limit` header, bitget.md §5).
    @discardableResult
    func admit(_ scope: String, limit: Int, count: Int = 1, state: inout EngineState) throws(BitgetError) -> Int {
        let limiterKey = "bitget|" + scope
        var limiter = state.orderLimiters[limiterKey] ?? OrderRateLimiter(limits: [("1S", 1_000, limit)])
        let verdict = limiter.admit(orders: count, at: now, enforce: state.enforcesRateLimits)
        state.orderLimiters[limiterKey] = limiter
        switch verdict {
        case .rejected: throw .rateLimited
        case .allowed(let counts): return max(0, limit - (counts["1S"] ?? 0))
        }
    }

    /// The JSON object body of a POST (the bytes received; bodies with spaces parse alike).
    func bodyObject() throws(BitgetError) -> [String: Any] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: Any] else {
            throw BitgetError(code: "40017", message: "Parameter verification failed: the body is not a JSON object")
        }
        return object
    }

    /// The market `symbol` of `kind`, brought up to now.
    func market(_ symbol: String, kind: MarketKind, _ state: inout EngineState) -> MarketState? {
        state.market(MarketKey(exchange: .bitget, kind: kind, symbol: symbol), now: now)
    }

    /// The product type a futures request names (`USDT-FUTURES`, lower case accepted): required, and one of the three.
    func productType(_ value: String?) throws(BitgetError) -> BitgetProductType {
        guard let value, !value.isEmpty else { throw .empty("productType") }
        guard let type = BitgetProductType(rawValue: value.uppercased()) else { throw .parameter("productType") }
        return type
    }
}

/// The futures families, chosen by `productType` (bitget.md §4). The engine's perpetuals are USDT-margined: they
/// are listed under USDT-FUTURES; COIN-FUTURES and USDC-FUTURES list no contracts here, nor do the legacy demo
/// families (`SUSDT-FUTURES`…) that ccxt still asks for when it loads markets.
enum BitgetProductType: String, Sendable {
    case usdt = "USDT-FUTURES"
    case coin = "COIN-FUTURES"
    case usdc = "USDC-FUTURES"
    case legacyDemoUSDT = "SUSDT-FUTURES"
    case legacyDemoCoin = "SCOIN-FUTURES"
    case legacyDemoUSDC = "SUSDC-FUTURES"

    var marginCoin: String {
        switch self {
        case .usdt: "USDT"
        case .coin: "BTC"
        case .usdc: "USDC"
        case .legacyDemoUSDT: "SUSDT"
        case .legacyDemoCoin: "SBTC"
        case .legacyDemoUSDC: "SUSDC"
        }
    }

    /// Whether the engine's perpetual `symbol` belongs to this family.
    func lists(_ symbol: String) -> Bool { self == .usdt && symbol.hasSuffix("USDT") }
}

/// A JSON body field as Bitget clients send it: strings (numbers accepted), `""` and `null` meaning unset.
enum BitgetField {
    static func string(_ object: [String: Any], _ name: String) -> String? {
        switch object[name] {
        case let text as String: text.isEmpty ? nil : text
        case let number as NSNumber where !(object[name] is Bool): number.stringValue
        default: nil
        }
    }
}
