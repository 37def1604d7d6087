import Testing

@testable import SentinelCore

/// `ByteClass` decides which bytes of a client id reach OKX and which credentials look right: every byte is checked
/// against the plain definition.
@Suite struct ByteClassTests {
    @Test func alphanumericIsExactlyTheASCIIDigitsAndLetters() {
        for value in 0...255 {
            let byte = UInt8(value)
            let expected = (48...57).contains(value) || (65...90).contains(value) || (97...122).contains(value)
            #expect(ByteClass.isAlphanumeric(byte) == expected, "byte \(value)")
        }
    }
}
