import Testing
@testable import SentinelSimulator

/// What the withdrawal-history tests start from: 100.5 USDT withdrawn, then a second later `second`.
struct TwoWithdrawals {
    let first: String
    /// When the first was made (the simulator's manual clock).
    let made: Int64
    let second: String
}

extension RunningSimulator {
    func twoWithdrawals(_ apiKey: String, then second: SimulatedWithdrawal) async throws -> TwoWithdrawals {
        let clock = try #require(configuration.clock)
        let first = try await withdraw(apiKey, SimulatedWithdrawal(coin: "USDT", amount: "100.5", address: "0xAbC123"))
        let made = clock.milliseconds
        clock.advance(milliseconds: 1_000)
        return TwoWithdrawals(first: first, made: made, second: try await withdraw(apiKey, second))
    }
}
