import SentinelNet
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

    /// The base URL for `path`: SAPI calls (key permissions) of a USDⓈ-M venue go to the spot host of the same
    /// environment, as on Binance; a custom endpoint serves everything itself.
    public static func restBase(for venue: Venue, path: String) -> String {
        guard path.hasPrefix("/sapi/"), venue.product != .spot, venue.environment.customEndpoint == nil,
            let spot = try? Venue(venue.exchange, .spot, venue.environment)
        else { return restBase(for: venue) }
        return restBase(for: spot)
    }

    /// The product a Binance path belongs to: `/fapi` is USDⓈ-M, `/api` and `/sapi` are spot.
    public static func product(ofPath path: String) -> Product? {
        if path.hasPrefix("/fapi/") { return .linear }
        if path.hasPrefix("/api/") || path.hasPrefix("/sapi/") { return .spot }
        return nil
    }

    /// How long Binance accepts a request after its timestamp: `recvWindow` (binance.md §2).
    /// Default `recvWindow` (ms); Binance's own default, and its maximum is 60000.
    public static let defaultRecvWindow = 5000
    public static let maxRecvWindow = 60000
}

/// Binance's REST endpoints per product, with their weights (binance.md §4).
enum BinanceEndpoint {
    struct Set: Sendable {
        let time: VenueEndpoint
        let exchangeInfo: VenueEndpoint
        let ticker: VenueEndpoint
        let balances: VenueEndpoint
        let positions: VenueEndpoint?
        let placeOrder: VenueEndpoint
        let batchOrders: VenueEndpoint?
        let queryOrder: VenueEndpoint
        let cancelOrder: VenueEndpoint
        let cancelAll: VenueEndpoint
        let openOrders: VenueEndpoint
        let openOrdersAllSymbols: VenueEndpoint
        let apiRestrictions: VenueEndpoint
    }

    static let spot = Set(
        time: .init(.GET, "/api/v3/time", .none, weight: 1),
        exchangeInfo: .init(.GET, "/api/v3/exchangeInfo", .none, weight: 20),
        ticker: .init(.GET, "/api/v3/ticker/24hr", .none, weight: 2),
        balances: .init(.GET, "/api/v3/account", .signed, weight: 20),
        positions: nil,
        placeOrder: .init(.POST, "/api/v3/order", .signed, weight: 1, orders: 1),
        batchOrders: nil,
        queryOrder: .init(.GET, "/api/v3/order", .signed, weight: 4),
        cancelOrder: .init(.DELETE, "/api/v3/order", .signed, weight: 1),
        cancelAll: .init(.DELETE, "/api/v3/openOrders", .signed, weight: 1),
        openOrders: .init(.GET, "/api/v3/openOrders", .signed, weight: 6),
        openOrdersAllSymbols: .init(.GET, "/api/v3/openOrders", .signed, weight: 80),
        apiRestrictions: .init(.GET, "/sapi/v1/account/apiRestrictions", .signed, weight: 1))

    static let usdm = Set(
        time: .init(.GET, "/fapi/v1/time", .none, weight: 1),
        exchangeInfo: .init(.GET, "/fapi/v1/exchangeInfo", .none, weight: 1),
        ticker: .init(.GET, "/fapi/v1/ticker/price", .none, weight: 1),
        balances: .init(.GET, "/fapi/v3/balance", .signed, weight: 5),
        positions: .init(.GET, "/fapi/v3/positionRisk", .signed, weight: 5),
        placeOrder: .init(.POST, "/fapi/v1/order", .signed, weight: 0, orders: 1),
        batchOrders: .init(.POST, "/fapi/v1/batchOrders", .signed, weight: 5, orders: 5),
        queryOrder: .init(.GET, "/fapi/v1/order", .signed, weight: 1),
        cancelOrder: .init(.DELETE, "/fapi/v1/order", .signed, weight: 1),
        cancelAll: .init(.DELETE, "/fapi/v1/allOpenOrders", .signed, weight: 1),
        openOrders: .init(.GET, "/fapi/v1/openOrders", .signed, weight: 1),
        openOrdersAllSymbols: .init(.GET, "/fapi/v1/openOrders", .signed, weight: 40),
        apiRestrictions: .init(.GET, "/sapi/v1/account/apiRestrictions", .signed, weight: 1))
}

extension BinanceEndpoints {
    /// The rate-limit pools per venue until exchangeInfo says otherwise (binance.md §5).
    static func defaultPools(for venue: Venue) -> [RateLimitPool] {
        switch (venue.exchange, venue.product) {
        case (.binanceUS, _):
            return [
                .init(kind: .weight, windowMs: 60_000, limit: 1200), .init(kind: .orders, windowMs: 10_000, limit: 100),
                .init(kind: .orders, windowMs: 86_400_000, limit: 200_000),
            ]
        case (_, .spot):
            return [
                .init(kind: .weight, windowMs: 60_000, limit: 6000), .init(kind: .orders, windowMs: 10_000, limit: 50),
                .init(kind: .orders, windowMs: 86_400_000, limit: 160_000),
            ]
        default:
            return [
                .init(kind: .weight, windowMs: 60_000, limit: 2400), .init(kind: .orders, windowMs: 10_000, limit: 300),
                .init(kind: .orders, windowMs: 60_000, limit: 1200),
            ]
        }
    }

    /// `1M` → 60 000 ms, `10S` → 10 000 ms: the interval suffix of Binance's usage headers.
    static func windowMs(_ suffix: Substring) -> Int64? {
        guard let unit = suffix.last, let count = Int64(suffix.dropLast()) else { return nil }
        switch unit.uppercased() {
        case "S": return count * 1_000
        case "M": return count * 60_000
        case "H": return count * 3_600_000
        case "D": return count * 86_400_000
        default: return nil
        }
    }

    /// Pools from exchangeInfo's `rateLimits` (REQUEST_WEIGHT and ORDERS).
    static func pools(from limits: [BinanceWire.RateLimit]) -> [RateLimitPool] {
        limits.compactMap { limit in
            let unit: Int64
            switch limit.interval {
            case "SECOND": unit = 1_000
            case "MINUTE": unit = 60_000
            case "HOUR": unit = 3_600_000
            case "DAY": unit = 86_400_000
            default: return nil
            }
            switch limit.rateLimitType {
            case "REQUEST_WEIGHT":
                return RateLimitPool(kind: .weight, windowMs: unit * Int64(limit.intervalNum), limit: limit.limit)
            case "ORDERS":
                return RateLimitPool(kind: .orders, windowMs: unit * Int64(limit.intervalNum), limit: limit.limit)
            default:
                return nil
            }
        }
    }
}
