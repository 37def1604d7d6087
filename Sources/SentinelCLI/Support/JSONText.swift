import SentinelCore

/// JSON for people and scripts reading the CLI's output: keys in the order given, `/` not escaped.
enum JSONText {
    typealias Value = OrderedJSON

    static func render(_ value: Value) -> String {
        value.rendered(spaced: true)
    }
}
