import Foundation
import SentinelCore

/// Everything an OKX handler gets: the request, the environment its `x-simulated-trading` header selects, the query,
/// the key (private endpoints) and the time.
struct OKXCall: Sendable {
    let request: SimulatorRequest
    let environment: EnvironmentKind
    let query: FormParameters
    var key: SimulatedAPIKey?
    let now: Int64

    var accountID: Int { key?.accountID ?? -1 }

    /// Counts `count` requests against `limit` per 2 s for `scope` (e.g. `order|<uid>|BTC-USDT`), or 50011.
    func admit(_ scope: String, limit: Int, count: Int = 1, state: inout EngineState) throws(OKXError) {
        let limiterKey = "okx|" + scope
        var limiter = state.orderLimiters[limiterKey] ?? OrderRateLimiter(limits: [("2S", 2_000, limit)])
        let verdict = limiter.admit(orders: count, at: now, enforce: state.enforcesRateLimits)
        state.orderLimiters[limiterKey] = limiter
        if case .rejected = verdict { throw .rateLimited }
    }

    /// The JSON object body of a POST.
    func bodyObject() throws(OKXError) -> [String: Any] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: Any] else {
            throw OKXError(status: 400, code: "50002", message: "JSON syntax error")
        }
        return object
    }

    /// The JSON array body of a batch POST.
    func bodyArray() throws(OKXError) -> [[String: Any]] {
        guard let array = try? JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [[String: Any]] else {
            throw OKXError(status: 400, code: "50002", message: "JSON syntax error")
        }
        return array
    }

    /// The market named `instId`, brought up to now.
    func market(_ instId: String, _ state: inout EngineState) -> MarketState? {
        for kind in [MarketKind.spot, .perpetual] {
            if let market = state.market(MarketKey(exchange: .okx, kind: kind, symbol: instId), now: now) {
                return market
            }
        }
        return nil
    }
}

/// A JSON body field as OKX clients send it: strings, with `""` (and `null`) meaning unset.
enum OKXField {
    static func string(_ object: [String: Any], _ name: String) -> String? {
        switch object[name] {
        case let text as String: text.isEmpty ? nil : text
        case let number as NSNumber where !(object[name] is Bool): number.stringValue
        default: nil
        }
    }

    static func bool(_ object: [String: Any], _ name: String) -> Bool? {
        switch object[name] {
        case let flag as Bool: flag
        case let text as String where text == "true": true
        case let text as String where text == "false": false
        default: nil
        }
    }
}
