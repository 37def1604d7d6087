import Foundation
import SentinelCore

/// The Bitget V2 listener. One host for live and demo: `paptrading: 1` (header name in any case) selects demo
/// (bitget.md §1). Routes by method and path, counts the endpoint's limit per second, authenticates private endpoints
/// and hands over to the handler. The signature is checked outside the engine's lock (the costliest step); its
/// verdict, the limit and the handler then run in one engine transaction. Public endpoints answer with or without
/// the header.
struct BitgetDialect: VenueDialect {
    private let routes: [String: BitgetEndpoint]

    init() {
        let endpoints =
            Self.publicEndpoints() + Self.accountEndpoints() + Self.spotTradeEndpoints() + Self.mixTradeEndpoints()
            + Self.fillEndpoints() + Self.withdrawalEndpoints()
        routes = Dictionary(endpoints.map { ("\($0.method) \($0.path)", $0) }, uniquingKeysWith: { first, _ in first })
    }

    var exchangeName: String { "bitget" }

    func faultPath(of request: SimulatorRequest) -> String { request.path }

    static func environment(of request: SimulatorRequest) -> EnvironmentKind {
        request.header("paptrading")?.trimmingCharacters(in: .whitespaces) == "1" ? .demo : .live
    }

    func respond(to request: SimulatorRequest, engine: SimulatorEngine) -> SimulatorResponse {
        let environment = Self.environment(of: request)
        let route = routes["\(request.method.uppercased()) \(request.path)"]
        var authentication: Result<SimulatedAPIKey, BitgetError>?
        if let route, route.security != .none {
            authentication = engine.authenticate { keys, now throws(BitgetError) in
                try BitgetAuthenticator(environment: environment).authenticate(
                    request, security: route.security, keys: keys, now: now)
            }
        }
        return engine.withState { state in
            var call = BitgetCall(
                request: request, environment: environment, query: FormParameters(request.rawQuery), key: nil,
                now: state.now)
            do throws(BitgetError) {
                guard let endpoint = route else { throw .notFound(request.path) }
                let remaining: Int
                if let authentication {
                    call.key = try authentication.get()
                    remaining = try call.admit("\(endpoint.path)|\(call.accountID)", limit: endpoint.limit, state: &state)
                } else {
                    remaining = try call.admit("\(endpoint.path)|\(request.clientIP)", limit: endpoint.limit, state: &state)
                }
                let data = try endpoint.handler(&call, &state)
                return .json(
                    200, BitgetEndpoint.envelope(data, now: call.now),
                    headers: [("x-mbx-used-remain-limit", String(remaining))])
            } catch {
                return .json(error.status, error.json(now: call.now))
            }
        }
    }

    func injectedFailure(_ kind: FaultKind, request: SimulatorRequest, engine: SimulatorEngine) -> SimulatorResponse {
        let error: BitgetError = kind == .rateLimit ? .rateLimited : .systemBusy
        return .json(error.status, error.json(now: engine.withState { $0.now }))
    }
}
