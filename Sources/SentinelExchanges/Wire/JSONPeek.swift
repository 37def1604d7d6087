/// Byte-level looks at JSON text that need no `JSONDecoder`: whether a text is one JSON object or array, and one
/// scalar member of an answer's top-level object (an envelope's `code`). Every answer of an exchange is read for its
/// verdict and its rate-limit signal before its payload is decoded; decoding the whole document three times cost
/// more than anything else in the order path.
enum JSONPeek {
    /// Whether `text` is exactly one JSON object or array, with nothing but whitespace around it (RFC 8259).
    static func isObjectOrArray(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var cursor = JSONCursor(bytes)
            cursor.skipWhitespace()
            guard let first = cursor.peek, first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return false }
            guard cursor.skipValue(depth: 0) else { return false }
            cursor.skipWhitespace()
            return cursor.atEnd
        }
    }

    /// The member `key` of the top-level object of `body` as written: a string's characters, or a number or
    /// literal's text. Nil when the body is not an object, has no such member before anything malformed, or the
    /// member is a string with escapes, an object or an array: callers then decode the answer in full.
    static func topLevelScalar(_ key: StaticString, in body: [UInt8]) -> String? {
        switch scalar(at: [.member(key)], in: body) {
        case .string(let text)?, .number(let text)?: text
        case .bool(let flag)?: flag ? "true" : "false"
        case .null?: "null"
        case nil: nil
        }
    }

    /// The scalar at `path` in `body` (`data[0].ordId`: `[.member("data"), .first, .member("ordId")]`), read without
    /// decoding anything around it. Nil where the path leads nowhere, to a container or to a string with escapes, or
    /// through malformed text.
    static func scalar(at path: [JSONPathStep], in body: [UInt8]) -> JSONScalar? {
        body.withUnsafeBufferPointer { bytes in
            var cursor = JSONCursor(bytes)
            cursor.skipWhitespace()
            for step in path {
                switch step {
                case .member(let key):
                    guard cursor.seek(key) else { return nil }
                case .first:
                    guard cursor.take(UInt8(ascii: "[")) else { return nil }
                    cursor.skipWhitespace()
                }
            }
            return cursor.scalar()
        }
    }
}

/// One step into a JSON document: a member of an object, or the first element of an array.
enum JSONPathStep {
    case member(StaticString)
    case first
}

/// A scalar as written: a string's characters (strings with escapes are not read here), a number's text, a literal.
enum JSONScalar: Equatable {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
}

extension JSONCursor {
    /// Walks the object here: `member` gets each member's name (without escapes) with the cursor on its value, and
    /// must step over the value. False when the text is not such an object or `member` says stop.
    mutating func members(_ member: (Slice<UnsafeBufferPointer<UInt8>>, inout JSONCursor) -> Bool) -> Bool {
        skipWhitespace()
        guard peek == UInt8(ascii: "{") else { return false }
        return container(close: UInt8(ascii: "}"), depth: 0) { cursor in
            guard let name = cursor.string(), !name.escaped else { return false }
            cursor.skipWhitespace()
            guard cursor.take(UInt8(ascii: ":")) else { return false }
            cursor.skipWhitespace()
            return member(cursor.bytes(name.range), &cursor)
        }
    }

    /// Moves to the value of the member `key` of the object here.
    mutating func seek(_ key: StaticString) -> Bool {
        var found = false
        _ = key.withUTF8Buffer { key in
            members { name, cursor in
                if name.elementsEqual(key) {
                    found = true
                    return false
                }
                return cursor.skipValue(depth: 1)
            }
        }
        return found
    }

    /// The scalar here, or nil for an object, an array, a string with escapes or malformed text.
    mutating func scalar() -> JSONScalar? {
        switch peek {
        case UInt8(ascii: "\""):
            guard let text = scalarText() else { return nil }
            return .string(text)
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            guard let text = scalarText() else { return nil }
            return .bool(text == "true")
        case UInt8(ascii: "n"):
            guard scalarText() != nil else { return nil }
            return .null
        case UInt8(ascii: "{"), UInt8(ascii: "["), nil:
            return nil
        default:
            return scalarText().map(JSONScalar.number)
        }
    }
}

