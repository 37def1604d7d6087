/// A URL query string (without the `?`), kept exactly in the order given, because most exchanges sign the query as
/// sent: reordering or re-encoding a parameter after signing breaks the signature.
public struct QueryString: Sendable, Hashable, CustomStringConvertible {
    /// The encoded text as it goes on the wire.
    public private(set) var encoded: String

    /// Wraps `text`, percent-encoding (UTF-8) every byte that may not appear raw in a query; existing `%XX`
    /// escapes and the characters a query allows (`&`, `=`, `,`, `:`, `/`, …) are kept as written.
    public init(_ text: String) {
        encoded = Self.encodeUnsafeBytes(text)
    }

    /// Text that is already a query as it goes on the wire (a query this type encoded): kept without a second pass.
    package init(encoded: String) {
        self.encoded = encoded
    }

    public init(pairs: [(name: String, value: String)]) {
        encoded = ""
        append(pairs: pairs)
    }

    public static let empty = QueryString("")

    public var isEmpty: Bool { encoded.isEmpty }
    public var description: String { encoded }

    /// The query with every `%XX` escape decoded: what KuCoin and Bitget sign.
    public var decoded: String { Self.percentDecode(encoded) }

    /// The parameters in order, names and values still encoded.
    public var encodedPairs: [(name: String, value: String)] {
        guard !encoded.isEmpty else { return [] }
        return encoded.split(separator: "&", omittingEmptySubsequences: true).map { part in
            if let equals = part.firstIndex(of: "=") {
                return (String(part[..<equals]), String(part[part.index(after: equals)...]))
            }
            return (String(part), "")
        }
    }

    /// Decoded parameter names in order.
    public var names: [String] {
        var names: [String] = []
        forEachName { raw, _ in
            names.append(Self.percentDecode(String(decoding: raw, as: UTF8.self)))
        }
        return names
    }

    /// Whether a parameter is called `name` (decoded), without building the list of names.
    public func contains(name: String) -> Bool { presence(of: [name]) != 0 }

    /// Which of `names` (decoded) the query holds, bit `i` for `names[i]` (at most 64): a signer's several checks in one
    /// walk over the query instead of one walk each. A name without `%` is compared as bytes, without decoding.
    public func presence(of names: [String]) -> UInt64 {
        precondition(names.count <= 64, "presence(of:) answers for at most 64 names")
        var found: UInt64 = 0
        forEachName { raw, escaped in
            for (index, wanted) in names.enumerated() where escaped || wanted.utf8.count == raw.count {
                var wanted = wanted
                if wanted.withUTF8({ Self.name(raw, escaped: escaped, is: $0) }) { found |= 1 << UInt64(index) }
            }
        }
        return found
    }

    private static func name(_ raw: UnsafeBufferPointer<UInt8>, escaped: Bool, is wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        escaped
            ? percentDecode(String(decoding: raw, as: UTF8.self)).utf8.elementsEqual(wanted)
            : raw.count == wanted.count && raw.elementsEqual(wanted)
    }

