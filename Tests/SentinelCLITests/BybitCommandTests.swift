import Foundation
@testable import SentinelSimulator
import Testing

/// `markets`, `balance`, `positions` and `order …` with `--exchange bybit`, against the simulator's Bybit dialect.
@Suite(.serialized) struct BybitCommandTests {
    struct Setup {
        let simulator: RunningSimulator
        let sandbox: VaultSandbox
        let spot: [String]
        let linear: [String]
    }

    static func setup() async throws -> Setup {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        let key = try await simulator.createKey(
            SimulatedKeyRequest(exchange: "bybit", permissions: ["read", "trade", "futures"], ipWhitelist: ["127.0.0.1"]))
        let sandbox = try VaultSandbox()
        let keyFile = try sandbox.folder.keyFile(key)
        let common = ["--exchange", "bybit", "--credentials", keyFile, "--endpoint", simulator.url(for: .bybit)]
        return Setup(simulator: simulator, sandbox: sandbox, spot: common, linear: common + ["--product", "linear"])
    }

    @Test func marketsBalanceAndTheOrderLifecycle() async throws {
        let s = try await Self.setup()
        defer { Task { await s.simulator.shutdown() } }
        try await CLIOrderChecks.marketsAndBalance(s.sandbox, s.spot, native: "BTCUSDT")

        try await CLIOrderChecks.restingOrderLifecycle(
            s.sandbox, s.spot, placeSymbol: "BTCUSDT", showSymbol: "BTC/USDT", cancelSymbol: "BTC/USDT", quantity: "0.001",
            price: "60000", clientID: "sn-bybit-1")
    }

    @Test func aTimeoutAfterAcceptanceEndsWithExactlyOneOrder() async throws {
        let s = try await Self.setup()
        defer { Task { await s.simulator.shutdown() } }
        try await CLIOrderChecks.lostAnswerEndsWithOneOrder(
            s.sandbox, s.simulator, s.linear, listener: "bybit", path: "/v5/order/create", symbol: "BTC/USDT:USDT",
            quantity: "0.002", clientID: "sn-bybit-timeout")
    }

    @Test func linearPositionsFromTheCommandLine() async throws {
        let s = try await Self.setup()
        defer { Task { await s.simulator.shutdown() } }
        let open = try await s.sandbox.sentinel(
            ["order", "place", "--symbol", "BTC/USDT:USDT", "--side", "buy", "--type", "market", "--quantity", "0.005"]
                + s.linear)
        #expect(open.status == 0, "\(open.stderr)")
        let positions = try await s.sandbox.sentinel(["positions"] + s.linear)
        #expect(positions.stdout.contains("BTC/USDT:USDT") && positions.stdout.contains("long"), "\(positions.stdout)")
        let close = try await s.sandbox.sentinel(
            ["order", "place", "--symbol", "BTC/USDT:USDT", "--side", "sell", "--type", "market", "--quantity", "0.005",
             "--reduce-only"] + s.linear)
        #expect(close.status == 0, "\(close.stderr)")
        #expect(try await s.sandbox.sentinel(["positions"] + s.linear).stdout.contains("No open positions (linear)."))
    }
}
