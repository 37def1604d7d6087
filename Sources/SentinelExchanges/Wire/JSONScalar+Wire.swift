import SentinelCore

/// The byte-level readings of a scalar that match the `Decodable` wire types (`Lenient`, `LenientID`, `ExactDecimal`):
/// each is nil where that type's decoding would refuse or take a path not read here, so that a byte-level decoder
/// can hand such an answer to `JSONDecoder` instead of guessing.
extension JSONScalar {
    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// `LenientID`: a string as is, an integer as its digits.
    var id: String? {
        switch self {
        case .string(let text): return text
        case .number(let text): return Int64(text).map { String($0) }
        default: return nil
        }
    }

    /// `ExactDecimal`: a decimal string, or an integer.
    var decimal: ExactDecimal? {
        switch self {
        case .string(let text): return try? ExactDecimal(text)
        case .number(let text): return Int64(text).flatMap { try? ExactDecimal(String($0)) }
        default: return nil
        }
    }

    /// `LenientInt`: an integer, or a string of one.
    var integer: Int64? {
        switch self {
        case .number(let text): return Int64(text)
        // As `Lenient` reads it (which lowercases first, for booleans): case cannot make a number of letters.
        case .string(let text): return Int64(text)
        default: return nil
        }
    }

    /// `LenientBool`: a boolean, or a string of one.
    var bool: Bool? {
        switch self {
        case .bool(let value): return value
        case .string(let text): return Bool(text.lowercased())
        default: return nil
        }
    }
}

/// An optional member's reading: absent or null is nil; present must read, or the whole byte-level decode gives up.
enum OptionalMember<Value> {
    case value(Value?)
    case unreadable

    init(_ scalar: JSONScalar?, _ read: (JSONScalar) -> Value?) {
        guard let scalar, scalar != .null else {
            self = .value(nil)
            return
        }
        guard let value = read(scalar) else {
            self = .unreadable
            return
        }
        self = .value(value)
    }
}
