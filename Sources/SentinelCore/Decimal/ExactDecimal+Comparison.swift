extension ExactDecimal: Equatable, Hashable, Comparable {
    public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        compare(lhs, rhs) == 0
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// Equal values hash alike whatever their scale (`1.0` and `1`).
    public func hash(into hasher: inout Hasher) {
        let value = normalized
        hasher.combine(value.significand)
        hasher.combine(value.scale)
    }

    /// -1, 0 or 1. Aligning scales can overflow; when it does, the value that overflowed is the larger in magnitude.
    static func compare(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> Int {
        let lsign = lhs.significand.signum()
        let rsign = rhs.significand.signum()
        if lsign != rsign { return lsign < rsign ? -1 : 1 }
        if lsign == 0 { return 0 }
        let target = max(lhs.scale, rhs.scale)
        switch (lhs.significand(atScale: target), rhs.significand(atScale: target)) {
        case let (l?, r?):
            return l == r ? 0 : (l < r ? -1 : 1)
        case (nil, _):
            return lsign > 0 ? 1 : -1
        case (_, nil):
            return lsign > 0 ? -1 : 1
        }
    }

    public var magnitude: ExactDecimal {
        // Int128.min has no positive counterpart; -Int128.max...Int128.max is the representable range in practice.
        significand == .min ? self : ExactDecimal(unchecked: significand < 0 ? -significand : significand, scale: scale)
    }
}
