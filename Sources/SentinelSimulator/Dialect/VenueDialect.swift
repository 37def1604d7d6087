/// The boundary between the HTTP listeners and an exchange's wire protocol. Each exchange is one folder with one
/// dialect per listener (Binance: spot, USDⓈ-M, Binance.US); all of them work on the same `SimulatorEngine`, so
/// adding Bybit, OKX, KuCoin or Bitget is a new folder and one line in `SimulatorVenue.dialect`.
protocol VenueDialect: Sendable {
    /// The name faults are scoped by besides the listener's own (`binance` for both Binance listeners).
    var exchangeName: String { get }

    func respond(to request: SimulatorRequest, engine: SimulatorEngine) -> SimulatorResponse

    /// The path faults match against: the request path without any environment prefix.
    func faultPath(of request: SimulatorRequest) -> String

    /// This exchange's own answer for an injected server error or rate-limit rejection.
    func injectedFailure(_ kind: FaultKind, request: SimulatorRequest, engine: SimulatorEngine) -> SimulatorResponse

    /// The market-data stream a WebSocket upgrade on `path` subscribes to, or nil when `path` is not a stream.
    func stream(path: String, query: String) -> (any MarketStream)?
}

extension VenueDialect {
    func stream(path: String, query: String) -> (any MarketStream)? { nil }
}

/// A listener for an exchange whose protocol is not simulated yet: every request gets a JSON 404 saying so.
struct NotSimulatedDialect: VenueDialect {
    let exchangeName: String

    func respond(to request: SimulatorRequest, engine: SimulatorEngine) -> SimulatorResponse {
        .json(
            404,
            .object([
                ("code", .int(404)), ("msg", .string("sentinel simulator: \(exchangeName) is not simulated yet")),
            ]))
    }

    func faultPath(of request: SimulatorRequest) -> String { request.path }

    func injectedFailure(_ kind: FaultKind, request: SimulatorRequest, engine: SimulatorEngine) -> SimulatorResponse {
        let status = kind == .rateLimit ? 429 : 503
        return .json(status, .object([("code", .int(status)), ("msg", .string("injected \(kind.rawValue)"))]))
    }
}
