import SentinelCore

/// JSON as the exchanges write it: object members in a fixed order, decimals as strings, no floating point.
typealias JSONValue = OrderedJSON
