import Foundation
import SentinelCore

/// One value of a JSON request body. Numbers are kept only when they are integers: Bybit takes prices and
/// quantities as strings, and a float would be read inexactly.
enum BybitValue: Sendable, Decodable, Equatable {
    case string(String)
    case integer(Int64)
    case bool(Bool)
    case list([BybitValue])
    case object([String: BybitValue])
    case other

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .other
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let number = try? container.decode(Int64.self) {
            self = .integer(number)
        } else if let list = try? container.decode([BybitValue].self) {
            self = .list(list)
        } else if let object = try? container.decode([String: BybitValue].self) {
            self = .object(object)
        } else {
            self = .other
        }
    }

    /// The value as the text a query string would carry.
    var text: String? {
        switch self {
        case .string(let text): text
        case .integer(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        default: nil
        }
    }
}

/// A request's parameters: the query of a GET, the JSON object of a POST. An empty string counts as not sent.
struct BybitParameters: Sendable {
    private let values: [String: BybitValue]

    init(values: [String: BybitValue]) {
        self.values = values
    }

    init(query: String) {
        var values: [String: BybitValue] = [:]
        for (name, value) in FormParameters(query).pairs where values[name] == nil { values[name] = .string(value) }
        self.values = values
    }

    /// Parses a POST body; an empty body is an empty object.
    static func body(_ text: String) throws(BybitError) -> BybitParameters {
        guard !text.allSatisfy(\.isWhitespace) else { return BybitParameters(values: [:]) }
        guard let object = try? JSONDecoder().decode([String: BybitValue].self, from: Data(text.utf8)) else {
            throw .parameter("request body is not a JSON object")
        }
        return BybitParameters(values: object)
    }

    subscript(name: String) -> String? {
        guard let text = values[name]?.text, !text.isEmpty else { return nil }
        return text
    }

    func value(_ name: String) -> BybitValue? { values[name] }

    func required(_ name: String) throws(BybitError) -> String {
        guard let value = self[name] else { throw .missing(name) }
        return value
    }

    /// A decimal sent as a string, e.g. `"0.001"`.
    func decimal(_ name: String) throws(BybitError) -> ExactDecimal? {
        guard let text = self[name] else { return nil }
        guard text.utf8.count <= 40, text.first != "+", text.first != "-", let value = ExactDecimal(exactly: text)
        else { throw .parameter("\(name) invalid") }
        return value
    }

    func flag(_ name: String) throws(BybitError) -> Bool {
        switch values[name] {
        case nil, .other?: return false
        case .bool(let flag)?: return flag
        case .string("true")?, .integer(1)?, .string("1")?: return true
        case .string("false")?, .integer(0)?, .string("0")?, .string("")?: return false
        default: throw .parameter("\(name) invalid")
        }
    }

    func integer(_ name: String) throws(BybitError) -> Int? {
        guard let text = self[name] else { return nil }
        guard text.utf8.count <= 9, let number = Int(text) else { throw .parameter("\(name) invalid") }
        return number
    }
}
