import SentinelCore

/// A request's parameters from the query and the form body; a name in both takes the query's value. An empty
/// value counts as not sent.
struct BinanceParameters: Sendable {
    let query: FormParameters
    let body: FormParameters

    init(query: String, body: String) {
        self.query = FormParameters(query)
        self.body = FormParameters(body)
    }

    /// Parameters made by the simulator itself (one request split into two, as `order/cancelReplace` is).
    init(pairs: [(name: String, value: String)]) {
        query = FormParameters(pairs: pairs)
        body = FormParameters("")
    }

    /// Every parameter sent, the query's first.
    var allPairs: [(name: String, value: String)] { query.pairs + body.pairs }

    subscript(name: String) -> String? {
        if let value = query[name], !value.isEmpty { return value }
        if let value = body[name], !value.isEmpty { return value }
        return nil
    }

    func required(_ name: String) throws(BinanceError) -> String {
        guard let value = self[name] else { throw .mandatory(name) }
        return value
    }

    /// A decimal parameter in Binance's number syntax.
    func decimal(_ name: String) throws(BinanceError) -> ExactDecimal? {
        guard let text = self[name] else { return nil }
        guard Self.isPlainNumber(text), let value = ExactDecimal(exactly: text) else {
            throw .illegalCharacters(name, range: BinanceError.numberRange)
        }
        return value
    }

    /// `true` or `false` (any case), required.
    func boolean(_ name: String) throws(BinanceError) -> Bool {
        switch try required(name).lowercased() {
        case "true": return true
        case "false": return false
        default: throw .mandatory(name)
        }
    }

    func integer(_ name: String) throws(BinanceError) -> Int64? {
        guard let text = self[name] else { return nil }
        guard Self.isDigits(text.utf8, count: 1...19), let value = Int64(text) else {
            throw .mandatory(name)
        }
        return value
    }

    /// `^([0-9]{1,20})(\.[0-9]{1,20})?$`
    static func isPlainNumber(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let dot = utf8.firstIndex(of: UInt8(ascii: ".")) else { return isDigits(utf8[...], count: 1...20) }
        return isDigits(utf8[..<dot], count: 1...20) && isDigits(utf8[utf8.index(after: dot)...], count: 1...20)
    }

    /// ASCII digits only, as many as `count` allows. Over the bytes: `Character.isNumber` asks Unicode's tables
    /// (2 % of the simulator's CPU under load, for the timestamp alone).
    static func isDigits(_ bytes: some Collection<UInt8>, count: ClosedRange<Int>) -> Bool {
        var length = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
            length += 1
        }
        return count.contains(length)
    }
}
