/// Compact JSON written straight into bytes as it is produced: members in the order written, strings escaped per
/// RFC 8259 with `/` left alone (as `OrderedJSON` writes them). Request bodies on the order path use it: building an
/// `OrderedJSON` tree first (an array of members, each value copied into it) cost as much as writing the text.
///
/// Commas are placed by what was written last: an entry that follows anything but `{` or `[` is preceded by one.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8]

    public init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public var rendered: String { String(decoding: bytes, as: UTF8.self) }

    /// Opens an object: a member named `name` inside an object, else a value (the top level, an array's element).
    public mutating func openObject(_ name: String? = nil) {
        start(name)
        bytes.append(UInt8(ascii: "{"))
    }

    public mutating func closeObject() { bytes.append(UInt8(ascii: "}")) }

    public mutating func openArray(_ name: String? = nil) {
        start(name)
        bytes.append(UInt8(ascii: "["))
    }

    public mutating func closeArray() { bytes.append(UInt8(ascii: "]")) }

    public mutating func member(_ name: String, _ value: String) {
        start(name)
        Self.appendQuoted(value, to: &bytes)
    }

    /// A string member of only the ASCII letters and digits of `value` (OKX's client ids travel without their `-`
    /// and `_`), written without a filtered `String` in between. Such bytes never need an escape, so the runs between
    /// dropped bytes are copied whole: a test per byte through a filter closure cost a twentieth of an OKX order.
    public mutating func member(_ name: String, alphanumericOf value: String) {
        start(name)
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { text in
            var runStart = 0
            for index in text.indices where !ByteClass.isAlphanumeric(text[index]) {
                if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index])) }
                runStart = index + 1
            }
            if runStart < text.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func member(_ name: String, _ value: Bool) {
        start(name)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func member(_ name: String, _ value: Int64) {
        start(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A comma unless this entry is the first of its object or array, then the member's name.
    private mutating func start(_ name: String?) {
        if let last = bytes.last, last != UInt8(ascii: "{"), last != UInt8(ascii: "[") {
            bytes.append(UInt8(ascii: ","))
        }
        guard let name else { return }
        Self.appendQuoted(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    /// `text` in quotes, escaped where JSON requires it.
    static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings need no escape: copied whole, not byte by byte (the simulator's answers are mostly strings).
        // Read in place where the text is contiguous (native strings and literals), without copying the `String`.
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in appendQuotedBody(bytes, to: &out) }
        if copied == nil {
            var text = text
            text.withUTF8 { appendQuotedBody($0, to: &out) }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendQuotedBody(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        if bytes.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            out.append(contentsOf: bytes)
        } else {
            for byte in bytes { appendEscaped(byte, to: &out) }
        }
    }

    private static func appendEscaped(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
        case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
        case UInt8(ascii: "\n"): out.append(contentsOf: #"\n"#.utf8)
        case UInt8(ascii: "\r"): out.append(contentsOf: #"\r"#.utf8)
        case UInt8(ascii: "\t"): out.append(contentsOf: #"\t"#.utf8)
        case 0..<0x20:
            let digits = Array("0123456789abcdef".utf8)
            out.append(contentsOf: #"\u00"#.utf8)
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        default: out.append(byte)
        }
    }
}
