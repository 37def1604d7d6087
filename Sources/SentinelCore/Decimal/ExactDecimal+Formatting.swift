extension ExactDecimal: CustomStringConvertible {
    /// Plain decimal notation with exactly `scale` fractional digits: never scientific notation, never `-0`.
    public var description: String {
        // A magnitude that fits 64 bits (prices, sizes) is divided in 64 bits, which the compiler turns into a
        // multiplication; a 128-bit division is a library call per digit.
        if let small = UInt64(exactly: significand.magnitude) {
            return Self.text(small, negative: significand < 0, scale: scale)
        }
        return Self.text(significand.magnitude, negative: significand < 0, scale: scale)
    }

    /// Digits written from the end into one buffer: the insert-into-a-String version was 3 % of the simulator's CPU
    /// (every balance and price it answers passes through here).
    private static func text<Magnitude: UnsignedInteger>(_ magnitude: Magnitude, negative: Bool, scale: Int) -> String {
        var magnitude = magnitude
        let capacity = 42 + scale  // 39 digits of UInt128, the point, a leading zero, the sign
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var index = capacity
            var produced = 0
            repeat {
                if scale > 0, produced == scale {
                    index -= 1
                    buffer[index] = UInt8(ascii: ".")
                }
                let (quotient, digit) = magnitude.quotientAndRemainder(dividingBy: 10)
                index -= 1
                buffer[index] = UInt8(ascii: "0") + UInt8(digit)
                magnitude = quotient
                produced += 1
            } while magnitude > 0 || produced <= scale
            if negative {
                index -= 1
                buffer[index] = UInt8(ascii: "-")
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[index...]), as: UTF8.self)
        }
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
