import SentinelCore

/// Small helpers for the engine's exact arithmetic. Engine constants are written as literals that always parse.
extension ExactDecimal {
    /// A constant written in source code; a typo is a programming error caught by the tests.
    static func literal(_ text: String) -> ExactDecimal {
        guard let value = ExactDecimal(exactly: text) else { preconditionFailure("bad decimal literal \(text)") }
        return value
    }

    /// Digits after the point once trailing zeros are dropped: what a filter on precision looks at.
    var significantScale: Int { normalized.scale }

    /// Written with exactly `places` decimals, rounded half-even where digits must go.
    func fixed(_ places: Int) -> String {
        (try? rounded(places: places, .halfEven).description) ?? description
    }

    static func min(_ a: ExactDecimal, _ b: ExactDecimal) -> ExactDecimal { a < b ? a : b }
    static func max(_ a: ExactDecimal, _ b: ExactDecimal) -> ExactDecimal { a < b ? b : a }
}

extension ExactValue {
    static func literal(_ text: String) -> Self { Self(ExactDecimal.literal(text)) }
    func fixed(_ places: Int) -> String { value.fixed(places) }
}

// Engine arithmetic on validated values. Inputs are bounded by the market filters (at most a few million with a
// handful of decimals) before any of this runs, so an overflow here is a programming error, not bad input.
extension ExactDecimal {
    static func + (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        do { return try lhs.adding(rhs) } catch { preconditionFailure("decimal overflow: \(error)") }
    }

    static func - (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        do { return try lhs.subtracting(rhs) } catch { preconditionFailure("decimal overflow: \(error)") }
    }

    static func * (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        do { return try lhs.multiplied(by: rhs) } catch { preconditionFailure("decimal overflow: \(error)") }
    }

    /// `self ÷ divisor` to 8 places, half-even; zero when dividing by zero.
    func over(_ divisor: ExactDecimal, places: Int = 8) -> ExactDecimal {
        (try? divided(by: divisor, places: places, rounding: .halfEven)) ?? .zero
    }

    func roundedDown(places: Int) -> ExactDecimal {
        (try? rounded(places: places, .down)) ?? self
    }
}
