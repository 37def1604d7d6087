import SentinelCore

/// `GET /api/v1/withdrawals` on the spot host (universal SDK spec `openapi-account-withdrawal.json`, "Get Withdrawal
/// History"): the account's withdrawals, newest first, by `currency`, `status` and `startAt`/`endAt` (ms), paged by
/// `currentPage` and `pageSize` 10…500 (default 50). `General` permission, Management pool, weight 20. The spec marks
/// `currency` required, but the legacy docs and ccxt's `fetchWithdrawals` leave it out; both are accepted here. No
/// span limit is documented.
extension KuCoinDialect {
    static func withdrawalEndpoints() -> [KuCoinEndpoint] {
        [KuCoinEndpoint("GET", "/api/v1/withdrawals", .general, .management, weight: 20, handler: withdrawalHistory)]
    }

    static let withdrawalStatuses: Set<String> = ["PROCESSING", "REVIEW", "WALLET_PROCESSING", "SUCCESS", "FAILURE"]

    static func withdrawalHistory(_ call: inout KuCoinCall, _ state: inout EngineState) throws(KuCoinError)
        -> JSONValue
    {
        let query = call.query
        let status = query["status"].flatMap { $0.isEmpty ? nil : $0 }
        if let status, !withdrawalStatuses.contains(status) { throw .parameter("status invalid") }
        let start = try milliseconds(query, "startAt")
        let end = try milliseconds(query, "endAt")
        var pageSize = 50
        if let text = query["pageSize"] {
            guard let value = Int(text), (10...500).contains(value) else { throw .parameter("pageSize invalid") }
            pageSize = value
        }
        var page = 1
        if let text = query["currentPage"] {
            guard let value = Int(text), value >= 1 else { throw .parameter("currentPage invalid") }
            page = value
        }
        guard let account = state.accounts[call.accountID] else { throw .keyNotExists }
        let currency = query["currency"].flatMap { $0.isEmpty ? nil : $0 }
        let records = account.withdrawals.reversed().filter { record in
            start.map { record.createdAt >= $0 } ?? true && end.map { record.createdAt <= $0 } ?? true
                && currency.map { $0 == record.coin } ?? true && status.map { $0 == "SUCCESS" } ?? true
        }
        return .object([
            ("currentPage", .int(page)), ("pageSize", .int(pageSize)), ("totalNum", .int(records.count)),
            ("totalPage", .int((records.count + pageSize - 1) / pageSize)),
            ("items", .array(records.dropFirst((page - 1) * pageSize).prefix(pageSize).map(item))),
        ])
    }

    /// On chain and complete; amounts with KuCoin's eight decimals, times as JSON numbers (ms).
    static func item(_ record: WithdrawalRecord) -> JSONValue {
        .object([
            ("id", .string(record.id)), ("currency", .string(record.coin)),
            ("chain", .string(record.network.lowercased())), ("status", .string("SUCCESS")),
            ("address", .string(record.address)), ("memo", .string("")), ("isInner", .bool(false)),
            ("amount", .string(record.amount.fixed(8))), ("fee", .string(record.fee.fixed(8))),
            ("walletTxId", .string(record.transactionID)), ("createdAt", .int(record.createdAt)),
            ("updatedAt", .int(record.createdAt + 60_000)), ("remark", .string("")), ("arrears", .bool(false)),
        ])
    }

    static func milliseconds(_ query: FormParameters, _ name: String) throws(KuCoinError) -> Int64? {
        guard let text = query[name], !text.isEmpty else { return nil }
        guard text.utf8.count <= 13, text.utf8.allSatisfy({ (48...57).contains($0) }), let value = Int64(text) else {
            throw .parameter("\(name) invalid")
        }
        return value
    }
}
