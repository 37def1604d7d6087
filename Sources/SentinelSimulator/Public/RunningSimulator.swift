import SentinelCore

/// A running simulator: every venue's listener and the admin API, over one engine.
///
/// ```swift
/// let simulator = try await RunningSimulator.start(SimulatorConfiguration())   // ephemeral ports
/// let key = try await simulator.createKey(SimulatedKeyRequest(exchange: "binance"))
/// // point a client at simulator.url(for: .binance) ...
/// await simulator.shutdown()
/// ```
public final class RunningSimulator: Sendable {
    public let configuration: SimulatorConfiguration
    let engine: SimulatorEngine
    private let listeners: [Listener]
    private let ports: [SimulatorVenue: Int]
    private let adminPort: Int

    private init(
        configuration: SimulatorConfiguration, engine: SimulatorEngine, listeners: [Listener],
        ports: [SimulatorVenue: Int], adminPort: Int
    ) {
        self.configuration = configuration
        self.engine = engine
        self.listeners = listeners
        self.ports = ports
        self.adminPort = adminPort
    }

    /// Starts every listener; returns when all accept connections. Throws `SimulatorError` for a non-loopback host
    /// or a port that cannot be bound (naming it).
    public static func start(_ configuration: SimulatorConfiguration) async throws -> RunningSimulator {
        guard SimulatorConfiguration.isLoopback(configuration.host) else {
            throw SimulatorError.notLoopback(host: configuration.host)
        }
        if let base = configuration.portBase, base < 1 || base + SimulatorVenue.adminPortOffset > 65_535 {
            throw SimulatorError.cannotListen(
                port: base, listener: "all", reason: "the port base must be between 1 and \(65_535 - SimulatorVenue.adminPortOffset)")
        }
        guard configuration.maximumConnectionsPerListener >= 1,
            (1...3_600_000).contains(configuration.idleTimeoutMilliseconds),
            (1...3_600_000).contains(configuration.bodyTimeoutMilliseconds)
        else {
            throw SimulatorError.cannotListen(
                port: configuration.portBase ?? 0, listener: "all",
                reason: "connection limits must be positive and timeouts between 1 ms and 1 hour")
        }
        let listenerCount = SimulatorVenue.allCases.count + 1
        let limits = ConnectionLimits(
            maximumConnections: ConnectionLimits.perListener(
                requested: configuration.maximumConnectionsPerListener, listeners: listenerCount,
                descriptorLimit: DescriptorLimit.raiseToHardLimit()),
            idleTimeoutMilliseconds: configuration.idleTimeoutMilliseconds,
            bodyTimeoutMilliseconds: configuration.bodyTimeoutMilliseconds)
        let engine = SimulatorEngine(
            seed: configuration.seed, origin: configuration.clock?.milliseconds ?? SimulatorClock.hostMilliseconds())
        engine.withState {
            $0.enforcesRateLimits = configuration.enforcesRateLimits
            $0.clock.manual = configuration.clock
        }
        var listeners: [Listener] = []
        var ports: [SimulatorVenue: Int] = [:]
        func port(_ offset: Int) -> Int { configuration.portBase.map { $0 + offset } ?? 0 }
        do {
            for venue in SimulatorVenue.allCases {
                let listener = try await Listener.start(
                    name: venue.rawValue, host: configuration.host, port: port(venue.portOffset),
                    responder: VenueResponder(
                        listener: venue.rawValue, dialect: venue.dialect, engine: engine, appliesFaults: true,
                        bodyTimeoutMilliseconds: limits.bodyTimeoutMilliseconds),
                    limits: limits)
                listeners.append(listener)
                ports[venue] = listener.port
            }
            let admin = try await Listener.start(
                name: "admin", host: configuration.host, port: port(SimulatorVenue.adminPortOffset),
                responder: VenueResponder(
                    listener: "admin", dialect: AdminDialect(), engine: engine, appliesFaults: false,
                    bodyTimeoutMilliseconds: limits.bodyTimeoutMilliseconds),
                limits: limits)
            listeners.append(admin)
            return RunningSimulator(
                configuration: configuration, engine: engine, listeners: listeners, ports: ports, adminPort: admin.port)
        } catch {
            engine.markStopping()
            for listener in listeners { await listener.stop() }
            throw error
        }
    }

    public var adminURL: String { baseURL(port: adminPort) }

    public func url(for venue: SimulatorVenue) -> String { baseURL(port: ports[venue] ?? 0) }

    /// The one JSON line `sentinel sim` prints when every listener is up (design.md §2).
    public var readyLine: String {
        let venues = SimulatorVenue.allCases.map { "\"\($0.rawValue)\": \"\(url(for: $0))\"" }.joined(separator: ", ")
        return "{\"ready\": true, \"admin\": \"\(adminURL)\", \"venues\": {\(venues)}}"
    }

    /// Same semantics as `POST /keys`: validates the request, issues the key and funds its account.
    public func createKey(_ request: SimulatedKeyRequest) async throws -> SimulatedKey {
        try engine.createKey(request)
    }

    /// The simulator's clock runs `milliseconds` ahead of the host's (negative: behind), clamped to ±1 day
    /// (`POST /clock` refuses larger values with a 400).
    public func setClockSkew(milliseconds: Int64) async {
        engine.setClockSkew(milliseconds: milliseconds)
    }

    /// Adds a fault. An invalid fault (unknown kind or exchange, bad count) is ignored; use `POST /faults` or
    /// `validateFault` to see why.
    public func addFault(_ fault: SimulatedFault) async {
        try? engine.addFault(fault)
    }

    /// Checks a fault as `POST /faults` would, without adding it.
    public static func validateFault(_ fault: SimulatedFault) throws {
        _ = try SimulatorEngine.rule(from: fault)
    }

    /// Same semantics as `PATCH /keys/{apiKey}`: a change made on the exchange's API management page.
    public func changeKey(_ apiKey: String, _ change: SimulatedKeyChange) async throws {
        try engine.changeKey(apiKey, change)
    }

    /// Same semantics as `POST /keys/{apiKey}/orders`: another client's resting limit order on the key's account.
    /// Returns the order's client id.
    @discardableResult
    public func placeOtherOrder(_ apiKey: String, _ order: SimulatedOtherOrder) async throws -> String {
        try engine.placeOtherOrder(apiKey, order).clientOrderID
    }

    /// Same semantics as `POST /keys/{apiKey}/withdrawals`; returns the withdrawal's id.
    @discardableResult
    public func withdraw(_ apiKey: String, _ withdrawal: SimulatedWithdrawal) async throws -> String {
        try engine.withdraw(apiKey, withdrawal)
    }

    public func clearFaults() async {
        engine.clearFaults()
    }

    /// Moves a market and holds it at `price` (`symbol`: `BTC/USDT`, `BTC/USDT:USDT` or native `BTCUSDT`).
    public func setPrice(exchange: String, symbol: String, price: String) async throws {
        try engine.setPrice(exchange: exchange, symbol: symbol, price: price)
    }

    public func shutdown() async {
        engine.markStopping()
        for listener in listeners { listener.task.cancel() }
        for listener in listeners { await listener.stop() }
    }

    private func baseURL(port: Int) -> String {
        let host = configuration.host.contains(":") && !configuration.host.hasPrefix("[") ? "[\(configuration.host)]" : configuration.host
        return "http://\(host):\(port)"
    }
}
