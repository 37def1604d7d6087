import SentinelCore
import Testing

@Suite struct DecimalFormattingTests {
    @Test(arguments: [
        (Int128(0), 0, "0"), (Int128(0), 3, "0.000"), (Int128(5), 3, "0.005"), (Int128(-5), 3, "-0.005"),
        (Int128(12345), 2, "123.45"), (Int128(-12345), 5, "-0.12345"), (Int128(100), 2, "1.00"),
        (Int128(7), 0, "7"), (Int128(-70), 1, "-7.0"), (Int128(1), 36, "0." + String(repeating: "0", count: 35) + "1"),
        (Int128.max, 0, "170141183460469231731687303715884105727"),
        (Int128.min, 0, "-170141183460469231731687303715884105728"),
        (Int128.min, 36, "-170.141183460469231731687303715884105728"),
        (Int128.max, 36, "170.141183460469231731687303715884105727"),
    ])
    func writesEveryDigitAndThePoint(significand: Int128, scale: Int, text: String) throws {
        #expect(try ExactDecimal(significand: significand, scale: scale).description == text)
    }
}
