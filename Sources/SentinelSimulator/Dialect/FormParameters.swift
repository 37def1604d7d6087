/// `application/x-www-form-urlencoded` parameters (a query string or a form body), in the order sent.
struct FormParameters: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []

    init(pairs: [(name: String, value: String)]) {
        self.pairs = pairs
    }

    init(_ raw: String) {
        guard !raw.isEmpty else { return }
        // Over the bytes: `&` and `=` are ASCII, and splitting by Character costs grapheme breaking.
        for component in raw.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            if let equals = component.firstIndex(of: UInt8(ascii: "=")) {
                pairs.append(
                    (Self.decode(Substring(component[..<equals])),
                     Self.decode(Substring(component[component.index(after: equals)...]))))
            } else {
                pairs.append((Self.decode(Substring(component)), ""))
            }
        }
    }

    /// The first value sent under `name`.
    subscript(name: String) -> String? {
        pairs.first(where: { $0.name == name })?.value
    }

    /// Percent-decodes (UTF-8) and turns `+` into a space; a malformed escape is kept as written.
    static func decode(_ text: Substring) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else {
            return String(text)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < utf8.count,
                let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 2
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
