extension ExactDecimal {
    /// Parses an exchange decimal string exactly.
    ///
    /// Accepts `"123"`, `"-0.00000001"`, `"0.10000000"`, `"-0"` and scientific notation (`"1e-8"`, `"2.5E+3"`), which
    /// some exchanges emit for tiny values. Rejects anything else: empty text, whitespace, a leading `+`, `"."` without
    /// digits on both sides, `NaN`/`Infinity`, thousands separators, or values that do not fit.
    public init(_ text: String) throws(DecimalError) {
        // Read in place: copying the text into an array was an allocation per decimal of every answer.
        var contiguous = text
        self = try contiguous.withUTF8 { utf8 in
            Result { () throws(DecimalError) in try Self.parse(utf8, text: text) }
        }.get()
    }

    private static func parse(_ utf8: UnsafeBufferPointer<UInt8>, text: String) throws(DecimalError) -> ExactDecimal {
        guard !utf8.isEmpty, utf8.count <= 128 else { throw .malformed(text) }

        var index = 0
        var negative = false
        if utf8[0] == UInt8(ascii: "-") {
            negative = true
            index = 1
        }

        var significand: Int128 = 0
        var integerDigits = 0
        var fractionDigits = 0
        var sawPoint = false
        var overflowed = false

        while index < utf8.count {
            let byte = utf8[index]
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                let digit = Int128(byte - UInt8(ascii: "0"))
                if sawPoint { fractionDigits += 1 } else { integerDigits += 1 }
                // Leading zeros never overflow; skip the arithmetic once an overflow is known.
                if !overflowed {
                    let (times10, o1) = significand.multipliedReportingOverflow(by: 10)
                    let (sum, o2) = times10.addingReportingOverflow(negative ? -digit : digit)
                    if o1 || o2 { overflowed = true } else { significand = sum }
                }
            } else if byte == UInt8(ascii: ".") {
                guard !sawPoint, integerDigits > 0 else { throw .malformed(text) }
                sawPoint = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                break
            } else {
                throw .malformed(text)
            }
            index += 1
        }
        guard integerDigits > 0, !(sawPoint && fractionDigits == 0) else { throw .malformed(text) }

        var exponent = 0
        if index < utf8.count {
            index += 1  // the "e"
            var exponentNegative = false
            if index < utf8.count, utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+") {
                exponentNegative = utf8[index] == UInt8(ascii: "-")
                index += 1
            }
            let exponentDigits = utf8[index...]
            guard !exponentDigits.isEmpty, exponentDigits.count <= 4,
                exponentDigits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
            else { throw .malformed(text) }
            for byte in exponentDigits { exponent = exponent * 10 + Int(byte - UInt8(ascii: "0")) }
            if exponentNegative { exponent = -exponent }
        }
        if overflowed { throw .overflow }

        var scale = fractionDigits - exponent
        if scale < 0 {
            guard significand == 0 || -scale < 39, let factor = Self.powerOfTen(-scale) else {
                if significand == 0 { return ExactDecimal(unchecked: 0, scale: 0) }
                throw .overflow
            }
            let (scaled, overflow) = significand.multipliedReportingOverflow(by: factor)
            if overflow { throw .overflow }
            significand = scaled
            scale = 0
        }
        // "1.000e-40" is still representable once its trailing zeros are dropped.
        while scale > Self.maxScale, significand % 10 == 0 {
            significand /= 10
            scale -= 1
        }
        guard scale <= Self.maxScale else { throw .tooManyDecimalPlaces(scale: scale) }
        return ExactDecimal(unchecked: significand, scale: scale)
    }

    /// Parses an exact value from text, or returns nil.
    public init?(exactly text: String) {
        guard let value = try? ExactDecimal(text) else { return nil }
        self = value
    }
}
