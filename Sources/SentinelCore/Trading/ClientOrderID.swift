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

    /// A fresh id: `sn-`, 9 base-36 digits of the time in milliseconds, then 17 random base-36 digits (about 88
    /// bits). The time comes first so that ids sort by creation: the order journal's index then grows at its end
    /// instead of at a random page for every order, and a batch's entries share their pages.
    public static func generate<R: RandomNumberGenerator>(using generator: inout R, nowMs: Int64) -> ClientOrderID {
        let length = 3 + timeDigits + randomDigits
        // The digits read from a static table: an array's global needed its lazy initialiser checked and its bounds
        // per digit.
        let text = idAlphabet.withUTF8Buffer { digits in
            String(unsafeUninitializedCapacity: length) { bytes in
                for (index, byte) in "sn-".utf8.enumerated() { bytes[index] = byte }
                // Most significant digit first, fixed width: 36^9 ms reach the year 5188, and later times keep the
                // last value.
                var time = min(UInt64(clamping: nowMs), 101_559_956_668_415)  // 36^9 - 1
                for position in stride(from: 3 + timeDigits - 1, through: 3, by: -1) {
                    bytes[position] = digits[Int(time % 36)]
                    time /= 36
                }
                // Eleven digits per 64 random bits, not one random draw per digit, so 17 digits take two draws. A draw
                // at or above the largest multiple of 36¹¹ that fits (140·36¹¹) is drawn again, so that every digit
                // stays uniform; that happens to about one draw in 940 (twelve digits per draw refused almost one in
                // four).
                let block: UInt64 = 131_621_703_842_267_136  // 36^11
                let limit = UInt64.max / block * block
                var position = 3 + timeDigits
                while position < length {
                    let draw = generator.next()
                    guard draw < limit else { continue }
                    var value = draw % block
                    for _ in 0..<min(11, length - position) {
                        bytes[position] = digits[Int(value % 36)]
                        value /= 36
                        position += 1
                    }
                }
                return length
            }
        }
        return ClientOrderID(generated: text)
    }

    public static func generate() -> ClientOrderID {
        var generator = PrefetchedRandom()
        return generate(using: &generator, nowMs: SystemClock.nowMs())
    }

    private static let timeDigits = 9
    private static let randomDigits = 17

    public var description: String { rawValue }

    private static let idAlphabet: StaticString = "0123456789abcdefghijklmnopqrstuvwxyz"
    private static let allowed = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8))
}
