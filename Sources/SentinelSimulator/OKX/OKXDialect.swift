import Foundation
import SentinelCore

/// The OKX V5 listener. One host for live and demo: the `x-simulated-trading` header's value selects demo (`1`);
/// absent or `0` is live (okx.md §1). Routes by method and path, counts the endpoint's rate limit, authenticates
/// private endpoints and hands over to the handler. The signature is checked outside the engine's lock (the costliest
/// step); its verdict, the limit and the handler then run in one engine transaction.
struct OKXDialect: VenueDialect {
    private let routes: [String: OKXEndpoint]

    init() {
        let endpoints =
            Self.publicEndpoints() + Self.accountEndpoints() + Self.tradeEndpoints() + Self.withdrawalEndpoints()
        routes = Dictionary(endpoints.map { ("\($0.method) \($0.path)", $0) }, uniquingKeysWith: { first, _ in first })
    }

    var exchangeName: String { "okx" }

    func faultPath(of request: SimulatorRequest) -> String { request.path }

    static func environment(of request: SimulatorRequest) -> EnvironmentKind {
        request.header("x-simulated-trading")?.trimmingCharacters(in: .whitespaces) == "1" ? .demo : .live
    }

    func respond(to request: SimulatorRequest, engine: SimulatorEngine) -> SimulatorResponse {
        let environment = Self.environment(of: request)
        let route = routes["\(request.method) \(request.path)"]
        var authentication: Result<SimulatedAPIKey, OKXError>?
        if let route, route.security != .none {
            authentication = engine.authenticate { keys, now throws(OKXError) in
                try OKXAuthenticator(environment: environment).authenticate(
                    request, security: route.security, keys: keys, now: now)
            }
        }
        return engine.withState { state in
            var call = OKXCall(
                request: request, environment: environment, query: FormParameters(request.rawQuery), key: nil,
                now: state.now)
            do throws(OKXError) {
                guard let endpoint = route else { throw .notFound(request.path) }
                if let authentication {
                    call.key = try authentication.get()
                    if let limit = endpoint.limit {
                        try call.admit("\(endpoint.path)|\(call.accountID)", limit: limit, state: &state)
                    }
                } else if let limit = endpoint.limit {
                    try call.admit("\(endpoint.path)|\(request.clientIP)", limit: limit, state: &state)
                }
                let reply = try endpoint.handler(&call, &state)
                return .json(200, reply.json(now: call.now))
            } catch {
                return .json(error.status, error.json)
            }
        }
    }

    func injectedFailure(_ kind: FaultKind, request: SimulatorRequest, engine: SimulatorEngine) -> SimulatorResponse {
        let error: OKXError = kind == .rateLimit ? .rateLimited : .systemBusy
        return .json(error.status, error.json)
    }
}
