import Foundation
import SentinelCore

/// Everything a KuCoin handler gets: the request, its decoded query, the path variables, the key (private
/// endpoints), the time and which host it came to.
struct KuCoinCall: Sendable {
    let request: SimulatorRequest
    let query: FormParameters
    var variables: [String] = []
    var key: SimulatedAPIKey?
    let now: Int64
    let futuresHost: Bool

    var accountID: Int { key?.accountID ?? -1 }

    /// The JSON object body of a POST (400000 when it is not one).
    func bodyObject() throws(KuCoinError) -> [String: Any] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: Any] else {
            throw .badRequest
        }
        return object
    }

    func bodyJSON() throws(KuCoinError) -> Any {
        guard let value = try? JSONSerialization.jsonObject(with: Data(request.body.utf8)) else { throw .badRequest }
        return value
    }

    /// A required query parameter.
    func required(_ name: String) throws(KuCoinError) -> String {
        guard let value = query[name], !value.isEmpty else { throw .missing(name) }
        return value
    }

    /// The market `symbol` of this host, brought up to now.
    func market(_ symbol: String, _ state: inout EngineState) -> MarketState? {
        state.market(MarketKey(exchange: .kucoin, kind: futuresHost ? .perpetual : .spot, symbol: symbol), now: now)
    }

    var kind: MarketKind { futuresHost ? .perpetual : .spot }
}

/// A JSON body field as KuCoin clients send it: strings or numbers; `null` and `""` mean unset.
enum KuCoinField {
    static func string(_ object: [String: Any], _ name: String) -> String? {
        switch object[name] {
        case let text as String: text.isEmpty ? nil : text
        case let number as NSNumber where !isBoolean(number): number.stringValue
        default: nil
        }
    }

    /// JSON `true`/`false` as Foundation reads them (a number whose type is `char`); `1` is not one.
    static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    static func decimal(_ object: [String: Any], _ name: String) -> ExactDecimal? {
        switch object[name] {
        case let text as String: ExactDecimal(exactly: text)
        case let number as NSNumber where !isBoolean(number):
            // JSON numbers: integers and short decimals are read from their shortest text form.
            ExactDecimal(exactly: number.stringValue)
        default: nil
        }
    }

    static func bool(_ object: [String: Any], _ name: String) -> Bool? {
        switch object[name] {
        case let number as NSNumber where isBoolean(number): number.boolValue
        case let text as String where text == "true": true
        case let text as String where text == "false": false
        default: nil
        }
    }

    /// clientOid: 1–40 of `[A-Za-z0-9_-]`.
    static func isValidClientOid(_ text: String) -> Bool {
        (1...40).contains(text.utf8.count)
            && text.utf8.allSatisfy { byte in
                (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 45
                    || byte == 95
            }
    }
}
