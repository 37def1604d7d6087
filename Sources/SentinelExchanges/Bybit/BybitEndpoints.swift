import SentinelCore
import SentinelNet

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

    /// The V5 `category` of a product.
    static func category(_ product: Product) -> String {
        switch product {
        case .spot: "spot"
        case .linear: "linear"
        case .inverse: "inverse"
        }
    }

    /// Requests per IP per 5 s across every endpoint (bybit.md §5): more gets HTTP 403 and a ban of 10 minutes.
    static let ipPool = RateLimitPool(kind: .weight, scope: .ip, windowMs: 5_000, limit: 600)

    /// The per-UID, per-endpoint, one-second limits (bybit.md §5) for `product`.
    static func defaultPools(for product: Product) -> [RateLimitPool] {
        var pools = [ipPool]
        for endpoint in BybitEndpoint.all where endpoint.security == .signed {
            let limit = perSecondLimit(endpoint.path, product: product)
            pools.append(RateLimitPool(kind: .endpoint(endpoint.path), scope: .account, windowMs: 1_000, limit: limit))
        }
        return pools
    }

    static func perSecondLimit(_ path: String, product: Product) -> Int {
        if path.hasPrefix("/v5/order/create") || path.hasPrefix("/v5/order/cancel") {
            return product == .spot ? 20 : 10
        }
        switch path {
        case "/v5/user/query-api", "/v5/position/set-leverage": return 10
        // 300 per minute (Bybit docs, rate-limit table).
        case "/v5/asset/withdraw/query-record": return 5
        default: return 50
        }
    }
}

/// Bybit's REST endpoints (bybit.md §4), each counted in the IP pool and in its own per-UID pool.
enum BybitEndpoint {
    static func signed(_ method: HTTPMethod, _ path: String) -> VenueEndpoint {
        VenueEndpoint(method, path, .signed, costs: [.weight: 1, .endpoint(path): 1])
    }

    static func open(_ path: String) -> VenueEndpoint {
        VenueEndpoint(.GET, path, .none, costs: [.weight: 1])
    }

    static let time = open("/v5/market/time")
    static let instruments = open("/v5/market/instruments-info")
    static let tickers = open("/v5/market/tickers")
    static let orderBook = open("/v5/market/orderbook")
    static let walletBalance = signed(.GET, "/v5/account/wallet-balance")
    static let positions = signed(.GET, "/v5/position/list")
    static let placeOrder = signed(.POST, "/v5/order/create")
    static let placeBatch = signed(.POST, "/v5/order/create-batch")
    static let cancelOrder = signed(.POST, "/v5/order/cancel")
    static let cancelAll = signed(.POST, "/v5/order/cancel-all")
    static let openOrders = signed(.GET, "/v5/order/realtime")
    static let history = signed(.GET, "/v5/order/history")
    static let keyInfo = signed(.GET, "/v5/user/query-api")
    static let withdrawals = signed(.GET, "/v5/asset/withdraw/query-record")

    static let all = [
        time, instruments, tickers, walletBalance, positions, placeOrder, placeBatch, cancelOrder, cancelAll,
        openOrders, history, keyInfo, withdrawals,
    ]
}
