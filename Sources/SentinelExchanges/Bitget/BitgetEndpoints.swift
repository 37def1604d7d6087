import SentinelCore

/// Bitget V2 hosts (bitget.md §1). Demo ("paptrading") is the live host plus `paptrading: 1`.
public enum BitgetEndpoints {
    public static func restBase(for venue: Venue) -> String {
        BaseURL.resolve(venue, own: "https://api.bitget.com")
    }
}
