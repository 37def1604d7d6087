import SentinelCore

/// The Bybit V5 listener. Mainnet, testnet and demo are separate hosts on the real exchange; here they are a
/// leading `/testnet` or `/demo` path segment on one port, each with its own keys (a key of another environment is
/// `10003`). Every answer is the `{retCode, retMsg, result, retExtInfo, time}` envelope, errors at HTTP 200. The
/// parameters are read and the signature checked outside the engine's lock; their verdicts are replayed inside it, in
/// the exchange's order (the IP limit first).
struct BybitDialect: VenueDialect {
    /// Requests per IP per 5 seconds before HTTP 403 (fact sheet §5).
    static let ipLimit = 600

    private let routes: [String: BybitEndpoint]

    init() {
        let endpoints =
            Self.marketEndpoints() + Self.accountEndpoints() + Self.tradingEndpoints() + Self.withdrawalEndpoints()
        routes = Dictionary(endpoints.map { ("\($0.method) \($0.path)", $0) }, uniquingKeysWith: { first, _ in first })
    }

    var exchangeName: String { ExchangeID.bybit.rawValue }

    func environment(of path: String) -> (EnvironmentKind, String) {
        for environment in [EnvironmentKind.testnet, .demo] {
            let prefix = "/" + environment.rawValue
            if path == prefix { return (environment, "/") }
            if path.hasPrefix(prefix + "/") { return (environment, String(path.dropFirst(prefix.count))) }
        }
        return (.live, path)
    }

    func faultPath(of request: SimulatorRequest) -> String { environment(of: request.path).1 }

    func respond(to request: SimulatorRequest, engine: SimulatorEngine) -> SimulatorResponse {
        let (environment, path) = environment(of: request.path)
        let route = routes["\(request.method) \(path)"]
        let parsed = Result { () throws(BybitError) in
            request.method == "GET" ? BybitParameters(query: request.rawQuery) : try BybitParameters.body(request.body)
        }
        let category = (try? parsed.get())?["category"].flatMap(BybitCategory.init(rawValue:))
        var authentication: Result<SimulatedAPIKey, BybitError>?
        if let route, route.security != .none, case .success = parsed {
            authentication = engine.authenticate { keys, now throws(BybitError) in
                try BybitAuthenticator(environment: environment).authenticate(
                    request, security: route.security, category: category, keys: keys, now: now)
            }
        }
        return engine.withState { state in
            let now = state.now
            if state.enforcesRateLimits {
                let limiterKey = "bybit-ip|\(request.clientIP)"
                var limiter = state.orderLimiters[limiterKey] ?? OrderRateLimiter(limits: [("5S", 5000, Self.ipLimit)])
                let verdict = limiter.admit(orders: 1, at: now)
                state.orderLimiters[limiterKey] = limiter
                if case .rejected = verdict { return Self.failure(.accessTooFrequent, headers: [], now: now) }
            }
            guard let endpoint = route else {
                return Self.failure(.routeNotFound(), headers: [], now: now)
            }
            var headers: [(String, String)] = []
            do throws(BybitError) {
                let parameters = try parsed.get()
                var call = BybitCall(environment: environment, parameters: parameters, key: nil, now: now)
                if let authentication {
                    let key = try authentication.get()
                    call.key = key
                    if let limit = endpoint.limit(category) {
                        headers = try Self.admit(
                            units: Self.units(of: path, parameters), limit: limit,
                            key: "bybit|\(key.accountID)|\(path)|\(category == .spot ? "spot" : "derivatives")",
                            state: &state, now: now)
                    }
                }
                let result = try endpoint.handler(&call, &state)
                let body = BybitEnvelope.render(code: 0, message: "OK", result: result, extInfo: call.extInfo, now: now)
                return .json(200, body, headers: headers)
            } catch {
                return Self.failure(error, headers: headers, now: now)
            }
        }
    }

    /// Batch requests spend one unit per order.
    static func units(of path: String, _ parameters: BybitParameters) -> Int {
        guard path.hasSuffix("-batch"), case .list(let items)? = parameters.value("request") else { return 1 }
        return max(1, items.count)
    }

    /// Counts the request against the UID's one-second window for this endpoint and returns the usage headers.
    static func admit(units: Int, limit: Int, key: String, state: inout EngineState, now: Int64) throws(BybitError)
        -> [(String, String)]
    {
        var limiter = state.orderLimiters[key] ?? OrderRateLimiter(limits: [("1S", 1000, limit)])
        let verdict = limiter.admit(orders: units, at: now, enforce: state.enforcesRateLimits)
        state.orderLimiters[key] = limiter
        let used = limiter.counts(at: now)["1S"] ?? 0
        let windowEnd = (limiter.windows.first?.counter.windowStart ?? now) + 1000
        switch verdict {
        case .allowed:
            let remaining = max(0, limit - used)
            return [
                ("X-Bapi-Limit", String(limit)), ("X-Bapi-Limit-Status", String(remaining)),
                ("X-Bapi-Limit-Reset-Timestamp", String(remaining == 0 ? windowEnd : now)),
            ]
        case .rejected:
            var error = BybitError.tooManyVisits
            error.headers = [
                ("X-Bapi-Limit", String(limit)), ("X-Bapi-Limit-Status", "0"),
                ("X-Bapi-Limit-Reset-Timestamp", String(max(windowEnd, now + 1))),
            ]
            throw error
        }
    }

    func injectedFailure(_ kind: FaultKind, request: SimulatorRequest, engine: SimulatorEngine) -> SimulatorResponse {
        let now = engine.withState { $0.now }
        switch kind {
        case .rateLimit:
            return Self.failure(
                .tooManyVisits,
                headers: [
                    ("X-Bapi-Limit", "10"), ("X-Bapi-Limit-Status", "0"),
                    ("X-Bapi-Limit-Reset-Timestamp", String(now + 1000)),
                ], now: now)
        default:
            return Self.failure(.serverError, headers: [], now: now)
        }
    }

    static func failure(_ error: BybitError, headers: [(String, String)], now: Int64) -> SimulatorResponse {
        .json(error.status, error.envelope(now: now), headers: headers + error.headers)
    }
}
