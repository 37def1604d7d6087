/// `application/x-www-form-urlencoded` parameters (a query string or a form body), in the order sent.
struct FormParameters: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []

    init(pairs: [(name: String, value: String)]) {
        self.pairs = pairs
    }

    init(_ raw: String) {
        guard !raw.isEmpty else { return }
        // Over the bytes, in one pass: `&` and `=` are ASCII, and splitting by Character costs grapheme breaking.
        var raw = raw
        raw.withUTF8 { bytes in
            var start = 0
            while start <= bytes.count {
                var end = start
                var equals: Int?
                while end < bytes.count, bytes[end] != UInt8(ascii: "&") {
                    if equals == nil, bytes[end] == UInt8(ascii: "=") { equals = end }
                    end += 1
                }
                if end > start {
                    let nameEnd = equals ?? end
                    let valueStart = equals.map { $0 + 1 } ?? end
                    pairs.append(
                        (Self.decode(UnsafeBufferPointer(rebasing: bytes[start..<nameEnd])),
                         Self.decode(UnsafeBufferPointer(rebasing: bytes[valueStart..<end]))))
                }
                start = end + 1
            }
        }
    }

    /// The first value sent under `name`.
    subscript(name: String) -> String? {
        pairs.first(where: { $0.name == name })?.value
    }

    /// Percent-decodes (UTF-8) and turns `+` into a space; a malformed escape is kept as written.
    static func decode(_ text: Substring) -> String {
        var text = text
        return text.withUTF8 { decode($0) }
    }

    static func decode(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
        guard utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else {
            return String(decoding: utf8, as: UTF8.self)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
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
