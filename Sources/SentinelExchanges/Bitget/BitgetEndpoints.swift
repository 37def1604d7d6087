import SentinelCore
import SentinelNet

/// Bitget V2 hosts (bitget.md §1). Demo ("paptrading") is the live host plus `paptrading: 1`.
public enum BitgetEndpoints {
    public static func restBase(for venue: Venue) -> String {
        BaseURL.resolve(venue, own: "https://api.bitget.com")
    }

    /// How long after its timestamp an order may still be accepted: Bitget takes a signed request for 30 s, and the
    /// `requestTime` + `receiveWindow` Sentinel puts in every placement shortens that to this (bitget.md §2).
    public static let defaultOrderValidityMs = 5_000

    /// The futures family of a product (bitget.md §4): USDT-M or Coin-M.
    public static func productType(_ product: Product) -> String {
        product == .inverse ? "COIN-FUTURES" : "USDT-FUTURES"
    }
}

/// Bitget's REST endpoints and their limits per second (bitget.md §4): public ones per IP, private ones per UID.
enum BitgetEndpoint {
    static func make(_ method: HTTPMethod, _ path: String, _ security: VenueEndpoint.Security) -> VenueEndpoint {
        VenueEndpoint(method, path, security, costs: [.endpoint(path): 1])
    }

    static let time = make(.GET, "/api/v2/public/time", .none)
    static let spotSymbols = make(.GET, "/api/v2/spot/public/symbols", .none)
    static let spotTickers = make(.GET, "/api/v2/spot/market/tickers", .none)
    static let contracts = make(.GET, "/api/v2/mix/market/contracts", .none)
    static let mixTicker = make(.GET, "/api/v2/mix/market/ticker", .none)
    static let spotBook = make(.GET, "/api/v2/spot/market/orderbook", .none)
    static let mixBook = make(.GET, "/api/v2/mix/market/merge-depth", .none)
    static let keyInfo = make(.GET, "/api/v2/spot/account/info", .signed)
    static let assets = make(.GET, "/api/v2/spot/account/assets", .signed)
    static let mixAccounts = make(.GET, "/api/v2/mix/account/accounts", .signed)
    static let positions = make(.GET, "/api/v2/mix/position/all-position", .signed)
    static let spotPlace = make(.POST, "/api/v2/spot/trade/place-order", .signed)
    static let spotBatch = make(.POST, "/api/v2/spot/trade/batch-orders", .signed)
    static let spotCancel = make(.POST, "/api/v2/spot/trade/cancel-order", .signed)
    static let spotCancelSymbol = make(.POST, "/api/v2/spot/trade/cancel-symbol-order", .signed)
    static let spotOrder = make(.GET, "/api/v2/spot/trade/orderInfo", .signed)
    static let spotOpen = make(.GET, "/api/v2/spot/trade/unfilled-orders", .signed)
    static let mixPlace = make(.POST, "/api/v2/mix/order/place-order", .signed)
    static let mixBatch = make(.POST, "/api/v2/mix/order/batch-place-order", .signed)
    static let mixCancel = make(.POST, "/api/v2/mix/order/cancel-order", .signed)
    static let mixCancelAll = make(.POST, "/api/v2/mix/order/cancel-all-orders", .signed)
    static let mixOrder = make(.GET, "/api/v2/mix/order/detail", .signed)
    static let mixOpen = make(.GET, "/api/v2/mix/order/orders-pending", .signed)
    static let withdrawals = make(.GET, "/api/v2/spot/wallet/withdrawal-records", .signed)

    /// A spot market buy: Bitget sizes it in quote coin, which a base quantity cannot state exactly, so the
    /// connector refuses it before anything is sent (`BitgetOrderMapping.spotMarketBuyRefusal`).
    static let spotMarketBuy = VenueEndpoint(.POST, spotPlace.path, .signed, costs: [:], idempotent: false)

    /// The placement endpoints, whose bodies carry `requestTime` and `receiveWindow`: four paths compared, not hashed.
    static let placements: [String] = [spotPlace.path, spotBatch.path, mixPlace.path, mixBatch.path]

    static let pools: [RateLimitPool] = {
        let perIP: [(VenueEndpoint, Int)] = [(time, 20), (spotSymbols, 20), (spotTickers, 20), (contracts, 20), (mixTicker, 20),
            (spotBook, 20), (mixBook, 20),
        ]
        let perAccount: [(VenueEndpoint, Int)] = [
            (keyInfo, 1), (assets, 10), (mixAccounts, 10), (positions, 5), (spotPlace, 10), (spotBatch, 5),
            (spotCancel, 10), (spotCancelSymbol, 5), (spotOrder, 20), (spotOpen, 20), (mixPlace, 10), (mixBatch, 5),
            (mixCancel, 10), (mixCancelAll, 10), (mixOrder, 10), (mixOpen, 10), (withdrawals, 10),
        ]
        return perIP.map { RateLimitPool(kind: .endpoint($0.0.path), scope: .ip, windowMs: 1_000, limit: $0.1) }
            + perAccount.map { RateLimitPool(kind: .endpoint($0.0.path), scope: .account, windowMs: 1_000, limit: $0.1) }
    }()
}
