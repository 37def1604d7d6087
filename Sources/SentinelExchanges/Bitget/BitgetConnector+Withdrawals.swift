import SentinelCore
import SentinelNet

extension BitgetConnector {
    /// The longest span asked for at once: Bitget's docs give none, ccxt asks for 90 days at most.
    static let withdrawalWindowMs: Int64 = 90 * 86_400_000

    /// `/api/v2/spot/wallet/withdrawal-records`: the account's withdrawals, whatever the product, so only the spot
    /// venue reads them; demo accounts cannot (40081). `startTime` and `endTime` are required: the window ends a minute
    /// ahead of the host's clock (a clock behind Bitget's loses nothing) and an older `sinceMs` is clamped to 90 days
    /// rather than paged. One request, the newest 100 (Bitget's largest page).
    public func withdrawals(sinceMs: Int64) -> VenueCall<[Withdrawal]>? {
        guard isSpot, venue.environment.kind == .live else { return nil }
        let endpoint = BitgetEndpoint.withdrawals
        let end = now() + 60_000
        let start = min(max(sinceMs, end - Self.withdrawalWindowMs), end)
        let parameters = [("startTime", String(start)), ("endTime", String(end)), ("limit", "100")]
        return VenueCall(endpoint, .pairs(parameters)) { body, _ throws(SentinelError) in
            try Self.data([BitgetWire.WithdrawalRow].self, body, endpoint).map(Self.withdrawal)
        }
    }

    /// `size` is what left the account and `fee` is negative (docs example; ccxt reads the amount sent as `size`
    /// less the fee): the amount is `size − |fee|`.
    static func withdrawal(_ row: BitgetWire.WithdrawalRow) throws(SentinelError) -> Withdrawal {
        let fee = row.fee?.value.map { $0 < .zero ? $0.negated() : $0 }
        guard let size = row.size.value, let amount = try? size.subtracting(fee ?? .zero) else {
            throw SentinelError(
                .badResponse,
                Diagnosis(
                    cause: "Bitget sent withdrawal \(row.orderId.prefix(40)) without a readable size.",
                    fix: ["Check the withdrawal history on Bitget's website."]))
        }
        return Withdrawal(
            id: row.orderId, asset: row.coin, amount: Amount(amount), fee: fee.map(Amount.init), address: row.toAddress,
            network: row.chain.flatMap { $0.isEmpty ? nil : $0 }, status: row.status, time: row.cTime.value,
            transactionID: row.tradeId.flatMap { $0.isEmpty ? nil : $0 })
    }
}
