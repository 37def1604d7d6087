import PropertyBased
import Testing

@testable import SentinelCore

/// Laws that must hold for every decimal, checked on random values of every scale and sign.
@Suite struct DecimalPropertyTests {
    /// Random decimals: up to 18 integer digits and 0…18 fractional digits, either sign.
    static let decimals = PropertyBased.zip(Gen.int(in: -999_999_999_999_999_999...999_999_999_999_999_999), Gen.int(in: 0...18))
        .map { significand, scale in ExactDecimal(unchecked: Int128(significand), scale: scale) }

    /// Positive increments like real ticks and steps: 1, 5, 25 … times a power of ten.
    static let increments = PropertyBased.zip(Gen.int(in: 1...50), Gen.int(in: 0...10))
        .map { significand, scale in ExactDecimal(unchecked: Int128(significand), scale: scale) }

    /// Significands on both sides of 64 bits (around ±Int64.max and up to ±10^25), where text, normalisation and
    /// divisibility take their 64-bit shortcut or their 128-bit way.
    static let wideDecimals = PropertyBased.zip(
        Gen.int(in: -1_000_000_000_000...1_000_000_000_000), Gen.int(in: 0...10_000_000_000_000), Gen.int(in: -3_000...3_000),
        Gen.int(in: 0...36), Gen.int(in: 0...2)
    ).map { a, b, near, scale, kind -> ExactDecimal in
        let significand: Int128 =
            switch kind {
            case 0: Int128(a) * Int128(b)
            case 1: Int128(Int64.max) + Int128(near)
            default: Int128(Int64.min) + Int128(near)
            }
        return ExactDecimal(unchecked: significand, scale: scale)
    }

