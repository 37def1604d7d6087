import SentinelCore
import SentinelNet
import SentinelSimulator
import Testing

@testable import SentinelExchanges

/// The Bitget client against the simulator's Bitget dialect, beyond the shared contract: RSA keys, demo by the
/// paptrading header, the key audit, and the classic refusals as typed errors.
@Suite(.serialized, .timeLimit(.minutes(5))) struct BitgetSimulatorTests {
    static func client(
        _ simulator: RunningSimulator, _ key: SimulatedKey, product: Product = .spot, environment: EnvironmentKind = .live,
        secret: String? = nil, passphrase: String? = nil, keyType: KeyType = .hmac
    ) throws -> any ExchangeClient {
        let venue = try Venue(.bitget, product, Environment(environment, customEndpoint: simulator.url(for: .bitget)))
        return try ExchangeRegistry.client(
            for: venue,
            credentials: Credentials(
                apiKey: key.apiKey, secret: SecretText(secret ?? key.secret),
                passphrase: SecretText(passphrase ?? key.passphrase ?? ""), keyType: keyType),
            configuration: ClientConfiguration(requestTimeoutMs: 10_000))
    }

    @Test func rsaKeysAndDemoKeysWork() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        let rsaKey = try await simulator.createKey(
            SimulatedKeyRequest(
                exchange: "bitget", permissions: ["read", "trade"], keyType: "rsa",
                publicKey: TestKeys.rsa.publicKey.pemRepresentation))
        let rsa = try Self.client(simulator, rsaKey, secret: TestKeys.rsa.pemRepresentation, keyType: .rsa)
        #expect(try await rsa.balances().contains { $0.asset == "USDT" })
        await rsa.shutdown()

        let demoKey = try await simulator.createKey(
            SimulatedKeyRequest(exchange: "bitget", permissions: ["read", "trade", "futures"], environment: "demo"))
        let demo = try Self.client(simulator, demoKey, product: .linear, environment: .demo)
        #expect(try await demo.balances().contains { $0.asset == "USDT" && $0.free.isPositive })
        #expect(try await demo.markets().contains { $0.symbol.description == "BTC/USDT:USDT" })
        await demo.shutdown()
        // The same demo key on live: 40099, named as a demo key.
        let onLive = try Self.client(simulator, demoKey, product: .linear)
        do {
            _ = try await onLive.balances()
            Issue.record("a demo key was accepted on live")
        } catch {
            #expect(error.kind == .authentication && error.exchangeCode == "40099")
            #expect(error.diagnosis.cause.contains("demo key"))
        }
        await onLive.shutdown()
        await simulator.shutdown()
    }

    @Test func keyAuditAndClassicRefusals() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        let key = try await simulator.createKey(
            SimulatedKeyRequest(
                exchange: "bitget", permissions: ["read", "trade", "withdraw", "transfer"], ipWhitelist: ["127.0.0.1"]))
        let client = try Self.client(simulator, key)
        let permissions = try await client.permissions()
        #expect(permissions.withdraw && permissions.transfer && permissions.spotTrade && !permissions.futuresTrade)
        #expect(permissions.ipWhitelist == ["127.0.0.1"] && permissions.reported.contains("wwow"))
        await client.shutdown()
        let cases: [(String, any ExchangeClient)] = [
            ("40012", try Self.client(simulator, key, passphrase: "Wrongpass1")),
            ("40009", try Self.client(simulator, key, secret: String(repeating: "0", count: 64))),
        ]
        for (code, other) in cases {
            do {
                _ = try await other.balances()
                Issue.record("\(code) was not refused")
            } catch {
                #expect(error.kind == .authentication && error.exchangeCode == code, "\(error)")
            }
            await other.shutdown()
        }
        // A futures order under a key without futures trading: 40014, a permission error with its fix.
        let linear = try Self.client(simulator, key, product: .linear)
        let market = try #require(try await linear.markets().first { $0.symbol.description == "BTC/USDT:USDT" })
        let order = OrderRequest(
            symbol: market.symbol, side: .buy, type: .limit, quantity: try Quantity("0.001"), price: try Price("60000"))
        do {
            _ = try await linear.placeOrder(order)
            Issue.record("a spot-only key placed a futures order")
        } catch {
            #expect(error.kind == .permissionDenied && error.exchangeCode == "40014")
            #expect(error.diagnosis.fix.joined().contains("Futures"))
        }
        await linear.shutdown()
        await simulator.shutdown()
    }
}
