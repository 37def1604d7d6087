import Foundation
@testable import SentinelSimulator

/// Starts a simulator on ephemeral ports for one test and shuts it down afterwards.
func withSimulator<Result>(
    seed: UInt64 = 42, enforcesRateLimits: Bool = true, _ body: (RunningSimulator) async throws -> Result
) async throws -> Result {
    let simulator = try await RunningSimulator.start(
        SimulatorConfiguration(seed: seed, enforcesRateLimits: enforcesRateLimits))
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
    /// A Binance client with a fresh HMAC key made through the Swift API.
    func binanceClient(
        venue: SimulatorVenue = .binance, environmentPrefix: String = "", _ request: SimulatedKeyRequest
    ) async throws -> BinanceTestClient {
        let key = try await createKey(request)
        return BinanceTestClient(
            baseURL: url(for: venue) + environmentPrefix, apiKey: key.apiKey, signer: .hmac(secret: key.secret))
    }

    func spotClient(permissions: [String] = ["read", "trade"]) async throws -> BinanceTestClient {
        try await binanceClient(SimulatedKeyRequest(exchange: "binance", permissions: permissions))
    }

    func futuresClient(permissions: [String] = ["read", "trade", "futures"]) async throws -> BinanceTestClient {
        try await binanceClient(venue: .binanceUSDM, SimulatedKeyRequest(exchange: "binance", permissions: permissions))
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
