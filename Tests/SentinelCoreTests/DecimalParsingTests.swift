import Testing

@testable import SentinelCore

@Suite struct DecimalParsingTests {
    @Test(arguments: [
        ("0", "0"), ("-0", "0"), ("-0.00", "0.00"), ("1", "1"), ("0.00000001", "0.00000001"),
        ("0.10000000", "0.10000000"), ("30000.5", "30000.5"), ("-12.340", "-12.340"),
        ("1e-8", "0.00000001"), ("1E-8", "0.00000001"), ("2.5e+3", "2500"), ("2.5E3", "2500"),
        ("1.5e-10", "0.00000000015"), ("0e5", "0"), ("000123.4500", "123.4500"),
        ("1000000000000000.00000001", "1000000000000000.00000001"),
        ("99999999999999999999.999999999999999999", "99999999999999999999.999999999999999999"),
        ("1.000e-36", "0." + String(repeating: "0", count: 35) + "1"),
    ])
    func parsesAndFormats(text: String, expected: String) throws {
        #expect(try ExactDecimal(text).description == expected)
    }

    @Test(arguments: [
        "", " ", " 1", "1 ", "+1", ".5", "5.", "1..2", "1.2.3", "1,5", "1_000", "NaN", "nan", "Infinity", "-",
        "--1", "1e", "1e+", "e5", "0x10", "1e99999", "１２", "1.5e-3.0", "1-", "\n1",
    ])
    func rejectsMalformed(text: String) {
        #expect(throws: DecimalError.self) { try ExactDecimal(text) }
    }

    @Test func overflowIsAnErrorNotAWrap() {
        #expect(throws: DecimalError.overflow) { try ExactDecimal("170141183460469231731687303715884105728") }
        #expect(throws: DecimalError.overflow) { try ExactDecimal("1e39") }
        #expect(throws: DecimalError.self) { try ExactDecimal("0." + String(repeating: "0", count: 40) + "1") }
        #expect(throws: DecimalError.tooManyDecimalPlaces(scale: 40)) { try ExactDecimal("1e-40") }
        #expect(throws: DecimalError.overflow) {
            try ExactDecimal("99999999999999999999999999999999999999").adding(ExactDecimal("99999999999999999999999999999999999999"))
        }
        #expect(throws: DecimalError.overflow) {
            try ExactDecimal("10000000000000000000").multiplied(by: ExactDecimal("100000000000000000000"))
        }
    }

    @Test func largestQuantitiesOfCheapTokens() throws {
        // 10^15 SHIB at 8 decimals and a 10^-8 price: the notional stays exact.
        let quantity = try Quantity("1000000000000000.12345678")
        let price = try Price("0.00000821")
        #expect(try price.notional(of: quantity).description == "8210000000.0000010135801638")
    }

    @Test func equalityIgnoresScaleAndHashesAlike() throws {
        let a = try ExactDecimal("1.50")
        let b = try ExactDecimal("1.5")
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
        #expect(try ExactDecimal("-0") == ExactDecimal.zero)
        #expect(try ExactDecimal("0.1") < ExactDecimal("0.10000001"))
        #expect(try ExactDecimal("-2") < ExactDecimal("-1.99"))
    }

    @Test func comparesWhenAligningScalesWouldOverflow() throws {
        let huge = try ExactDecimal("99999999999999999999999999999999999999")
        let tinyScale = try ExactDecimal("0.000000000000000000000000000000000001")
        #expect(tinyScale < huge)
        #expect(huge > tinyScale)
        #expect(huge.negated() < tinyScale.negated())
    }

    @Test func decodesStringsAndIntegersFromJSON() throws {
        struct Level: Decodable { let price: Price; let size: Quantity }
        let decoder = JSONDecoderForTests()
        let level = try decoder.decode(Level.self, from: #"{"price":"30000.10","size":5}"#)
        #expect(level.price.description == "30000.10")
        #expect(level.size.description == "5")
        #expect(throws: (any Error).self) { try decoder.decode(Level.self, from: #"{"price":"3e","size":"1"}"#) }
        #expect(throws: (any Error).self) { try decoder.decode(Level.self, from: #"{"price":0.1,"size":"1"}"#) }
    }
}
