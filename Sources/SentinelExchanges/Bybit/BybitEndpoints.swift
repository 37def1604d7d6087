import SentinelCore

/// Bybit V5 hosts (bybit.md §1). One host serves every product; the environment picks the host.
public enum BybitEndpoints {
    public static func restBase(for venue: Venue) -> String {
        let own: String
        switch venue.environment.kind {
        case .live: own = "https://api.bybit.com"
        case .testnet: own = "https://api-testnet.bybit.com"
        case .demo: own = "https://api-demo.bybit.com"
        }
        return BaseURL.resolve(venue, own: own)
    }

    public static let defaultRecvWindow = 5000
}
