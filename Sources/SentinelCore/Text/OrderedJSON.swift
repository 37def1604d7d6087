/// JSON written the way exchanges and people read it: object members in the order given, strings escaped per
/// RFC 8259 with `/` left alone (URLs and Base64 signatures read exactly as sent), numbers as exact text.
public enum OrderedJSON: Sendable {
    case string(String)
    case int(Int64)
    /// A JSON number written exactly as given (`0.004`), for the few places an exchange sends non-integers.
    case number(String)
    case bool(Bool)
    case null
    case object([(String, OrderedJSON)])
    case array([OrderedJSON])

    public static func int(_ value: Int) -> OrderedJSON { .int(Int64(value)) }

    /// Compact, as exchanges send it: `{"a":1,"b":[2]}`.
    public var rendered: String { rendered(spaced: false) }

    /// With `spaced`, a space after each `,` and `:` — for output a person reads.
    public func rendered(spaced: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(to: &out, spaced: spaced)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the compact rendering to `out`, for a caller that sends bytes (no `String` in between).
    public func write(to out: inout [UInt8]) { write(to: &out, spaced: false) }

    /// Bytes, not a `String`: appending to a `String` scalar by scalar cost more than signing the request.
    private func write(to out: inout [UInt8], spaced: Bool) {
        switch self {
        case .string(let text): JSONWriter.appendQuoted(text, to: &out)
        case .int(let number): out.append(contentsOf: String(number).utf8)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { Self.separator(UInt8(ascii: ","), spaced, to: &out) }
                JSONWriter.appendQuoted(key, to: &out)
                Self.separator(UInt8(ascii: ":"), spaced, to: &out)
                value.write(to: &out, spaced: spaced)
            }
            out.append(UInt8(ascii: "}"))
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { Self.separator(UInt8(ascii: ","), spaced, to: &out) }
                item.write(to: &out, spaced: spaced)
            }
            out.append(UInt8(ascii: "]"))
        }
    }

    private static func separator(_ byte: UInt8, _ spaced: Bool, to out: inout [UInt8]) {
        out.append(byte)
        if spaced { out.append(UInt8(ascii: " ")) }
    }
}
