import Foundation
import NIOCore
import SentinelCore
import SentinelNet

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
            let name = String(decoding: QueryString.percentDecoded(parts[0], plusIsSpace: true), as: UTF8.self)
            return (name, parts.count > 1 ? QueryString.percentDecoded(parts[1], plusIsSpace: true) : [])
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
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// A secret field, exactly as typed or pasted (whitespace included: the hygiene checks judge it).
    func secret(_ name: String) -> SecretText? {
        guard let field = fields.first(where: { $0.name == name }), !field.value.isEmpty else { return nil }
        return SecretText(bytes: field.value)
    }
}
