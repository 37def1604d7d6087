/// How a value that falls between two representable results is resolved.
public enum DecimalRounding: Sendable, Hashable, CaseIterable {
    /// Toward negative infinity (floor).
    case down
    /// Toward positive infinity (ceiling).
    case up
    /// Toward zero (truncate).
    case towardZero
    /// Away from zero.
    case awayFromZero
    /// To the nearest; halves away from zero (the school rule).
    case halfUp
    /// To the nearest; halves to the even neighbour (banker's rounding).
    case halfEven

    /// `numerator / denominator` rounded to an integer by this rule. `denominator` is non-zero.
    func divide(_ numerator: Int128, by denominator: Int128) -> Int128 {
        let quotient = numerator / denominator  // truncates toward zero
        let remainder = numerator % denominator
        if remainder == 0 { return quotient }
        let positive = (numerator < 0) == (denominator < 0)
        let awayStep: Int128 = positive ? 1 : -1
        switch self {
        case .towardZero:
            return quotient
        case .awayFromZero:
            return quotient + awayStep
        case .down:
            return positive ? quotient : quotient - 1
        case .up:
            return positive ? quotient + 1 : quotient
        case .halfUp, .halfEven:
            // Compare 2|r| with |d| without overflowing: |r| vs |d| - |r|.
            let r = remainder.magnitude
            let rest = denominator.magnitude - r
            if r > rest { return quotient + awayStep }
            if r < rest { return quotient }
            if self == .halfUp { return quotient + awayStep }
            return quotient % 2 == 0 ? quotient : quotient + awayStep
        }
    }

    /// The rounded result when |numerator / denominator| is far below one unit (the quotient truncates to 0 and
    /// is not a half): 0, or ±1 where the rule rounds away from zero.
    func roundedQuotientOfTinyValue(_ numerator: Int128, _ denominator: Int128) -> Int128 {
        if numerator == 0 { return 0 }
        let positive = (numerator < 0) == (denominator < 0)
        switch self {
        case .towardZero, .halfUp, .halfEven: return 0
        case .awayFromZero: return positive ? 1 : -1
        case .down: return positive ? 0 : -1
        case .up: return positive ? 1 : 0
        }
    }
}
