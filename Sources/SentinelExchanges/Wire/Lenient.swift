import Foundation
import SentinelCore

/// A value an exchange may send as itself or as a string: `"orderId": 123` or `"123"`, `true` or `"true"`.
struct Lenient<Value: Decodable & LosslessStringConvertible & Sendable & Hashable>: Decodable, Sendable, Hashable {
    let value: Value

    init(value: Value) { self.value = value }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let direct = try? container.decode(Value.self) {
            value = direct
        } else if let text = try? container.decode(String.self), let parsed = Value(text.lowercased()) {
            value = parsed
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected \(Value.self)")
        }
    }
}

typealias LenientInt = Lenient<Int64>
typealias LenientBool = Lenient<Bool>

/// An identifier sent as a JSON number or a string, kept as text.
struct LenientID: Decodable, Sendable, Hashable {
    let value: String

    init(value: String) { self.value = value }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            value = text
        } else if let number = try? container.decode(Int64.self) {
            value = String(number)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected an id")
        }
    }
}

/// A decimal sent as a string or a number (OKX, Bitget, KuCoin); `""` and `null` decode to nil.
struct WireDecimal: Decodable, Sendable, Hashable {
    let value: ExactDecimal?

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = nil
        } else if let text = try? container.decode(String.self) {
            if text.isEmpty {
                value = nil
                return
            }
            guard let parsed = ExactDecimal(exactly: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a decimal: \(text.prefix(40))")
            }
            value = parsed
        } else if let integer = try? container.decode(Int64.self) {
            value = ExactDecimal(exactly: String(integer))
        } else {
            // A fractional JSON number (KuCoin futures, Bitget mix books): Foundation's Decimal keeps its digits,
            // never a binary double.
            let number = try container.decode(Decimal.self)
            guard let parsed = ExactDecimal(exactly: number.description) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a decimal: \(number)")
            }
            value = parsed
        }
    }

    var int64: Int64? { value.flatMap { Int64($0.normalized.description) } }
}
