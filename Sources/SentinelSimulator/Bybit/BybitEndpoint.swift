import SentinelCore

/// `category`: the product line a V5 request is about.
enum BybitCategory: String, Sendable, CaseIterable {
    case spot
    case linear
    case inverse
    case option

    /// The engine's markets behind the category; the simulator lists no inverse or option markets.
    var marketKind: MarketKind? {
        switch self {
        case .spot: .spot
        case .linear: .perpetual
        case .inverse, .option: nil
        }
    }
}

/// Everything a Bybit handler gets: environment, parameters, key, time; handlers may add `retExtInfo`.
struct BybitCall: Sendable {
    let environment: EnvironmentKind
    let parameters: BybitParameters
    var key: SimulatedAPIKey?
    let now: Int64
    var extInfo: JSONValue = .object([])

    var accountID: Int { key?.accountID ?? -1 }

    /// The `category` parameter, which must be one of `allowed`.
    func category(_ allowed: [BybitCategory] = BybitCategory.allCases) throws(BybitError) -> BybitCategory {
        guard let text = parameters["category"] else { throw .missing("category") }
        guard let category = BybitCategory(rawValue: text), allowed.contains(category) else { throw .invalidCategory }
        return category
    }

    /// The market named by `symbol` in `category`.
    func market(_ state: inout EngineState, category: BybitCategory, symbol: String? = nil) throws(BybitError)
        -> MarketState
    {
        let name: String
        if let symbol { name = symbol } else { name = try parameters.required("symbol") }
        guard let kind = category.marketKind,
            let market = state.market(MarketKey(exchange: .bybit, kind: kind, symbol: name), now: now)
        else { throw category == .spot ? BybitError(code: 170121, message: "Invalid symbol.") : .parameter("symbol invalid") }
        return market
    }

    func markets(_ state: inout EngineState, category: BybitCategory) -> [MarketState] {
        guard let kind = category.marketKind else { return [] }
        return state.marketKeys(exchange: .bybit, kind: kind).compactMap { state.market($0, now: now) }
    }
}

typealias BybitHandler = @Sendable (inout BybitCall, inout EngineState) throws(BybitError) -> JSONValue

/// One REST endpoint: method, path, what the key must allow, its per-UID limit per second, and the handler.
struct BybitEndpoint: Sendable {
    let method: String
    let path: String
    let security: BybitSecurity
    /// Requests per second per UID (fact sheet §5), by category where it differs; nil for public endpoints.
    let limit: @Sendable (BybitCategory?) -> Int?
    let handler: BybitHandler

    init(
        _ method: String, _ path: String, _ security: BybitSecurity, limit: @escaping @Sendable (BybitCategory?) -> Int?,
        handler: @escaping BybitHandler
    ) {
        self.method = method
        self.path = path
        self.security = security
        self.limit = limit
        self.handler = handler
    }

    init(_ method: String, _ path: String, _ security: BybitSecurity, limit: Int?, handler: @escaping BybitHandler) {
        self.init(method, path, security, limit: { _ in limit }, handler: handler)
    }

    /// Trading endpoints: 20/s on spot, 10/s on derivatives.
    static let tradeLimit: @Sendable (BybitCategory?) -> Int? = { $0 == .spot ? 20 : 10 }
}
