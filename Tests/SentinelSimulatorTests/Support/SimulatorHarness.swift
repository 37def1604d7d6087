import Foundation
import Testing
@testable import SentinelSimulator

/// Starts a simulator on ephemeral ports for one test and shuts it down afterwards. By default its clock is a manual
/// one, started at the host's time, that stands still unless the test moves it, and the test clients sign with that
/// time: what a test observes then cannot depend on how long a loaded machine takes between two requests (a signed
/// request older than recvWindow) or on a minute boundary falling inside the test (the weight counter restarting).
/// `clock: nil` runs on the host's wall clock, for the tests of that.
func withSimulator<Result>(
    seed: UInt64 = 42, enforcesRateLimits: Bool = true, clock: SimulatorManualClock? = .startingNow(),
    _ body: (RunningSimulator) async throws -> Result
) async throws -> Result {
    let simulator = try await RunningSimulator.start(
        SimulatorConfiguration(seed: seed, enforcesRateLimits: enforcesRateLimits, clock: clock))
    do {
        let result = try await body(simulator)
        await simulator.shutdown()
        return result
    } catch {
        await simulator.shutdown()
        throw error
    }
}

extension RunningSimulator {
    /// Returns once every injected fault with a count has fired (a request reached the simulator and met it).
    func waitUntilFaultsAreUsedUp() async throws {
        for _ in 0..<6_000 where !engine.withState({ $0.faults.rules.isEmpty }) {
            try await Task.sleep(for: .milliseconds(5))
        }
        try #require(engine.withState { $0.faults.rules.isEmpty }, "no request met the injected fault")
    }

    /// A Binance client with a fresh HMAC key made through the Swift API.
    func binanceClient(
        venue: SimulatorVenue = .binance, environmentPrefix: String = "", _ request: SimulatedKeyRequest
    ) async throws -> BinanceTestClient {
        let key = try await createKey(request)
        return BinanceTestClient(
            baseURL: url(for: venue) + environmentPrefix, apiKey: key.apiKey, signer: .hmac(secret: key.secret),
            clock: configuration.clock)
    }

    func spotClient(permissions: [String] = ["read", "trade"]) async throws -> BinanceTestClient {
        try await binanceClient(SimulatedKeyRequest(exchange: "binance", permissions: permissions))
    }

    func futuresClient(permissions: [String] = ["read", "trade", "futures"]) async throws -> BinanceTestClient {
        try await binanceClient(venue: .binanceUSDM, SimulatedKeyRequest(exchange: "binance", permissions: permissions))
    }
}

extension SimulatorManualClock {
    /// A manual clock that starts at the host's current time.
    static func startingNow() -> SimulatorManualClock {
        SimulatorManualClock(startingAt: BinanceTestClient.nowMilliseconds())
    }
}

/// A recorded real response from `Fixtures/`.
enum Fixture {
    static func json(_ name: String) throws -> Any {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    }

    static func keys(_ name: String) throws -> Set<String> {
        let value = try json(name)
        if let object = value as? [String: Any] { return Set(object.keys) }
        if let list = value as? [[String: Any]], let first = list.first { return Set(first.keys) }
        return []
    }
}
