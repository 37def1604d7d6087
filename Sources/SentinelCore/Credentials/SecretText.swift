/// A secret string (API secret, private key PEM, passphrase) that never shows itself.
///
/// `description`, `debugDescription`, string interpolation, `dump` and `Mirror` all print a redaction with the
/// length. The bytes are wiped when the last copy is released (best effort: Swift strings the value came from may
/// still linger, so keep their lifetime short). Read the value only at the moment of signing, with
/// `withRevealedBytes` or `revealed()`.
public struct SecretText: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    private let storage: Storage

    public init(_ text: String) {
        storage = Storage(Array(text.utf8))
    }

    public init(bytes: [UInt8]) {
        storage = Storage(bytes)
    }

    public var byteCount: Int { storage.bytes.count }
    public var isEmpty: Bool { storage.bytes.isEmpty }

    /// Runs `body` with the secret's UTF-8 bytes.
    public func withRevealedBytes<R, E: Error>(_ body: ([UInt8]) throws(E) -> R) throws(E) -> R {
        try body(storage.bytes)
    }

    /// The secret as a `String`. Only for APIs that insist on a string (PEM parsers); do not keep the result.
    public func revealed() -> String {
        String(decoding: storage.bytes, as: UTF8.self)
    }

    public var description: String { "<redacted \(byteCount) bytes>" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["redacted": byteCount], displayStyle: .struct) }

    public static func == (lhs: SecretText, rhs: SecretText) -> Bool {
        // Constant time in the length of the shorter value; lengths are not secret here.
        let l = lhs.storage.bytes
        let r = rhs.storage.bytes
        guard l.count == r.count else { return false }
        var difference: UInt8 = 0
        for i in l.indices { difference |= l[i] ^ r[i] }
        return difference == 0
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(byteCount)
    }

    private final class Storage: Sendable {
        nonisolated(unsafe) var bytes: [UInt8]

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        deinit {
            bytes.withUnsafeMutableBufferPointer { buffer in
                for i in buffer.indices { buffer[i] = 0 }
            }
        }
    }
}
