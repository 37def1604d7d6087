import SentinelCore
import SentinelNet
import SentinelSimulator
import Testing

@testable import SentinelExchanges

/// End to end: a client from `ExchangeRegistry` reads back a withdrawal made on the in-process simulator, on each
/// exchange's spot venue; its futures venue reads none (the history is the account's, read once).
@Suite struct WithdrawalHistoryClientTests {
    static let venues = ContractVenue.all.filter { [.bybit, .okx, .kucoin, .bitget].contains($0.exchange) }

    @Test(arguments: venues)
    func clientReadsTheWithdrawal(_ contract: ContractVenue) async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        let key = try await simulator.createKey(
            SimulatedKeyRequest(exchange: contract.keyExchange, permissions: ["read", "trade", "futures"]))
        let environment = Environment(.live, customEndpoint: simulator.url(for: contract.listener))
        let venue = try Venue(contract.exchange, contract.product, environment)
        let client = try ExchangeRegistry.client(
            for: venue,
            credentials: Credentials(
                apiKey: key.apiKey, secret: SecretText(key.secret), passphrase: key.passphrase.map(SecretText.init)),
            configuration: ClientConfiguration(readRetry: RetryPolicy(maxAttempts: 1)))
        do {
            let before = SystemClock.nowMs()
            let id = try await simulator.withdraw(
                key.apiKey, SimulatedWithdrawal(coin: "USDT", amount: "12.34", address: "0xAbC123"))
            if contract.product == .spot {
                let withdrawals = try await client.withdrawals(sinceMs: before - 86_400_000)
                let withdrawal = try #require(withdrawals.first, "\(contract)")
                #expect(withdrawals.count == 1)
                #expect(withdrawal.id == id && withdrawal.asset == "USDT" && withdrawal.address == "0xAbC123")
                #expect(withdrawal.amount == (try Amount("12.34")), "\(contract)")
                #expect(withdrawal.fee == (try Amount("1")), "\(contract)")
                #expect(abs(withdrawal.time - before) < 60_000 && withdrawal.transactionID?.hasPrefix("0x") == true)
                #expect(["success", "SUCCESS"].contains(withdrawal.status))
                #expect(try await client.withdrawals(sinceMs: SystemClock.nowMs() + 1_000).isEmpty)
            } else {
                await #expect(throws: SentinelError.self) { try await client.withdrawals(sinceMs: before) }
            }
        } catch {
            await client.shutdown()
            await simulator.shutdown()
            throw error
        }
        await client.shutdown()
        await simulator.shutdown()
    }
}
