import SentinelCore

/// `GET /api/v2/spot/wallet/withdrawal-records` (Bitget docs `spot/account/Get-Withdraw-Record`): the account's
/// withdrawals, newest first, within `startTime`…`endTime` (both required, ms), by `coin`, `orderId` and `clientOid`,
/// older pages by `idLessThan` (an `orderId`), `limit` 1…100 (default 20). 10 requests per second per UID, read
/// permission. The docs state no span limit; ccxt asks for 90 days at most, and so does this simulator (40808).
/// Demo accounts reach spot orders only (40081, bitget.md §1).
extension BitgetDialect {
    static let withdrawalWindowMs: Int64 = 90 * 86_400_000

    static func withdrawalEndpoints() -> [BitgetEndpoint] {
        [BitgetEndpoint("GET", "/api/v2/spot/wallet/withdrawal-records", .read, limit: 10, handler: withdrawalRecords)]
    }

    static func withdrawalRecords(_ call: inout BitgetCall, _ state: inout EngineState) throws(BitgetError)
        -> JSONValue
    {
        guard call.environment != .demo else { throw .demoRestricted(call.request.path) }
        let query = call.query
        guard let start = try milliseconds(query, "startTime") else { throw .empty("startTime") }
        guard let end = try milliseconds(query, "endTime") else { throw .empty("endTime") }
        guard start <= end else { throw .parameter("startTime") }
        guard end - start <= withdrawalWindowMs else {
            throw .verification("startTime and endTime interval cannot be greater than 90 days")
        }
        let limit = try milliseconds(query, "limit") ?? 20
        guard (1...100).contains(limit) else { throw .parameter("limit") }
        guard let account = state.accounts[call.accountID] else { throw .keyDoesNotExist }
        var rows = account.withdrawals.reversed().filter { record in
            record.createdAt >= start && record.createdAt <= end && query["coin"].map { $0 == record.coin } ?? true
                && query["orderId"].map { $0 == record.id } ?? true && query["clientOid"] == nil
        }[...]
        if let cursor = query["idLessThan"] {
            rows = rows.firstIndex { $0.id == cursor }.map { rows[($0 + 1)...] } ?? []
        }
        return .array(rows.prefix(Int(limit)).map(row))
    }

    /// On chain and complete. `size` is what left the account, fee included, and `fee` is negative, as in the docs'
    /// example and ccxt's recorded answer (which reads the amount sent as `size` less the fee).
    static func row(_ record: WithdrawalRecord) -> JSONValue {
        .object([
            ("orderId", .string(record.id)), ("tradeId", .string(record.transactionID)), ("coin", .string(record.coin)),
            ("dest", .string("on_chain")), ("clientOid", .string("")), ("type", .string("withdraw")),
            ("tag", .string("")), ("size", .string((record.amount + record.fee).fixed(8))),
            ("fee", .string(record.fee.negated().fixed(8))), ("status", .string("success")),
            ("toAddress", .string(record.address)), ("fromAddress", .string("")), ("confirm", .string("12")),
            ("chain", .string(record.network == "ETH" ? "ERC20" : record.network)),
            ("cTime", .string(String(record.createdAt))), ("uTime", .string(String(record.createdAt + 60_000))),
        ])
    }

    /// A whole number of at most 13 digits (a Unix time in ms, or a count).
    static func milliseconds(_ query: FormParameters, _ name: String) throws(BitgetError) -> Int64? {
        guard let text = query[name], !text.isEmpty else { return nil }
        guard text.utf8.count <= 13, text.utf8.allSatisfy({ (48...57).contains($0) }), let value = Int64(text) else {
            throw .parameter(name)
        }
        return value
    }
}
