/// JSON written the way exchanges and people read it: object members in the order given, strings escaped per
/// RFC 8259 with `/` left alone (URLs and Base64 signatures read exactly as sent), numbers as exact text.
public indirect enum OrderedJSON: Sendable {
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
        var out = ""
        out.reserveCapacity(256)
        write(to: &out, comma: spaced ? ", " : ",", colon: spaced ? ": " : ":")
        return out
    }

    private func write(to out: inout String, comma: String, colon: String) {
        switch self {
        case .string(let text): Self.writeString(text, to: &out)
        case .int(let number): out += String(number)
        case .number(let text): out += text
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .object(let members):
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += comma }
                Self.writeString(key, to: &out)
                out += colon
                value.write(to: &out, comma: comma, colon: colon)
            }
            out += "}"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += comma }
                item.write(to: &out, comma: comma, colon: colon)
            }
            out += "]"
        }
    }

    private static func writeString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let s where s.value < 0x20:
                let hex = String(s.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
