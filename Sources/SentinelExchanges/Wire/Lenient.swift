import SentinelCore

/// An integer an exchange may send as a JSON number or as a string (`"orderId": 123` / `"123"`).
struct LenientInt: Decodable, Sendable, Hashable {
    let value: Int64

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) {
            value = number
        } else if let text = try? container.decode(String.self), let number = Int64(text) {
            value = number
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected an integer")
        }
    }
}

/// A boolean sent as `true` or as `"true"`.
struct LenientBool: Decodable, Sendable, Hashable {
    let value: Bool

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            value = flag
        } else if let text = try? container.decode(String.self), let flag = Bool(text.lowercased()) {
            value = flag
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a boolean")
        }
    }
}

/// An identifier sent as a JSON number or a string, kept as text.
struct LenientID: Decodable, Sendable, Hashable {
    let value: String

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
