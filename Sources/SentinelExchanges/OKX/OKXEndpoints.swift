import SentinelCore
import SentinelNet

/// OKX V5 hosts (okx.md §1). Demo ("simulated trading") is the live host plus `x-simulated-trading: 1`.
public enum OKXEndpoints {
    public static func restBase(for venue: Venue) -> String {
        BaseURL.resolve(venue, own: "https://www.okx.com")
    }

    /// How long after its timestamp an order may still be accepted: OKX takes a signed request for 30 s, and the
    /// `expTime` header Sentinel puts on every placement shortens that to this (okx.md §2).
    public static let defaultOrderValidityMs = 5_000
}

/// OKX's REST endpoints and their limits per 2 s (okx.md §4): public ones per IP, private ones per UID, order
/// entry per UID and instrument.
enum OKXEndpoint {
    static func make(_ method: HTTPMethod, _ path: String, _ security: VenueEndpoint.Security, idempotent: Bool? = nil)
        -> VenueEndpoint
    {
        VenueEndpoint(method, path, security, costs: [.endpoint(path): 1], idempotent: idempotent)
    }

    static let time = make(.GET, "/api/v5/public/time", .none)
    static let instruments = make(.GET, "/api/v5/public/instruments", .none)
    static let ticker = make(.GET, "/api/v5/market/ticker", .none)
    static let books = make(.GET, "/api/v5/market/books", .none)
    static let balance = make(.GET, "/api/v5/account/balance", .signed)
    static let positions = make(.GET, "/api/v5/account/positions", .signed)
    static let config = make(.GET, "/api/v5/account/config", .signed)
    static let placeOrder = make(.POST, "/api/v5/trade/order", .signed)
    static let batchOrders = make(.POST, "/api/v5/trade/batch-orders", .signed)
    static let cancelOrder = make(.POST, "/api/v5/trade/cancel-order", .signed)
    static let cancelBatch = make(.POST, "/api/v5/trade/cancel-batch-orders", .signed)
    static let order = make(.GET, "/api/v5/trade/order", .signed)
    static let pending = make(.GET, "/api/v5/trade/orders-pending", .signed)
    static let withdrawals = make(.GET, "/api/v5/asset/withdrawal-history", .signed)

    /// The paths whose answers judge each order by its own `sCode`.
    static let perOrderPaths: Set<String> = [batchOrders.path, cancelBatch.path]

    static let pools: [RateLimitPool] = [
        .init(kind: .endpoint(time.path), scope: .ip, windowMs: 2_000, limit: 10),
        .init(kind: .endpoint(instruments.path), scope: .ip, windowMs: 2_000, limit: 20),
        .init(kind: .endpoint(ticker.path), scope: .ip, windowMs: 2_000, limit: 20),
        .init(kind: .endpoint(books.path), scope: .ip, windowMs: 2_000, limit: 40),
        .init(kind: .endpoint(balance.path), scope: .account, windowMs: 2_000, limit: 10),
        .init(kind: .endpoint(positions.path), scope: .account, windowMs: 2_000, limit: 10),
        .init(kind: .endpoint(config.path), scope: .account, windowMs: 2_000, limit: 5),
        .init(kind: .endpoint(placeOrder.path), scope: .instrument, windowMs: 2_000, limit: 60),
        .init(kind: .endpoint(batchOrders.path), scope: .instrument, windowMs: 2_000, limit: 300),
        .init(kind: .endpoint(cancelOrder.path), scope: .instrument, windowMs: 2_000, limit: 60),
        .init(kind: .endpoint(cancelBatch.path), scope: .instrument, windowMs: 2_000, limit: 300),
        .init(kind: .endpoint(order.path), scope: .instrument, windowMs: 2_000, limit: 60),
        .init(kind: .endpoint(pending.path), scope: .account, windowMs: 2_000, limit: 60),
        // 6 per second per UID (OKX docs, funding account).
        .init(kind: .endpoint(withdrawals.path), scope: .account, windowMs: 2_000, limit: 12),
    ]
}
