import SentinelCore

/// A Binance listener: spot, USDⓈ-M or Binance.US. Routes by method and path (after any environment prefix),
/// charges request weight, authenticates signed endpoints and hands over to the endpoint's handler. The signature is
/// checked against a snapshot of the keys outside the engine's lock (it is the costliest step and needs nothing
/// else); weight, the verdict and the handler then run in one engine transaction, in the exchange's order: weight
/// is charged even when the signature is refused.
struct BinanceDialect: VenueDialect {
    let flavor: BinanceFlavor
    private let routes: [String: BinanceEndpoint]

    init(flavor: BinanceFlavor) {
        self.flavor = flavor
        let endpoints: [BinanceEndpoint]
        switch flavor {
        case .spot: endpoints = Self.spotEndpoints(includeAPIRestrictions: true)
        case .us: endpoints = Self.spotEndpoints(includeAPIRestrictions: false)
        case .usdm:
            endpoints =
                Self.futuresEndpoints() + Self.futuresTickerEndpoints() + Self.futuresHistoryEndpoints()
                + Self.futuresFeeEndpoints() + Self.klineEndpoints(futures: true) + Self.coinMEndpoints()
                + Self.listenKeyEndpoints(path: "/fapi/v1/listenKey") + Self.positionModeEndpoints()
                + Self.algoOrderEndpoints()
        }
        routes = Dictionary(endpoints.map { ("\($0.method) \($0.path)", $0) }, uniquingKeysWith: { first, _ in first })
    }

    var exchangeName: String { flavor.exchange.rawValue }

    /// Splits a leading `/testnet` or `/demo` off the path.
    func environment(of path: String) -> (EnvironmentKind, String)? {
        for environment in flavor.environments where environment != .live {
            let prefix = "/" + environment.rawValue
            if path == prefix { return (environment, "/") }
            if path.hasPrefix(prefix + "/") { return (environment, String(path.dropFirst(prefix.count))) }
        }
        return (.live, path)
    }

    func faultPath(of request: SimulatorRequest) -> String {
        environment(of: request.path)?.1 ?? request.path
    }

    func respond(to request: SimulatorRequest, engine: SimulatorEngine) -> SimulatorResponse {
        let (environment, path) = environment(of: request.path) ?? (.live, request.path)
        let endpoint = routes["\(request.method) \(path)"].flatMap { endpoint in
            environment == .testnet && !endpoint.testnet ? nil : endpoint
        }
        let parameters = BinanceParameters(query: request.rawQuery, body: request.body)
        var authentication: Result<SimulatedAPIKey, BinanceError>?
        if let endpoint, endpoint.security != .none {
            authentication = engine.authenticate { keys, now throws(BinanceError) in
                try BinanceAuthenticator(flavor: flavor, environment: environment).authenticate(
                    request, parameters: parameters, security: endpoint.security, keys: keys, now: now)
            }
        }
        let limiterKey = flavor.listenerName + "|" + request.clientIP
        return engine.withState { state in
            let now = state.now
            if let rawLimit = flavor.rawRequestLimit {
                var counter = state.rawRequestCounters[limiterKey] ?? FixedWindowCounter(windowMilliseconds: 300_000)
                let sent = counter.add(1, at: now)
                state.rawRequestCounters[limiterKey] = counter
                if state.enforcesRateLimits, sent > rawLimit {
                    let used = state.weightLimiters[limiterKey]?.usedWeight(at: now) ?? 0
                    return Self.failure(
                        .tooManyRequests(limit: rawLimit, retryAfter: counter.secondsUntilReset(at: now)),
                        headers: [("X-MBX-USED-WEIGHT-1M", String(used))])
                }
            }
            var limiter = state.weightLimiters[limiterKey] ?? RequestWeightLimiter(limit: flavor.weightLimit)
            let weight = endpoint?.weight(parameters) ?? 1
            let verdict =
                state.enforcesRateLimits ? limiter.admit(weight: weight, at: now) : limiter.count(weight: weight, at: now)
            state.weightLimiters[limiterKey] = limiter
            var headers: [(String, String)] = []
            switch verdict {
            case .allowed(let used):
                headers.append(("X-MBX-USED-WEIGHT-1M", String(used)))
            case .rateLimited(let used, let retryAfter):
                headers.append(("X-MBX-USED-WEIGHT-1M", String(used)))
                return Self.failure(.tooMuchWeight(limit: flavor.weightLimit, retryAfter: retryAfter), headers: headers)
            case .banned(let used, let until, let retryAfter):
                headers.append(("X-MBX-USED-WEIGHT-1M", String(used)))
                return Self.failure(.banned(until: until, retryAfter: retryAfter), headers: headers)
            }
            guard let endpoint else {
                return Self.failure(.unknownEndpoint(method: request.method, path: path), headers: headers)
            }
            var call = BinanceCall(flavor: flavor, environment: environment, parameters: parameters, key: nil, now: now)
            do throws(BinanceError) {
                if let authentication { call.key = try authentication.get() }
                let body = try endpoint.handler(&call, &state)
                return .json(200, body, headers: headers + call.responseHeaders)
            } catch {
                return Self.failure(error, headers: headers + call.responseHeaders)
            }
        }
    }

    func injectedFailure(_ kind: FaultKind, request: SimulatorRequest, engine: SimulatorEngine) -> SimulatorResponse {
        let used = engine.withState { state in
            state.weightLimiters["\(flavor.listenerName)|\(request.clientIP)"]?.usedWeight(at: state.now) ?? 0
        }
        let headers = [("X-MBX-USED-WEIGHT-1M", String(used))]
        switch kind {
        case .rateLimit:
            return Self.failure(.tooMuchWeight(limit: flavor.weightLimit, retryAfter: 1), headers: headers)
        default:
            return Self.failure(
                BinanceError(
                    status: 503, code: -1001,
                    message: "Internal error; unable to process your request. Please try again."),
                headers: headers)
        }
    }

    static func failure(_ error: BinanceError, headers: [(String, String)]) -> SimulatorResponse {
        var all = headers
        if let retryAfter = error.retryAfterSeconds { all.append(("Retry-After", String(retryAfter))) }
        return .json(error.status, error.json, headers: all)
    }
}
