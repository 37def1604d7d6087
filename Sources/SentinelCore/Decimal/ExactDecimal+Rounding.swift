extension ExactDecimal {
    /// The value rounded to `places` fractional digits.
    public func rounded(places: Int, _ rounding: DecimalRounding) throws(DecimalError) -> ExactDecimal {
        guard places >= 0, places <= Self.maxScale else { throw .tooManyDecimalPlaces(scale: places) }
        if places >= scale { return try rescaled(to: places) }
        let divisor = Self.powerOfTen(scale - places)!
        return ExactDecimal(unchecked: rounding.divide(significand, by: divisor), scale: places)
    }

    /// The multiple of `increment` (a tick or step size) nearest to this value by `rounding`, written at the
    /// increment's scale: `30000.129` on tick `0.01` rounded `.down` is `30000.12`.
    ///
    /// Choose the side that cannot breach a filter: quantities `.down` to stay within balance, or `.up` to reach a
    /// minimum; a buy price `.down` and a sell price `.up` to stay on the passive side.
    public func rounded(toMultipleOf increment: ExactDecimal, _ rounding: DecimalRounding) throws(DecimalError)
        -> ExactDecimal
    {
        guard increment.significand > 0 else { throw .invalidIncrement(increment.description) }
        let target = max(scale, increment.scale)
        guard let value = significand(atScale: target), let step = increment.significand(atScale: target) else {
            throw .overflow
        }
        let count = rounding.divide(value, by: step)
        // count × increment, expressed at the increment's own scale.
        let (result, overflow) = count.multipliedReportingOverflow(by: increment.significand)
        if overflow { throw .overflow }
        return ExactDecimal(unchecked: result, scale: increment.scale)
    }

    /// True when this value is a whole multiple of `increment` (`price % tickSize == 0`).
    public func isMultiple(of increment: ExactDecimal) -> Bool {
        guard increment.significand > 0 else { return false }
        let target = max(scale, increment.scale)
        guard let value = significand(atScale: target), let step = increment.significand(atScale: target) else {
            return false
        }
        // Ticks and steps checked on every order: a 64-bit remainder is one instruction, a 128-bit one a library call.
        if let value = Int64(exactly: value), let step = Int64(exactly: step) { return value % step == 0 }
        return value % step == 0
    }
}
