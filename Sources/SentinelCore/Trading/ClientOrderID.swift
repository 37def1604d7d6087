/// The id Sentinel gives every order before it is sent, so that after a timeout the order can be found on the
/// exchange instead of being sent twice. 1–36 characters of `[A-Za-z0-9_-]`: the intersection of what the five
/// exchanges accept.
public struct ClientOrderID: Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String

    public static let maxLength = 36

    public init(_ rawValue: String) throws(SentinelError) {
        guard !rawValue.isEmpty, rawValue.utf8.count <= Self.maxLength,
            rawValue.utf8.allSatisfy({ Self.allowed.contains($0) })
        else {
            throw .invalidInput(
                "The client order id \"\(rawValue.prefix(40))\" is not valid.",
                fix: ["Use 1 to 36 characters: letters, digits, - and _."])
        }
        self.rawValue = rawValue
    }

    /// For ids built here from the allowed alphabet within the length limit: nothing to check, nothing to throw.
    private init(generated rawValue: String) {
        self.rawValue = rawValue
    }

    /// A fresh id: `sn-` and 26 random base-36 characters (about 134 bits).
    public static func generate<R: RandomNumberGenerator>(using generator: inout R) -> ClientOrderID {
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
        var bytes = Array("sn-".utf8)
        for _ in 0..<26 { bytes.append(alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))]) }
        return ClientOrderID(generated: String(decoding: bytes, as: UTF8.self))
    }

    public static func generate() -> ClientOrderID {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    public var description: String { rawValue }

    private static let allowed = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8))
}
