import SentinelCore
import SentinelNet

/// KuCoin hosts (kucoin.md §1): spot on `api.kucoin.com`, futures (linear and inverse) on `api-futures.kucoin.com`.
/// Live only; the sandbox was shut down in 2023.
public enum KuCoinEndpoints {
    public static func restBase(for venue: Venue) -> String {
        BaseURL.resolve(
            venue, own: venue.product == .spot ? "https://api.kucoin.com" : "https://api-futures.kucoin.com")
    }

    /// Sent as `KC-API-KEY-VERSION`; current keys report `apiVersion: 3` and the official SDK sends 3.
    public static let keyVersion = "3"

    /// KuCoin accepts a signed request for 5 s after its timestamp (kucoin.md §2): an order it does not know once
    /// its clock is past that can never arrive late.
    public static let timestampWindowMs = 5_000
}

/// KuCoin's REST endpoints (kucoin.md §4) and their weights in the resource pools of 30 s (§5): Public per IP,
/// Spot, Futures and Management per account.
enum KuCoinEndpoint {
    static let publicPool: RateLimitPool.Meter = "pool public"
    static let spotPool: RateLimitPool.Meter = "pool spot"
    static let futuresPool: RateLimitPool.Meter = "pool futures"
    static let managementPool: RateLimitPool.Meter = "pool management"

    static func make(
        _ method: HTTPMethod, _ path: String, _ security: VenueEndpoint.Security, _ pool: RateLimitPool.Meter, _ weight: Int
    ) -> VenueEndpoint {
        VenueEndpoint(method, path, security, costs: [pool: weight])
    }

    // Both hosts.
    static let time = make(.GET, "/api/v1/timestamp", .none, publicPool, 3)

    // Spot host.
    static let symbols = make(.GET, "/api/v2/symbols", .none, publicPool, 4)
    static let level1 = make(.GET, "/api/v1/market/orderbook/level1", .none, publicPool, 2)
    static let spotBook20 = make(.GET, "/api/v1/market/orderbook/level2_20", .none, publicPool, 2)
    static let spotBook100 = make(.GET, "/api/v1/market/orderbook/level2_100", .none, publicPool, 4)
    static let futuresBook20 = make(.GET, "/api/v1/level2/depth20", .none, publicPool, 5)
    static let futuresBook100 = make(.GET, "/api/v1/level2/depth100", .none, publicPool, 10)
    static let accounts = make(.GET, "/api/v1/accounts", .signed, managementPool, 5)
    static let keyInfo = make(.GET, "/api/v1/user/api-key", .signed, managementPool, 20)
    static let withdrawals = make(.GET, "/api/v1/withdrawals", .signed, managementPool, 20)
    static let spotPlace = make(.POST, "/api/v1/hf/orders", .signed, spotPool, 1)
    static let spotBatch = make(.POST, "/api/v1/hf/orders/multi", .signed, spotPool, 1)
    static let spotCancelAll = make(.DELETE, "/api/v1/hf/orders", .signed, spotPool, 2)
    /// The legacy order list: every spot symbol in one call (`status=active`).
    static let spotList = make(.GET, "/api/v1/orders", .signed, spotPool, 2)
    static let spotActive = make(.GET, "/api/v1/hf/orders/active", .signed, spotPool, 2)
    static func spotOrder(_ id: String) -> VenueEndpoint { make(.GET, "/api/v1/hf/orders/" + id, .signed, spotPool, 2) }
    static func spotOrder(clientOid: String) -> VenueEndpoint {
        make(.GET, "/api/v1/hf/orders/client-order/" + clientOid, .signed, spotPool, 2)
    }
    static func spotCancel(_ id: String) -> VenueEndpoint {
        make(.DELETE, "/api/v1/hf/orders/" + id, .signed, spotPool, 1)
    }
    static func spotCancel(clientOid: String) -> VenueEndpoint {
        make(.DELETE, "/api/v1/hf/orders/client-order/" + clientOid, .signed, spotPool, 1)
    }

    // Futures host.
    static let contracts = make(.GET, "/api/v1/contracts/active", .none, publicPool, 3)
    static let futuresTicker = make(.GET, "/api/v1/ticker", .none, publicPool, 2)
    static let accountOverview = make(.GET, "/api/v1/account-overview", .signed, futuresPool, 5)
    static let positions = make(.GET, "/api/v1/positions", .signed, futuresPool, 2)
    static let futuresPlace = make(.POST, "/api/v1/orders", .signed, futuresPool, 2)
    static let futuresBatch = make(.POST, "/api/v1/orders/multi", .signed, futuresPool, 20)
    static let futuresCancelAll = make(.DELETE, "/api/v1/orders", .signed, futuresPool, 10)
    static let futuresList = make(.GET, "/api/v1/orders", .signed, futuresPool, 2)
    static let futuresByClientOid = make(.GET, "/api/v1/orders/byClientOid", .signed, futuresPool, 5)
    static func futuresOrder(_ id: String) -> VenueEndpoint { make(.GET, "/api/v1/orders/" + id, .signed, futuresPool, 5) }
    static func futuresCancel(_ id: String) -> VenueEndpoint {
        make(.DELETE, "/api/v1/orders/" + id, .signed, futuresPool, 1)
    }
    static func futuresCancel(clientOid: String) -> VenueEndpoint {
        make(.DELETE, "/api/v1/orders/client-order/" + clientOid, .signed, futuresPool, 1)
    }

    /// VIP0 quotas per 30 s.
    static let pools: [RateLimitPool] = [
        .init(kind: publicPool, scope: .ip, windowMs: 30_000, limit: 2_000),
        .init(kind: spotPool, scope: .account, windowMs: 30_000, limit: 4_000),
        .init(kind: futuresPool, scope: .account, windowMs: 30_000, limit: 2_000),
        .init(kind: managementPool, scope: .account, windowMs: 30_000, limit: 2_000),
    ]

    /// The pool a path's answer headers describe.
    static func pool(of endpoint: VenueEndpoint) -> RateLimitPool.Meter? { endpoint.costs.keys.first }

    /// Order lookups: a "not found" answer there means the exchange does not know the order.
    static func isOrderLookup(_ path: String) -> Bool {
        path.hasPrefix("/api/v1/hf/orders/") || path.hasPrefix("/api/v1/orders/")
    }
}
