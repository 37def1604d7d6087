import NIOCore
import SentinelCore

/// A submitted `application/x-www-form-urlencoded` body. Values are kept as bytes: the secret fields become
/// `SecretText` without passing through a `String`, and are wiped when the form goes away.
final class ConsoleForm: @unchecked Sendable {
    // Written once in `init`; wiped in `deinit`.
    private var fields: [(name: String, value: [UInt8])]

    /// The longest body accepted: an RSA private key in PEM is about 3.3 KB.
    static let maximumBytes = 64 * 1024

    init(_ body: ByteBuffer) {
        let bytes = Array(body.readableBytesView)
        fields = bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(decoding: Self.decode(parts[0]), as: UTF8.self)
            return (name, parts.count > 1 ? Self.decode(parts[1]) : [])
        }
    }

    deinit {
        for index in fields.indices {
            for byte in fields[index].value.indices { fields[index].value[byte] = 0 }
        }
    }

    /// The field as text, or nil when it is absent.
    subscript(_ name: String) -> String? {
        fields.first { $0.name == name }.map { String(decoding: $0.value, as: UTF8.self) }
    }

    /// The field as text with surrounding spaces removed; nil when absent or empty.
    func text(_ name: String) -> String? {
        guard let value = self[name]?.trimmingSpaces, !value.isEmpty else { return nil }
        return value
    }

    /// A secret field, exactly as typed or pasted (whitespace included: the hygiene checks judge it).
    func secret(_ name: String) -> SecretText? {
        guard let field = fields.first(where: { $0.name == name }), !field.value.isEmpty else { return nil }
        return SecretText(bytes: field.value)
    }

    func isChecked(_ name: String) -> Bool {
        guard let value = self[name] else { return false }
        return value == "on" || value == "1" || value == "true"
    }

    /// Percent-decoding with `+` as a space; a malformed escape is kept as typed.
    static func decode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                result.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.endIndex, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                result.append(high << 4 | low)
                index += 2
            } else {
                result.append(byte)
            }
            index += 1
        }
        return result
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

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
