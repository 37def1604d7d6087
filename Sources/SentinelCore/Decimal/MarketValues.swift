/// A money-like value that is an `ExactDecimal` underneath but must not be mixed up with other kinds: a `Price` is
/// not a `Quantity`. Parsing, formatting, comparison, addition and tick/step rounding come with the protocol.
public protocol ExactValue: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    var value: ExactDecimal { get }
    init(_ value: ExactDecimal)
}

extension ExactValue {
    public init(_ text: String) throws(DecimalError) {
        self.init(try ExactDecimal(text))
    }

    public init?(exactly text: String) {
        guard let value = ExactDecimal(exactly: text) else { return nil }
        self.init(value)
    }

    public static var zero: Self { Self(.zero) }
    public var description: String { value.description }
    public var isZero: Bool { value.isZero }
    public var isPositive: Bool { value.isPositive }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }

    public func adding(_ other: Self) throws(DecimalError) -> Self { Self(try value.adding(other.value)) }
    public func subtracting(_ other: Self) throws(DecimalError) -> Self { Self(try value.subtracting(other.value)) }

    /// Rounded to a whole multiple of `increment` (tick size for prices, step size for quantities).
    public func rounded(toMultipleOf increment: Self, _ rounding: DecimalRounding) throws(DecimalError) -> Self {
        Self(try value.rounded(toMultipleOf: increment.value, rounding))
    }

    public func isMultiple(of increment: Self) -> Bool { value.isMultiple(of: increment.value) }

    public init(from decoder: any Decoder) throws { self.init(try ExactDecimal(from: decoder)) }
    public func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}

/// A price in quote currency per unit of base (or per contract).
public struct Price: ExactValue {
    public let value: ExactDecimal
    public init(_ value: ExactDecimal) { self.value = value }
}

/// An order or position size in base units or contracts.
public struct Quantity: ExactValue {
    public let value: ExactDecimal
    public init(_ value: ExactDecimal) { self.value = value }
}

/// An amount of one asset: a balance, a fee, a notional value.
public struct Amount: ExactValue {
    public let value: ExactDecimal
    public init(_ value: ExactDecimal) { self.value = value }
}

extension Price {
    /// The notional value of `quantity` at this price, exact.
    public func notional(of quantity: Quantity) throws(DecimalError) -> Amount {
        Amount(try value.multiplied(by: quantity.value))
    }
}
