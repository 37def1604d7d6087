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
        guard text.count <= 19, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int64(text) else {
            throw .mandatory(name)
        }
        return value
    }

    /// `^([0-9]{1,20})(\.[0-9]{1,20})?$`
    static func isPlainNumber(_ text: String) -> Bool {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, (1...20).contains(whole.count), whole.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return false }
        if parts.count == 2 {
            return (1...20).contains(parts[1].count) && parts[1].allSatisfy { $0.isASCII && $0.isNumber }
        }
        return true
    }
}
