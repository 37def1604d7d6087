import SentinelCore
import Synchronization

/// The shared engine behind every listener: one `EngineState` behind a lock. Dialects do a whole request's work in
/// one `withState` call, so each request sees and leaves a consistent exchange.
final class SimulatorEngine: Sendable {
    private let state: Mutex<EngineState>
    private let stopping = Atomic<Bool>(false)
    private let armedFaults: ArmedFaults

    init(seed: UInt64, origin: Int64 = SimulatorClock.hostMilliseconds()) {
        let initial = EngineState(seed: seed, origin: origin)
        armedFaults = initial.faults.armed
        state = Mutex(initial)
    }

    func withState<Result: Sendable, Failure: Error>(
        _ body: (inout EngineState) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try state.withLock { (value: inout EngineState) throws(Failure) -> Result in try body(&value) }
    }

    /// Set when the simulator shuts down, so that held responses let go at once.
    var isStopping: Bool { stopping.load(ordering: .relaxed) }

    /// Runs a dialect's signature check outside the lock, against a snapshot of the keys and the simulator's time: it
    /// is a request's costliest step and needs nothing else from the state. The dialect replays the verdict inside the
    /// request's transaction, at the exchange's place in its order of checks.
    func authenticate<Failure: Error>(
        _ check: (_ keys: KeyRegistry, _ now: Int64) throws(Failure) -> SimulatedAPIKey
    ) -> Result<SimulatedAPIKey, Failure> {
        let (keys, now) = withState { state in (state.keys, state.now) }
        return Result { () throws(Failure) in try check(keys, now) }
    }

    /// The fault for one HTTP request, consuming a count or drawing a probability; nil at once when none is armed.
    func selectFault(listener: String, exchange: String, path: @autoclosure () -> String) -> FaultRule? {
        guard !armedFaults.none else { return nil }
        return withState { $0.faults.select(listener: listener, exchange: exchange, path: path(), streams: false) }
    }

    func markStopping() {
        stopping.store(true, ordering: .relaxed)
    }

    // MARK: Admin operations

    func createKey(_ request: SimulatedKeyRequest) throws(SimulatorError) -> SimulatedKey {
        let specification: KeySpecification
        do {
            specification = try KeySpecification(
                exchange: request.exchange, permissions: request.permissions, ipWhitelist: request.ipWhitelist,
                expiresAt: request.expiresAt, environment: request.environment, keyType: request.keyType,
                publicKey: request.publicKey)
        } catch {
            throw .invalidRequest(error.message)
        }
        return withState { $0.createKey(specification, now: $0.now) }
    }

    /// Sets the clock skew; outside ±1 day it is clamped (`checkClockSkew` says why a request is refused).
    func setClockSkew(milliseconds: Int64) {
        withState { $0.clock.setSkew(milliseconds: milliseconds) }
    }

    /// Throws, naming the field, when `milliseconds` is outside ±1 day.
    static func checkClockSkew(_ milliseconds: Int64) throws(SimulatorError) {
        guard SimulatorClock.skewRange.contains(milliseconds) else {
            throw .invalidRequest(
                "skewMs must be between \(SimulatorClock.skewRange.lowerBound) and \(SimulatorClock.skewRange.upperBound) "
                    + "(±1 day in milliseconds)")
        }
    }

    func addFault(_ fault: SimulatedFault) throws(SimulatorError) {
        let rule = try Self.rule(from: fault)
        withState { $0.faults.add(rule) }
    }

    func clearFaults() {
        withState { $0.faults.clear() }
    }

    /// Moves a market. `symbol` is unified (`BTC/USDT`, `BTC/USDT:USDT`) or native (`BTCUSDT`, which moves the
    /// spot market and the perpetual of that name together).
    func setPrice(exchange: String, symbol: String, price: String) throws(SimulatorError) {
        guard let exchangeID = ExchangeID(rawValue: exchange) else {
            throw .invalidRequest(
                "unknown exchange \"\(exchange.prefix(40))\"; use one of "
                    + ExchangeID.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard price.utf8.count <= 40, let value = Price(exactly: price), value.isPositive else {
            throw .invalidRequest("price must be a positive decimal string such as \"65000.5\"")
        }
        try withState { state throws(SimulatorError) in
            let keys = state.markets.keys.filter { key in
                guard key.exchange == exchangeID, let rules = state.markets[key]?.rules else { return false }
                return rules.unifiedSymbol == symbol || rules.symbol == symbol.uppercased()
            }
            guard !keys.isEmpty else {
                let known = state.markets.keys.filter { $0.exchange == exchangeID }
                    .compactMap { state.markets[$0]?.rules.unifiedSymbol }.sorted()
                throw .invalidRequest(
                    "\(exchangeID.rawValue) has no market \"\(symbol.prefix(40))\"; markets: "
                        + known.joined(separator: ", "))
            }
            // Every market must take the price before any moves: the filters bound what the engine multiplies.
            for key in keys {
                guard let rules = state.markets[key]?.rules else { continue }
                guard value >= rules.minPrice, value <= rules.maxPrice else {
                    throw .invalidRequest(
                        "price must be between \(rules.minPrice) and \(rules.maxPrice) on \(rules.unifiedSymbol) "
                            + "(the market's price filter)")
                }
            }
            for key in keys {
                guard let rules = state.markets[key]?.rules else { continue }
                guard let onTick = try? value.rounded(toMultipleOf: rules.tickSize, .halfEven), onTick.isPositive else {
                    throw .invalidRequest("price \(price) cannot be placed on \(rules.unifiedSymbol)'s tick")
                }
                try? state.setPrice(key, price: onTick, now: state.now)
            }
        }
    }

    static func rule(from fault: SimulatedFault) throws(SimulatorError) -> FaultRule {
        guard let kind = FaultKind(rawValue: fault.kind) else {
            throw .invalidRequest(
                "unknown fault kind \"\(fault.kind.prefix(40))\"; use one of "
                    + FaultKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let scopes = Set(ExchangeID.allCases.map(\.rawValue) + SimulatorVenue.allCases.map(\.rawValue))
        guard scopes.contains(fault.exchange) else {
            throw .invalidRequest(
                "unknown exchange \"\(fault.exchange.prefix(40))\"; use an exchange or listener name: "
                    + scopes.sorted().joined(separator: ", "))
        }
        if let path = fault.path, !path.hasPrefix("/") {
            throw .invalidRequest("path must start with /, e.g. /api/v3/order")
        }
        if fault.count != nil, fault.probability != nil {
            throw .invalidRequest("give count or probability, not both")
        }
        if let count = fault.count, count < 1 || count > 1_000_000_000 {
            throw .invalidRequest("count must be between 1 and 1000000000")
        }
        if let probability = fault.probability, !(probability > 0 && probability <= 1) {
            throw .invalidRequest("probability must be in (0, 1]")
        }
        if let latency = fault.latencyMs, latency < 0 || latency > 600_000 {
            throw .invalidRequest("latencyMs must be between 0 and 600000")
        }
        if kind == .latency, fault.latencyMs == nil {
            throw .invalidRequest("a latency fault needs latencyMs")
        }
        return FaultRule(
            scope: fault.exchange, kind: kind, path: fault.path, remaining: fault.count,
            probability: fault.probability, latencyMilliseconds: fault.latencyMs)
    }
}
