/// What the watcher treats as expected, and when it speaks up.
public struct ActivityPolicy: Sendable, Hashable {
    /// Client-id prefixes of other bots the user runs on the same key: their orders are not findings.
    public var knownClientIDPrefixes: [String]
    /// Rotate a key this many days after it was stored (or created on the exchange), when the exchange sets no expiry.
    public var rotationDays: Int
    /// Warn this many days before an expiry or a rotation date.
    public var warningDays: Int
    /// On a key's first poll, withdrawals this far back are reported (later polls report what is new).
    public var firstLookbackMs: Int64

    /// The prefix of every client order id Sentinel generates.
    public static let sentinelPrefix = "sn-"

    public init(
        knownClientIDPrefixes: [String] = [], rotationDays: Int = 90, warningDays: Int = 14,
        firstLookbackMs: Int64 = 7 * 86_400_000
    ) {
        self.knownClientIDPrefixes = knownClientIDPrefixes
        self.rotationDays = rotationDays
        self.warningDays = warningDays
        self.firstLookbackMs = firstLookbackMs
    }
}
