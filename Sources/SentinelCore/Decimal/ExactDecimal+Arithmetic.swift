extension ExactDecimal {
    /// `self + other`, exact, at the larger of the two scales.
    public func adding(_ other: ExactDecimal) throws(DecimalError) -> ExactDecimal {
        let target = max(scale, other.scale)
        guard let l = significand(atScale: target), let r = other.significand(atScale: target) else { throw .overflow }
        let (sum, overflow) = l.addingReportingOverflow(r)
        if overflow { throw .overflow }
        return ExactDecimal(unchecked: sum, scale: target)
    }

    /// `self - other`, exact, at the larger of the two scales.
    public func subtracting(_ other: ExactDecimal) throws(DecimalError) -> ExactDecimal {
        let target = max(scale, other.scale)
        guard let l = significand(atScale: target), let r = other.significand(atScale: target) else { throw .overflow }
        let (difference, overflow) = l.subtractingReportingOverflow(r)
        if overflow { throw .overflow }
        return ExactDecimal(unchecked: difference, scale: target)
    }

    /// `self × other`, exact. The scales add up; trailing zeros are dropped only when the sum exceeds `maxScale`.
    public func multiplied(by other: ExactDecimal) throws(DecimalError) -> ExactDecimal {
        let (product, overflow) = significand.multipliedReportingOverflow(by: other.significand)
        if overflow { throw .overflow }
        var value = product
        var resultScale = scale + other.scale
        while resultScale > Self.maxScale, value % 10 == 0 {
            value /= 10
            resultScale -= 1
        }
        guard resultScale <= Self.maxScale else { throw .tooManyDecimalPlaces(scale: resultScale) }
        return ExactDecimal(unchecked: value, scale: resultScale)
    }

    /// `self ÷ other`, rounded to `places` fractional digits with `rounding`.
    public func divided(
        by other: ExactDecimal, places: Int, rounding: DecimalRounding
    ) throws(DecimalError) -> ExactDecimal {
        guard other.significand != 0 else { throw .divisionByZero }
        guard places >= 0, places <= Self.maxScale else { throw .tooManyDecimalPlaces(scale: places) }
        // self/other = (a·10^-s)/(b·10^-t) = (a·10^(places+t-s) / b)·10^-places
        var numerator = significand
        var denominator = other.significand
        let shift = places + other.scale - scale
        if shift >= 0 {
            guard let factor = Self.powerOfTen(shift) else { throw .overflow }
            let (scaled, overflow) = numerator.multipliedReportingOverflow(by: factor)
            if overflow { throw .overflow }
            numerator = scaled
        } else {
            guard let factor = Self.powerOfTen(-shift) else {
                return ExactDecimal(unchecked: rounding.roundedQuotientOfTinyValue(numerator, denominator), scale: places)
            }
            let (scaled, overflow) = denominator.multipliedReportingOverflow(by: factor)
            if overflow {
                return ExactDecimal(unchecked: rounding.roundedQuotientOfTinyValue(numerator, denominator), scale: places)
            }
            denominator = scaled
        }
        return ExactDecimal(unchecked: rounding.divide(numerator, by: denominator), scale: places)
    }

    public func negated() -> ExactDecimal {
        significand == .min ? self : ExactDecimal(unchecked: -significand, scale: scale)
    }
}
