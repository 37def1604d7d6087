/// Why a decimal value could not be parsed or computed. Never a silent wrap, trap or rounding.
public enum DecimalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not a decimal number (`"1,5"`, `"NaN"`, `""`, `" 1"`).
    case malformed(String)
    /// The result does not fit in 38 significant digits.
    case overflow
    /// More digits after the point than `ExactDecimal.maxScale`.
    case tooManyDecimalPlaces(scale: Int)
    case divisionByZero
    /// A tick or step size that is zero or negative.
    case invalidIncrement(String)

    public var description: String {
        switch self {
        case .malformed(let text):
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return "not a decimal number: \"\(shown)\""
        case .overflow:
            return "the number is too large to be held exactly (more than 38 significant digits)"
        case .tooManyDecimalPlaces(let scale):
            return "too many decimal places (\(scale); at most \(ExactDecimal.maxScale))"
        case .divisionByZero:
            return "division by zero"
        case .invalidIncrement(let text):
            return "a tick or step size must be greater than zero, got \(text)"
        }
    }
}
