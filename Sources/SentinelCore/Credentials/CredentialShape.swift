/// What an exchange's keys usually look like, from the keys each exchange issues. Used only to warn about the
/// unusual and to spot a key and a secret pasted into each other's fields; never to refuse a key that merely looks
/// different (self-generated keys, sub-account keys and the simulator's keys may not follow the pattern).
public struct CredentialShape: Sendable {
    /// "a 64-character string of letters and digits", for messages.
    public let apiKeyLooks: String
    public let secretLooks: String
    let apiKeyMatches: @Sendable ([UInt8]) -> Bool
    let secretMatches: @Sendable ([UInt8]) -> Bool

    public func isUsualAPIKey(_ apiKey: String) -> Bool { apiKeyMatches(Array(apiKey.utf8)) }
    public func isUsualSecret(_ secret: SecretText) -> Bool { secret.withRevealedBytes { secretMatches($0) } }

    /// The usual key and HMAC secret of `exchange`.
    public static func of(_ exchange: ExchangeID) -> CredentialShape {
        switch exchange {
        case .binance, .binanceUS:
            CredentialShape(
                apiKeyLooks: "a 64-character string of letters and digits",
                secretLooks: "a 64-character string of letters and digits",
                apiKeyMatches: { ByteClass.alphanumeric($0, count: 64) },
                secretMatches: { ByteClass.alphanumeric($0, count: 64) })
        case .bybit:
            CredentialShape(
                apiKeyLooks: "an 18-character string of letters and digits",
                secretLooks: "a 36-character string of letters and digits",
                apiKeyMatches: { ByteClass.alphanumeric($0, count: 18) },
                secretMatches: { ByteClass.alphanumeric($0, count: 36) })
        case .okx:
            CredentialShape(
                apiKeyLooks: "a 36-character id such as 1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d",
                secretLooks: "32 hexadecimal characters (0-9, A-F)",
                apiKeyMatches: { ByteClass.uuid($0) },
                secretMatches: { ByteClass.hex($0, count: 32) })
        case .kucoin:
            CredentialShape(
                apiKeyLooks: "24 hexadecimal characters (0-9, a-f)",
                secretLooks: "a 36-character id such as 1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d",
                apiKeyMatches: { ByteClass.hex($0, count: 24) },
                secretMatches: { ByteClass.uuid($0) })
        case .bitget:
            CredentialShape(
                apiKeyLooks: "bg_ followed by 32 hexadecimal characters",
                secretLooks: "64 hexadecimal characters",
                apiKeyMatches: { key in
                    key.starts(with: Array("bg_".utf8)) && ByteClass.hex(Array(key.dropFirst(3)), count: 32)
                },
                secretMatches: { ByteClass.hex($0, count: 64) })
        }
    }
}

/// Byte-level character classes for ASCII credentials and ids.
package enum ByteClass {
    /// Inlinable and without a branch on the byte's class: the exchanges' id mappings call it per byte of every
    /// order's client id, whose digits and letters come in random order (three range tests mispredicted).
    @inlinable package static func isAlphanumeric(_ byte: UInt8) -> Bool {
        // One bit per ASCII character: `0`–`9` in the low word (48–57), `A`–`Z` and `a`–`z` in the high one.
        let word: UInt64 = byte < 64 ? 0x03FF_0000_0000_0000 : 0x07FF_FFFE_07FF_FFFE
        return byte < 128 && (word >> UInt64(byte & 63)) & 1 == 1
    }

    static func isHex(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }

    /// Visible ASCII: `!` to `~`.
    static func isPrintableASCII(_ byte: UInt8) -> Bool { (0x21...0x7E).contains(byte) }

    static func isControl(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x7F }

    static func alphanumeric(_ bytes: [UInt8], count: Int) -> Bool {
        bytes.count == count && bytes.allSatisfy(isAlphanumeric)
    }

    static func hex(_ bytes: [UInt8], count: Int) -> Bool {
        bytes.count == count && bytes.allSatisfy(isHex)
    }

    /// 8-4-4-4-12 hexadecimal digits separated by dashes.
    static func uuid(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            let isDashPosition = index == 8 || index == 13 || index == 18 || index == 23
            guard isDashPosition ? byte == UInt8(ascii: "-") : isHex(byte) else { return false }
        }
        return true
    }
}
