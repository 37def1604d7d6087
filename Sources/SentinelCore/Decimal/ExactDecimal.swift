/// An exact base-10 number: `significand × 10^-scale`.
///
/// Prices, quantities and balances travel as decimal strings on every exchange; binary floating point cannot hold
/// `0.1` exactly, so every money value in Sentinel is an `ExactDecimal` (usually wrapped as `Price`, `Quantity`
/// or `Amount`). The scale is kept as written, so `"0.10000000"` formats back to `"0.10000000"`, while equality,
/// ordering and hashing compare values (`1.0 == 1`).
///
/// The significand is an `Int128` (38 significant digits). Every operation that could overflow or lose digits
/// throws a `DecimalError` instead of wrapping, trapping or silently rounding.
public struct ExactDecimal: Sendable {
    /// Largest number of digits kept after the decimal point.
    public static let maxScale = 36

    public let significand: Int128
    public let scale: Int

    /// Creates `significand × 10^-scale`. Throws when `scale` is outside `0...maxScale`.
    public init(significand: Int128, scale: Int) throws(DecimalError) {
        guard scale >= 0, scale <= Self.maxScale else { throw .tooManyDecimalPlaces(scale: scale) }
        self.significand = significand
        self.scale = scale
    }

    init(unchecked significand: Int128, scale: Int) {
        self.significand = significand
        self.scale = scale
    }

    public init(_ integer: Int) {
        self.init(unchecked: Int128(integer), scale: 0)
    }

    public static let zero = ExactDecimal(unchecked: 0, scale: 0)

    public var isZero: Bool { significand == 0 }
    public var isNegative: Bool { significand < 0 }
    public var isPositive: Bool { significand > 0 }

    /// The same value with trailing fractional zeros removed (`"1.2300"` → `"1.23"`, `"5.0"` → `"5"`).
    public var normalized: ExactDecimal {
        // 64-bit division by 10 is a multiplication; 128-bit division is a library call per step.
        if let small = Int64(exactly: significand) {
            let (s, k) = Self.trailingZerosDropped(small, scale: scale)
            return ExactDecimal(unchecked: Int128(s), scale: k)
        }
        let (s, k) = Self.trailingZerosDropped(significand, scale: scale)
        return ExactDecimal(unchecked: s, scale: k)
    }

    private static func trailingZerosDropped<T: BinaryInteger>(_ significand: T, scale: Int) -> (T, Int) {
        var s = significand
        var k = scale
        while k > 0, s % 10 == 0 {
            s /= 10
            k -= 1
        }
        return (s, k)
    }
}

extension ExactDecimal: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}

extension ExactDecimal {
    /// `10^exponent` for `0...38`, or nil when it does not fit in an `Int128`.
    static func powerOfTen(_ exponent: Int) -> Int128? {
        guard exponent >= 0, exponent < powersOfTen.count else { return nil }
        return powersOfTen[exponent]
    }

    private static let powersOfTen: [Int128] = {
        var table: [Int128] = [1]
        var value: Int128 = 1
        while true {
            let (next, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { break }
            table.append(next)
            value = next
        }
        return table
    }()

    /// The significand rescaled to a larger `scale`, or nil on overflow.
    func significand(atScale target: Int) -> Int128? {
        precondition(target >= scale)
        guard let factor = Self.powerOfTen(target - scale) else { return significand == 0 ? 0 : nil }
        let (value, overflow) = significand.multipliedReportingOverflow(by: factor)
        return overflow ? nil : value
    }
}
