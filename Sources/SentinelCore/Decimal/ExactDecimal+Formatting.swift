extension ExactDecimal: CustomStringConvertible {
    /// Plain decimal notation with exactly `scale` fractional digits: never scientific notation, never `-0`.
    public var description: String {
        let magnitude = significand.magnitude
        var digits = String(magnitude)
        if scale > 0 {
            if digits.count <= scale {
                digits = String(repeating: "0", count: scale - digits.count + 1) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        }
        return significand < 0 ? "-" + digits : digits
    }

    /// The value written with exactly `places` fractional digits, when that needs no rounding.
    public func formatted(places: Int) throws(DecimalError) -> String {
        try rescaled(to: places).description
    }

    /// The same value at another scale. Throws when that would drop non-zero digits or overflow.
    public func rescaled(to target: Int) throws(DecimalError) -> ExactDecimal {
        guard target >= 0, target <= Self.maxScale else { throw .tooManyDecimalPlaces(scale: target) }
        if target >= scale {
            guard let value = significand(atScale: target) else { throw .overflow }
            return ExactDecimal(unchecked: value, scale: target)
        }
        let divisor = Self.powerOfTen(scale - target)!
        guard significand % divisor == 0 else { throw .tooManyDecimalPlaces(scale: normalized.scale) }
        return ExactDecimal(unchecked: significand / divisor, scale: target)
    }
}
