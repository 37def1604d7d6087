import SentinelCore

/// A withdrawal from an account, as the exchange's withdrawal history lists it.
struct WithdrawalRecord: Sendable, Equatable {
    /// 32 lowercase hex characters.
    let id: String
    let coin: String
    let amount: ExactDecimal
    let fee: ExactDecimal
    let address: String
    let network: String
    let transactionID: String
    let createdAt: Int64

    /// What each coin's network charges here, debited on top of the amount.
    static func fee(of coin: String) -> ExactDecimal {
        switch coin {
        case "BTC": .literal("0.0002")
        case "ETH": .literal("0.002")
        default: 1
        }
    }

    static func network(of coin: String) -> String {
        switch coin {
        case "BTC": "BTC"
        case "ETH": "ETH"
        default: "ETH"
        }
    }
}
