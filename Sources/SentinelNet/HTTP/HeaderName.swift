/// HTTP header names compare without regard to ASCII case (RFC 9110 §5.1). Compared over the bytes: `lowercased()`
/// on both sides allocated a string for every name longer than 15 bytes, on every header of every answer.
public enum HeaderName {
    public static func matches(_ name: String, _ wanted: String) -> Bool {
        name.utf8.count == wanted.utf8.count && hasPrefix(name, wanted)
    }

    /// Whether `name` starts with `prefix`, without regard to ASCII case.
    public static func hasPrefix(_ name: String, _ prefix: String) -> Bool {
        guard name.utf8.count >= prefix.utf8.count else { return false }
        return zip(name.utf8, prefix.utf8).allSatisfy { lowercase($0) == lowercase($1) }
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }
}