/// A position in JSON text and the grammar's steps from there; every step says whether the text obeyed.
struct JSONCursor {
    static let maxDepth = 512
    private let text: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(_ text: UnsafeBufferPointer<UInt8>) { self.text = text }

    var atEnd: Bool { index == text.count }
    var peek: UInt8? { index < text.count ? text[index] : nil }

    func bytes(_ range: Range<Int>) -> Slice<UnsafeBufferPointer<UInt8>> { text[range] }

    mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        return true
    }

    mutating func skipWhitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    /// A string's contents between its quotes, and whether it has escapes.
    mutating func string() -> (range: Range<Int>, escaped: Bool)? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        var escaped = false
        while true {
            // The common bytes first, in a loop of their own: most strings have no escape.
            while index < text.count, Self.isPlainStringByte(text[index]) { index += 1 }
            guard let byte = peek else { break }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return (start..<index - 1, escaped)
            case UInt8(ascii: "\\"):
                escaped = true
                index += 1
                guard let escape = peek else { return nil }
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    continue
                case UInt8(ascii: "u"):
                    for _ in 0..<4 {
                        guard let hex = peek, Self.isHexDigit(hex) else { return nil }
                        index += 1
                    }
                default:
                    return nil
                }
            case 0..<0x20:
                return nil
            default:
                index += 1
            }
        }
        return nil
    }

    /// Not a quote, a backslash or a control character: a byte a string holds as it is.
    @inline(__always)
    static func isPlainStringByte(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
    }

    /// `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`
    mutating func number() -> Range<Int>? {
        let start = index
        _ = take(UInt8(ascii: "-"))
        if take(UInt8(ascii: "0")) {
        } else if let digit = peek, (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(digit) {
            skipDigits()
        } else {
            return nil
        }
        if take(UInt8(ascii: ".")) {
            guard skipDigits() else { return nil }
        }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            guard skipDigits() else { return nil }
        }
        return start..<index
    }

    /// The text of the scalar here: a string without escapes (its characters), a number or a literal.
    mutating func scalarText() -> String? {
        switch peek {
        case UInt8(ascii: "\""):
            guard let string = string(), !string.escaped else { return nil }
            return String(decoding: text[string.range], as: UTF8.self)
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            let start = index
            guard literal() else { return nil }
            return String(decoding: text[start..<index], as: UTF8.self)
        default:
            guard let range = number() else { return nil }
            return String(decoding: text[range], as: UTF8.self)
        }
    }

    /// Steps over one value of any kind, checking its grammar; objects and arrays nest at most `maxDepth` deep.
    mutating func skipValue(depth: Int) -> Bool {
        switch peek {
        case UInt8(ascii: "\""):
            return string() != nil
        case UInt8(ascii: "{"):
            return container(close: UInt8(ascii: "}"), depth: depth) { cursor in
                guard cursor.string() != nil else { return false }
                cursor.skipWhitespace()
                guard cursor.take(UInt8(ascii: ":")) else { return false }
                cursor.skipWhitespace()
                return cursor.skipValue(depth: depth + 1)
            }
        case UInt8(ascii: "["):
            return container(close: UInt8(ascii: "]"), depth: depth) { $0.skipValue(depth: depth + 1) }
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            return literal()
        default:
            return number() != nil
        }
    }

    private mutating func container(close: UInt8, depth: Int, element: (inout JSONCursor) -> Bool) -> Bool {
        guard depth < Self.maxDepth else { return false }
        index += 1
        skipWhitespace()
        if take(close) { return true }
        while true {
            guard element(&self) else { return false }
            skipWhitespace()
            if take(close) { return true }
            guard take(UInt8(ascii: ",")) else { return false }
            skipWhitespace()
        }
    }

    private mutating func literal() -> Bool {
        let word: StaticString = peek == UInt8(ascii: "t") ? "true" : peek == UInt8(ascii: "f") ? "false" : "null"
        return word.withUTF8Buffer { word in
            guard text.count - index >= word.count, text[index..<index + word.count].elementsEqual(word) else {
                return false
            }
            index += word.count
            return true
        }
    }

    @discardableResult
    private mutating func skipDigits() -> Bool {
        let start = index
        while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
        return index > start
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
}