    /// Each pair's name as encoded (empty pairs have none) and whether it holds a `%`.
    private func forEachName(_ body: (_ raw: UnsafeBufferPointer<UInt8>, _ escaped: Bool) -> Void) {
        var encoded = encoded
        encoded.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var nameEnd = start
                var escaped = false
                while nameEnd < bytes.count, bytes[nameEnd] != UInt8(ascii: "&"), bytes[nameEnd] != UInt8(ascii: "=") {
                    if bytes[nameEnd] == UInt8(ascii: "%") { escaped = true }
                    nameEnd += 1
                }
                var end = nameEnd
                while end < bytes.count, bytes[end] != UInt8(ascii: "&") { end += 1 }
                if end > start { body(UnsafeBufferPointer(rebasing: bytes[start..<nameEnd]), escaped) }
                start = end + 1
            }
        }
    }

    /// Appends `name=value`, encoding both.
    public mutating func append(name: String, value: String) {
        append(pairs: [(name, value)])
    }

    /// Appends each `name=value` in order, encoding both, with one new string for all of them.
    public mutating func append(pairs: [(name: String, value: String)]) {
        append(count: pairs.count) { pairs[$0] }
    }

    /// A query of `count` pairs, the pair at each index given by `pair` (a caller's own parameter type, without an
    /// array of tuples made first). Not generic: an unspecialized generic across modules boxed every element.
    public init(count: Int, pair: (Int) -> (name: String, value: String)) {
        encoded = ""
        append(count: count, pair: pair)
    }

    /// The text is measured first, then written once into a string of exactly its size: one allocation per query.
    private mutating func append(count pairCount: Int, pair: (Int) -> (name: String, value: String)) {
        guard pairCount > 0 else { return }
        let table = Self.rawInComponent
        var count = encoded.utf8.count
        for index in 0..<pairCount {
            let (name, value) = pair(index)
            count += Self.encodedCount(name, raw: table) + Self.encodedCount(value, raw: table) + 2
        }
        if encoded.isEmpty { count -= 1 }
        var existing = encoded
        encoded = existing.withUTF8 { head in
            String(unsafeUninitializedCapacity: count) { out in
                var writer = FixedWriter(out: out)
                writer.copy(head)
                for index in 0..<pairCount {
                    let (name, value) = pair(index)
                    if writer.written > 0 { writer.put(UInt8(ascii: "&")) }
                    writer.putComponent(name, raw: table)
                    writer.put(UInt8(ascii: "="))
                    writer.putComponent(value, raw: table)
                }
                return writer.written
            }
        }
    }

    /// Writes into a buffer measured beforehand.
    private struct FixedWriter {
        let out: UnsafeMutableBufferPointer<UInt8>
        var written = 0

        mutating func put(_ byte: UInt8) {
            // Measured and written by the same table: only `pair` answering differently on the
            // second call could overrun, and that stops here instead of writing past the string.
            precondition(written < out.count, "QueryString: a pair changed while it was written")
            out[written] = byte
            written += 1
        }

        mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
            precondition(bytes.count <= out.count - written, "QueryString: a pair changed while it was written")
            guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
            (out.baseAddress! + written).initialize(from: source, count: bytes.count)
            written += bytes.count
        }

        /// Most names and values need no escape: copied whole.
        mutating func putComponent(_ text: String, raw: [Bool]) {
            var text = text
            text.withUTF8 { bytes in
                if bytes.allSatisfy({ raw[Int($0)] }) { return copy(bytes) }
                for byte in bytes {
                    if raw[Int(byte)] {
                        put(byte)
                    } else {
                        put(UInt8(ascii: "%"))
                        put(QueryString.hexDigits[Int(byte >> 4)])
                        put(QueryString.hexDigits[Int(byte & 0x0F)])
                    }
                }
            }
        }
    }

    /// Appends `name=value` as given, both already encoded (a signature that is encoded already), growing the text
    /// once.
    public mutating func append(encodedName name: String, value: String) {
        encoded.reserveCapacity(encoded.utf8.count + name.utf8.count + value.utf8.count + 2)
        if !encoded.isEmpty { encoded.append("&") }
        encoded.append(name)
        encoded.append("=")
        encoded.append(value)
    }

    /// The same parameters sorted by name, stable for repeated names (Bitget signs sorted queries).
    public func sortedByName() -> QueryString {
        let sorted = encodedPairs.enumerated().sorted { lhs, rhs in
            let l = Self.percentDecode(lhs.element.name)
            let r = Self.percentDecode(rhs.element.name)
            return l == r ? lhs.offset < rhs.offset : Array(l.utf8).lexicographicallyPrecedes(Array(r.utf8))
        }
        var result = QueryString.empty
        for (_, pair) in sorted { result.append(encodedName: pair.name, value: pair.value) }
        return result
    }

    // MARK: - Encoding

    /// Bytes left raw inside a query: RFC 3986 unreserved and the sub-delimiters exchanges use in values.
    private static let rawInQuery = byteTable("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~&=!$'()*+,;:@/?")

    /// Bytes left raw inside one name or value: unreserved only, so `&`, `=`, `+` and `/` are escaped.
    private static let rawInComponent = byteTable("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// A 256-entry membership table: signing runs this per byte of every request.
    private static func byteTable(_ members: String) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for byte in members.utf8 { table[Int(byte)] = true }
        return table
    }

    /// Percent-encodes one name or value (UTF-8, upper-case hex).
    public static func encodeComponent(_ text: String) -> String {
        let table = rawInComponent
        return String(unsafeUninitializedCapacity: encodedCount(text, raw: table)) { out in
            var writer = FixedWriter(out: out)
            writer.putComponent(text, raw: table)
            return writer.written
        }
    }

    /// The length of `text` percent-encoded: three bytes for each byte not in `raw`.
    private static func encodedCount(_ text: String, raw: [Bool]) -> Int {
        var text = text
        return text.withUTF8 { bytes in bytes.reduce(bytes.count) { $0 + (raw[Int($1)] ? 0 : 2) } }
    }

    static func encodeUnsafeBytes(_ text: String) -> String {
        let table = rawInQuery
        var text = text
        // Text with nothing to escape (`%` included) is its own encoding: no copy.
        if text.withUTF8({ $0.allSatisfy { table[Int($0)] } }) { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "%"), i + 2 < bytes.count, isHex(bytes[i + 1]), isHex(bytes[i + 2]) {
                out.append(contentsOf: bytes[i...(i + 2)])
                i += 3
                continue
            }
            if rawInQuery[Int(byte)] { out.append(byte) } else { appendEscape(byte, to: &out) }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes `%XX` escapes; a `%` that starts no valid escape is kept. `+` stays `+`.
    public static func percentDecode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        return String(decoding: percentDecoded(Array(text.utf8)[...], plusIsSpace: false), as: UTF8.self)
    }

    /// Decodes `%XX` escapes in bytes (a `%` that starts no valid escape is kept); with `plusIsSpace`, as HTML
    /// forms encode, `+` becomes a space. Bytes in, bytes out: a secret never has to become a `String`.
    public static func percentDecoded(_ bytes: ArraySlice<UInt8>, plusIsSpace: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            if byte == UInt8(ascii: "%"), i + 2 < bytes.endIndex,
                let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2])
            {
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                i += 1
            }
        }
        return out
    }

    fileprivate static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func appendEscape(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "%"))
        out.append(hexDigits[Int(byte >> 4)])
        out.append(hexDigits[Int(byte & 0x0F)])
    }

    private static func isHex(_ byte: UInt8) -> Bool { hexValue(byte) != nil }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
