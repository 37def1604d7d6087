import SentinelCore

/// KuCoin hosts (kucoin.md §1): spot on `api.kucoin.com`, futures (linear and inverse) on `api-futures.kucoin.com`.
/// Live only; the sandbox was shut down in 2023.
public enum KuCoinEndpoints {
    public static func restBase(for venue: Venue) -> String {
        BaseURL.resolve(
            venue, own: venue.product == .spot ? "https://api.kucoin.com" : "https://api-futures.kucoin.com")
    }

    /// Sent as `KC-API-KEY-VERSION`; current keys report `apiVersion: 3` and the official SDK sends 3.
    public static let keyVersion = "3"
}
