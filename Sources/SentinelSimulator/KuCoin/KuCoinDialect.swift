import SentinelCore

/// The KuCoin listeners (kucoin.md): the spot host and the futures host, each its own listener with its own
/// endpoints and pools, one key registry. Live only. Routes by method and path (path variables included), ignores
/// KC-API-* headers on public endpoints, counts the resource pool, authenticates private endpoints and answers
/// `{"code":"200000","data":…}` with the `gw-ratelimit-*` headers. The signature is checked outside the engine's lock;
/// its verdict is replayed inside the request's transaction, after the route and media-type checks.
struct KuCoinDialect: VenueDialect {
    let futuresHost: Bool
    private let fixed: [String: KuCoinEndpoint]
    private let variable: [KuCoinEndpoint]

    init(futures: Bool) {
        futuresHost = futures
        let endpoints = futures ? Self.futuresEndpoints() : Self.spotEndpoints()
        fixed = Dictionary(
            endpoints.filter { !$0.isVariable }.map { ("\($0.method) /\($0.pattern.joined(separator: "/"))", $0) },
            uniquingKeysWith: { first, _ in first })
        variable = endpoints.filter(\.isVariable)
    }

    var exchangeName: String { "kucoin" }

    func faultPath(of request: SimulatorRequest) -> String { request.path }

    func route(_ request: SimulatorRequest) -> (KuCoinEndpoint, [String])? {
        if let endpoint = fixed["\(request.method) \(request.path)"] { return (endpoint, []) }
        let segments = request.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        for endpoint in variable where endpoint.method == request.method {
            if let variables = endpoint.match(segments) { return (endpoint, variables) }
        }
        return nil
    }

    func respond(to request: SimulatorRequest, engine: SimulatorEngine) -> SimulatorResponse {
        let routed = route(request)
        var authentication: Result<SimulatedAPIKey, KuCoinError>?
        if let endpoint = routed?.0, endpoint.security != .none {
            authentication = engine.authenticate { keys, now throws(KuCoinError) in
                try KuCoinAuthenticator(futuresHost: futuresHost).authenticate(
                    request, security: endpoint.security, keys: keys, now: now)
            }
        }
        return engine.withState { state in
            var call = KuCoinCall(
                request: request, query: FormParameters(request.rawQuery), now: state.now, futuresHost: futuresHost)
            var headers: [(String, String)] = []
            do throws(KuCoinError) {
                guard let (endpoint, variables) = routed else { throw .notFound }
                call.variables = variables
                if endpoint.method == "POST", !request.body.isEmpty,
                    !(request.header("content-type") ?? "application/json").lowercased().contains("json")
                {
                    throw .unsupportedMediaType
                }
                if let authentication {
                    call.key = try authentication.get()
                    headers = try admit(endpoint, scope: String(call.accountID), state: &state, now: call.now, into: &headers)
                } else {
                    headers = try admit(endpoint, scope: request.clientIP, state: &state, now: call.now, into: &headers)
                }
                let data = try endpoint.handler(&call, &state)
                return .json(200, .object([("code", .string("200000")), ("data", data)]), headers: headers)
            } catch {
                return .json(error.status, error.json, headers: headers)
            }
        }
    }

    /// Deducts the endpoint's weight from its pool (30 s window from the first request) and returns the usage
    /// headers; an exhausted pool answers 429 `429000` with the same headers.
    func admit(
        _ endpoint: KuCoinEndpoint, scope: String, state: inout EngineState, now: Int64, into sent: inout [(String, String)]
    ) throws(KuCoinError) -> [(String, String)] {
        let pool = endpoint.pool
        let key = "kucoin|\(futuresHost ? "futures" : "spot")|\(pool.rawValue)|\(scope)"
        var limiter =
            state.orderLimiters[key] ?? OrderRateLimiter(limits: [("30S", KuCoinPool.windowMilliseconds, pool.limit)])
        let verdict = limiter.admit(orders: endpoint.weight, at: now, enforce: state.enforcesRateLimits)
        state.orderLimiters[key] = limiter
        let used = limiter.counts(at: now)["30S"] ?? 0
        let windowEnd = (limiter.windows.first?.counter.windowStart ?? now) + KuCoinPool.windowMilliseconds
        let headers = [
            ("gw-ratelimit-limit", String(pool.limit)), ("gw-ratelimit-remaining", String(max(0, pool.limit - used))),
            ("gw-ratelimit-reset", String(max(1, windowEnd - now))),
        ]
        sent = headers
        if case .rejected = verdict { throw .rateLimited }
        return headers
    }

    func injectedFailure(_ kind: FaultKind, request: SimulatorRequest, engine: SimulatorEngine) -> SimulatorResponse {
        if kind == .rateLimit {
            return .json(
                429, KuCoinError.rateLimited.json,
                headers: [("gw-ratelimit-limit", "4000"), ("gw-ratelimit-remaining", "0"), ("gw-ratelimit-reset", "1000")])
        }
        return .json(500, KuCoinError.internalError.json)
    }
}
