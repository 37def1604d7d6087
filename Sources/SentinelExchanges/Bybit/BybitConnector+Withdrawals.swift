import SentinelCore
import SentinelNet

extension BybitConnector {
    /// Bybit's longest query span for withdrawal records (docs `v5/asset/withdraw/withdraw-record`).
    static let withdrawalWindowMs: Int64 = 30 * 86_400_000

    /// `/v5/asset/withdraw/query-record`, on chain and off chain (`withdrawType=2`). The records are the account's,
    /// not a product's, so only the spot venue reads them; the demo host does not serve them.
    ///
    /// Bybit refuses a span longer than 30 days, so an older `sinceMs` is clamped to the last 30 days rather than
    /// paged: one request, the newest 50 (Bybit's largest page). The window ends a minute ahead of the host's clock
    /// so that a clock running behind Bybit's loses nothing.
    public func withdrawals(sinceMs: Int64) -> VenueCall<[Withdrawal]>? {
        guard venue.product == .spot, venue.environment.kind != .demo else { return nil }
        let endpoint = BybitEndpoint.withdrawals
        let end = now() + 60_000
        let start = min(max(sinceMs, end - Self.withdrawalWindowMs), end)
        let parameters = [
            ("withdrawType", "2"), ("startTime", String(start)), ("endTime", String(end)), ("limit", "50"),
        ]
        return VenueCall(endpoint, .pairs(parameters)) { body, _ throws(SentinelError) in
            try Self.result(BybitWire.WithdrawalPage.self, body, endpoint).rows.map(Self.withdrawal)
        }
    }

    static func withdrawal(_ row: BybitWire.WithdrawalRow) throws(SentinelError) -> Withdrawal {
        guard let amount = BybitWire.decimal(row.amount) else { throw unreadable("amount", row.amount) }
        let fee = BybitWire.decimal(row.withdrawFee)
        if fee == nil, let text = row.withdrawFee, !text.isEmpty { throw unreadable("withdrawFee", text) }
        return Withdrawal(
            id: row.withdrawId, asset: row.coin, amount: Amount(amount), fee: fee.map(Amount.init),
            address: row.toAddress, network: row.chain.flatMap { $0.isEmpty ? nil : $0 }, status: row.status,
            time: row.createTime.value, transactionID: row.txID.flatMap { $0.isEmpty ? nil : $0 })
    }

    static func unreadable(_ field: String, _ text: String) -> SentinelError {
        SentinelError(
            .badResponse,
            Diagnosis(
                cause: "Bybit sent a withdrawal \(field) Sentinel cannot read as an exact decimal.",
                evidence: [.init(field, String(text.prefix(40)))],
                fix: ["Check the withdrawal history on Bybit's website."]))
    }
}
