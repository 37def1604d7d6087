/// Writes JSON with keys in the order given, strings escaped per RFC 8259 and `/` left alone, so that a URL or a
/// Base64 signature reads exactly as it is sent.
enum JSONText {
    indirect enum Value {
        case string(String)
        case null
        case bool(Bool)
        case int(Int64)
        case object([(String, Value)])
        case array([Value])
    }

    static func render(_ value: Value) -> String {
        var out = ""
        write(value, to: &out)
        return out
    }

    private static func write(_ value: Value, to out: inout String) {
        switch value {
        case .string(let text): writeString(text, to: &out)
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .int(let number): out += String(number)
        case .object(let members):
            out += "{"
            for (index, (key, member)) in members.enumerated() {
                if index > 0 { out += ", " }
                writeString(key, to: &out)
                out += ": "
                write(member, to: &out)
            }
            out += "}"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += ", " }
                write(item, to: &out)
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