    @Test func textNormalisationAndDivisibilityAgreeWithTheirModelsOnBothSidesOf64Bits() async {
        await propertyCheck(count: 600, input: Self.wideDecimals, Self.increments) { value, increment in
            // Text: the significand's digits with the point `scale` places from the right.
            var digits = String(value.significand.magnitude)
            if digits.count <= value.scale { digits = String(repeating: "0", count: value.scale - digits.count + 1) + digits }
            if value.scale > 0 { digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -value.scale)) }
            #expect(value.description == (value.significand < 0 ? "-" : "") + digits)
            // Normalised: trailing fractional zeros dropped, same value.
            let normalized = value.normalized
            #expect(normalized == value)
            #expect(normalized.scale == 0 || normalized.significand % 10 != 0)
            // Divisible: the 128-bit remainder at the finer of the two scales.
            let scale = max(value.scale, increment.scale)
            if let a = value.significand(atScale: scale), let b = increment.significand(atScale: scale) {
                #expect(value.isMultiple(of: increment) == (a % b == 0))
            }
        }
    }

    /// Where the 64-bit shortcuts end: magnitudes 2^64 - 1 and 2^64, Int64.min and Int128.min, at scales 0, 1 and 36;
    /// divisibility where only the rescaled values pass 64 bits.
    @Test func theEdgesOf64Bits() throws {
        let magnitudes: [Int128] = [Int128(UInt64.max), Int128(UInt64.max) + 1, Int128(Int64.max), Int128(Int64.max) + 1]
        for scale in [0, 1, 36] {
            for significand in magnitudes.flatMap({ [$0, -$0] }) + [Int128(Int64.min), Int128.min, Int128.max] {
                let value = ExactDecimal(unchecked: significand, scale: scale)
                var digits = String(significand.magnitude)
                if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
                if scale > 0 { digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale)) }
                #expect(value.description == (significand < 0 ? "-" : "") + digits, "\(significand) \(scale)")
                #expect(value.normalized == value)
            }
        }
        // Trailing zeros dropped on both sides of 64 bits.
        let hundredfold = ExactDecimal(unchecked: Int128(Int64.max) * 100, scale: 2).normalized
        #expect(hundredfold.significand == Int128(Int64.max) && hundredfold.scale == 0)
        let small = ExactDecimal(unchecked: 1_000_000_000_000_000_000, scale: 18).normalized
        #expect(small.significand == 1 && small.scale == 0)
        // 9,223,372,036.854775807 (Int64.max at scale 9) is a multiple of 0.000000001 and of itself, not of 2 at scale
        // 20, where both sides pass 64 bits.
        let big = ExactDecimal(unchecked: Int128(Int64.max), scale: 9)
        #expect(big.isMultiple(of: ExactDecimal(unchecked: 1, scale: 9)) && big.isMultiple(of: big))
        #expect(!big.isMultiple(of: ExactDecimal(unchecked: 2, scale: 9)))
        #expect(ExactDecimal(unchecked: 4, scale: 0).isMultiple(of: ExactDecimal(unchecked: 2, scale: 20)))
        #expect(ExactDecimal(unchecked: Int128(Int64.min), scale: 0).isMultiple(of: ExactDecimal(unchecked: 2, scale: 0)))
    }

    @Test func formattingThenParsingGivesBackTheSameValueAndScale() async {
        await propertyCheck(count: 500, input: Self.decimals) { value throws in
            let parsed = try ExactDecimal(value.description)
            #expect(parsed == value)
            #expect(parsed.scale == value.scale)
            #expect(parsed.description == value.description)
        }
    }

    @Test func scientificNotationMeansTheSameValue() async {
        await propertyCheck(count: 300, input: Self.decimals) { value throws in
            let text = "\(value.significand)e-\(value.scale)"
            #expect(try ExactDecimal(text) == value)
        }
    }

    @Test func additionAndSubtractionAreInverse() async {
        await propertyCheck(count: 500, input: Self.decimals, Self.decimals) { a, b in
            let sum = try a.adding(b)
            #expect(try sum.subtracting(b) == a)
            #expect(try b.adding(a) == sum)
        }
    }

    @Test func orderingAgreesWithSubtraction() async {
        await propertyCheck(count: 500, input: Self.decimals, Self.decimals) { a, b in
            let difference = try a.subtracting(b)
            #expect((a < b) == difference.isNegative)
            #expect((a == b) == difference.isZero)
        }
    }

    @Test func roundingDownStaysWithinOneIncrementBelow() async {
        await propertyCheck(count: 500, input: Self.decimals, Self.increments) { value, increment in
            let down = try value.rounded(toMultipleOf: increment, .down)
            #expect(down <= value)
            #expect(try down.adding(increment) > value)
            #expect(down.isMultiple(of: increment))
        }
    }

    @Test func roundingUpStaysWithinOneIncrementAbove() async {
        await propertyCheck(count: 500, input: Self.decimals, Self.increments) { value, increment in
            let up = try value.rounded(toMultipleOf: increment, .up)
            #expect(up >= value)
            #expect(try up.subtracting(increment) < value)
            #expect(up.isMultiple(of: increment))
        }
    }

    @Test func roundingToNearestIsNoFurtherThanHalfAnIncrement() async {
        await propertyCheck(count: 500, input: Self.decimals, Self.increments) { value, increment in
            for mode in [DecimalRounding.halfUp, .halfEven] {
                let nearest = try value.rounded(toMultipleOf: increment, mode)
                let distance = try nearest.subtracting(value).magnitude.multiplied(by: ExactDecimal(2))
                #expect(distance <= increment)
            }
        }
    }

    @Test func multiplicationByOneAndZero() async {
        await propertyCheck(count: 300, input: Self.decimals) { value throws in
            #expect(try value.multiplied(by: ExactDecimal(1)) == value)
            #expect(try value.multiplied(by: .zero).isZero)
        }
    }

    @Test func divisionUndoesMultiplicationWhenExact() async {
        await propertyCheck(count: 300, input: Self.decimals, Self.increments) { value, divisor in
            let product = try value.multiplied(by: divisor)
            let quotient = try product.divided(by: divisor, places: value.scale, rounding: .towardZero)
            #expect(quotient == value)
        }
    }
}
