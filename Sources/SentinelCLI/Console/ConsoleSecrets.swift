import SentinelCore

/// Random tokens and their comparison for the console's login link, session cookie and CSRF field.
enum ConsoleSecrets {
    /// 32 random bytes from the system's CSPRNG, as 64 hex digits (safe in a URL, a cookie and a form field).
    static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in hex(UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// Compares in time that depends only on the lengths (SecretText's comparison), so that a guess learns nothing
    /// from the answer's timing.
    static func equal(_ given: String?, _ expected: String?) -> Bool {
        guard let given, let expected else { return false }
        return SecretText(given) == SecretText(expected)
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
