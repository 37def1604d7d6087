import SentinelCore
import SentinelNet
import SentinelSimulator
import Testing

@testable import SentinelExchanges

/// The Bybit connector against the in-process simulator: key audit, environments, refusals and positions.
@Suite(.serialized) struct BybitSimulatorTests {
    static let btcPerp = UnifiedSymbol("BTC/USDT:USDT")!

    static func client(
        _ simulator: RunningSimulator, _ request: SimulatedKeyRequest, product: Product = .linear, prefix: String = ""
    ) async throws -> BybitClient {
        let key = try await simulator.createKey(request)
        return try BybitClient(
            venue: Venue(.bybit, product, Environment(.live, customEndpoint: simulator.url(for: .bybit) + prefix)),
            credentials: Credentials(apiKey: key.apiKey, secret: SecretText(key.secret)),
            configuration: ClientConfiguration(requestTimeoutMs: 10_000, lookUpDelaysMs: [100, 200]))
    }

    @Test func permissionsFromTheKeyInfo() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        let risky = try await Self.client(
            simulator, SimulatedKeyRequest(exchange: "bybit", permissions: ["read", "trade", "withdraw", "transfer"]))
        let audit = try await risky.permissions()
        #expect(audit.spotTrade && !audit.futuresTrade && audit.withdraw && audit.transfer)
        #expect(audit.ipRestricted == false)
        let expiry = try #require(audit.expiresAt)
        let created = try #require(audit.createdAt)
        #expect(expiry - created == 90 * 86_400_000, "unbound keys lapse after 90 days")
        let readOnly = try await Self.client(
            simulator, SimulatedKeyRequest(exchange: "bybit", permissions: ["read"], ipWhitelist: ["127.0.0.1"]))
        let readAudit = try await readOnly.permissions()
        #expect(readAudit.readOnly && readAudit.ipRestricted == true && readAudit.expiresAt == nil)
        do {
            let price = try Price("50000")
            _ = try await readOnly.placeOrder(
                OrderRequest(symbol: Self.btcPerp, side: .buy, type: .limit, quantity: try Quantity("0.002"), price: price))
            Issue.record("a read-only key placed an order")
        } catch let error as SentinelError {
            #expect(error.kind == .permissionDenied && error.exchangeCode == "10005")
        }
        await risky.shutdown()
        await readOnly.shutdown()
        await simulator.shutdown()
    }

    @Test func environmentsArePathPrefixesWithTheirOwnKeys() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        let demo = try await Self.client(
            simulator, SimulatedKeyRequest(exchange: "bybit", environment: "demo"), product: .spot, prefix: "/demo")
        #expect(try await demo.balances().contains { $0.asset == "USDT" })
        let misplaced = try await Self.client(
            simulator, SimulatedKeyRequest(exchange: "bybit", environment: "demo"), product: .spot)
        do {
            _ = try await misplaced.balances()
            Issue.record("a demo key worked on mainnet")
        } catch {
            #expect(error.kind == .authentication && error.exchangeCode == "10003")
        }
        await demo.shutdown()
        await misplaced.shutdown()
        await simulator.shutdown()
    }

    @Test func aLinearPositionIsSeenWithItsSide() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        let client = try await Self.client(simulator, SimulatedKeyRequest(exchange: "bybit", permissions: ["read", "trade", "futures"]))
        #expect(try await client.positions().isEmpty)
        let sold = try await client.placeOrder(
            OrderRequest(symbol: Self.btcPerp, side: .sell, type: .market, quantity: try Quantity("0.002")))
        let found = try await client.order(symbol: Self.btcPerp, .exchangeID(sold.id))
        try #expect(found.status == .filled && found.filledQuantity == (try Quantity("0.002")))
        let position = try #require(try await client.positions().first)
        try #expect(position.symbol == Self.btcPerp && position.size == (try ExactDecimal("-0.002")))
        #expect(position.leverage == 20 && position.entryPrice.isPositive)
        await client.shutdown()
        await simulator.shutdown()
    }

    @Test func aSkewedClockIsResynchronised() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        let client = try await Self.client(simulator, SimulatedKeyRequest(exchange: "bybit"), product: .spot)
        await simulator.setClockSkew(milliseconds: 7_000)
        // 10002 makes the client measure the offset and sign again with the corrected time.
        #expect(try await client.balances().contains { $0.asset == "BTC" })
        await client.shutdown()
        await simulator.shutdown()
    }
}
