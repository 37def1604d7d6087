import SentinelCore

/// OKX V5 hosts (okx.md §1). Demo ("simulated trading") is the live host plus `x-simulated-trading: 1`.
public enum OKXEndpoints {
    public static func restBase(for venue: Venue) -> String {
        BaseURL.resolve(venue, own: "https://www.okx.com")
    }
}
