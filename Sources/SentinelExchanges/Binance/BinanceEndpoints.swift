import SentinelCore

/// Binance hosts per product and environment (binance.md §1).
public enum BinanceEndpoints {
    public static func restBase(for venue: Venue) -> String {
        let own: String
        switch (venue.exchange, venue.product, venue.environment.kind) {
        case (.binanceUS, _, _): own = "https://api.binance.us"
        case (_, .spot, .live): own = "https://api.binance.com"
        case (_, .spot, .testnet): own = "https://testnet.binance.vision"
        case (_, .spot, .demo): own = "https://demo-api.binance.com"
        case (_, _, .live): own = "https://fapi.binance.com"
        case (_, _, .testnet): own = "https://testnet.binancefuture.com"
        case (_, _, .demo): own = "https://demo-fapi.binance.com"
        }
        return BaseURL.resolve(venue, own: own)
    }

    /// The product a Binance path belongs to: `/fapi` is USDⓈ-M, `/api` and `/sapi` are spot.
    public static func product(ofPath path: String) -> Product? {
        if path.hasPrefix("/fapi/") { return .linear }
        if path.hasPrefix("/api/") || path.hasPrefix("/sapi/") { return .spot }
        return nil
    }

    /// Default `recvWindow` (ms); Binance's own default, and its maximum is 60000.
    public static let defaultRecvWindow = 5000
    public static let maxRecvWindow = 60000
}
