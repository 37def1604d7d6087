import SentinelCore
import SentinelNet

extension OKXConnector {
    /// `/api/v5/asset/withdrawal-history`: the funding account's withdrawals, the same for every product, so only the
    /// spot venue reads them. Demo trading has none (50038, okx.md §1). OKX sets no span limit; `before` (newer than,
    /// exclusive) bounds the start and one request brings the newest 100, OKX's largest page.
    public func withdrawals(sinceMs: Int64) -> VenueCall<[Withdrawal]>? {
        guard venue.product == .spot, venue.environment.kind == .live else { return nil }
        let endpoint = OKXEndpoint.withdrawals
        return VenueCall(endpoint, .pairs([("before", String(sinceMs - 1)), ("limit", "100")])) {
            body, _ throws(SentinelError) in
            try Self.data(OKXWire.WithdrawalRow.self, body, endpoint).map { row throws(SentinelError) in
                guard let amount = row.amt.value else {
                    throw SentinelError(
                        .badResponse,
                        Diagnosis(
                            cause: "OKX sent withdrawal \(row.wdId.prefix(40)) without an amount.",
                            fix: ["Check the withdrawal history on OKX's website."]))
                }
                return Withdrawal(
                    id: row.wdId, asset: row.ccy, amount: Amount(amount), fee: row.fee?.value.map(Amount.init),
                    address: row.to, network: row.chain.flatMap { $0.isEmpty ? nil : $0 },
                    status: Self.withdrawalState(row.state), time: row.ts.value,
                    transactionID: row.txId.flatMap { $0.isEmpty ? nil : $0 })
            }
        }
    }

    /// OKX's `state` codes in the docs' words (funding account, Get withdrawal history).
    static func withdrawalState(_ code: String) -> String {
        switch code {
        case "-3": "canceling"
        case "-2": "canceled"
        case "-1": "failed"
        case "0": "waiting withdrawal"
        case "1": "broadcasting"
        case "2": "success"
        case "4", "5", "6", "8", "9", "12": "waiting manual review"
        case "7": "approved"
        case "10": "waiting transfer"
        case "15": "pending transaction validation"
        case "16": "delayed by local regulations"
        case "17": "pending travel rule check"
        case "19": "insufficient balance in the hot wallet"
        default: "state \(code.prefix(8))"
        }
    }
}
