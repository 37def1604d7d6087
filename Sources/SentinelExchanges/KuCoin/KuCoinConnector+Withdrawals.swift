import SentinelCore
import SentinelNet

extension KuCoinConnector {
    /// `/api/v1/withdrawals`, served by the spot host only: the futures host has no withdrawal history. All
    /// currencies (the legacy docs and ccxt leave `currency` out), from `startAt`; KuCoin documents no span limit.
    /// One request, the newest 500 (KuCoin's largest page).
    public func withdrawals(sinceMs: Int64) -> VenueCall<[Withdrawal]>? {
        guard !isFutures else { return nil }
        let endpoint = KuCoinEndpoint.withdrawals
        let parameters = [("startAt", String(sinceMs)), ("currentPage", "1"), ("pageSize", "500")]
        return VenueCall(endpoint, .pairs(parameters)) { body, _ throws(SentinelError) in
            try Self.data(KuCoinWire.WithdrawalPage.self, body, endpoint).items.map { row throws(SentinelError) in
                guard let amount = row.amount.value else {
                    throw SentinelError(
                        .badResponse,
                        Diagnosis(
                            cause: "KuCoin sent withdrawal \(row.id.prefix(40)) without an amount.",
                            fix: ["Check the withdrawal history on KuCoin's website."]))
                }
                return Withdrawal(
                    id: row.id, asset: row.currency, amount: Amount(amount), fee: row.fee?.value.map(Amount.init),
                    address: row.address, network: row.chain.flatMap { $0.isEmpty ? nil : $0 }, status: row.status,
                    time: row.createdAt.value, transactionID: row.walletTxId.flatMap { $0.isEmpty ? nil : $0 })
            }
        }
    }
}
