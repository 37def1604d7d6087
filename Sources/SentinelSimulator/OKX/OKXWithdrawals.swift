import SentinelCore

/// `GET /api/v5/asset/withdrawal-history` (OKX docs `funding-account-rest-api-get-withdrawal-history`): the account's
/// withdrawals, newest first, by `ccy`, `wdId`, `txId`, `type` (3 internal, 4 on chain) and `state`, with `after`
/// (older than, ms) and `before` (newer than, ms) as the page cursors and `limit` 1…100 (default 100). No span limit.
/// Read permission; 6 requests per second per UID. Demo trading has no withdrawals: 50038 (okx.md §1).
extension OKXDialect {
    /// Every `state` the docs list, from `-3` (canceling) to `19` (hot wallet short).
    static let withdrawalStates: Set<String> = [
        "-3", "-2", "-1", "0", "1", "2", "4", "5", "6", "7", "8", "9", "10", "12", "15", "16", "17", "19",
    ]

    static func withdrawalEndpoints() -> [OKXEndpoint] {
        [OKXEndpoint("GET", "/api/v5/asset/withdrawal-history", .read, limit: 12, handler: withdrawalHistory)]
    }

    static func withdrawalHistory(_ call: inout OKXCall, _ state: inout EngineState) throws(OKXError) -> OKXReply {
        guard call.environment != .demo else { throw .unavailableInDemo }
        guard let account = state.accounts[call.accountID] else { throw .keyDoesNotExist }
        let query = call.query
        let after = try milliseconds(query, "after")
        let before = try milliseconds(query, "before")
        let limit = try milliseconds(query, "limit") ?? 100
        guard (1...100).contains(limit) else { throw .parameter("limit") }
        if let type = query["type"], !["3", "4"].contains(type) { throw .parameter("type") }
        if let wanted = query["state"], !withdrawalStates.contains(wanted) { throw .parameter("state") }
        let rows = account.withdrawals.reversed().filter { record in
            after.map { record.createdAt < $0 } ?? true && before.map { record.createdAt > $0 } ?? true
                && query["ccy"].map { $0 == record.coin } ?? true && query["wdId"].map { $0 == record.id } ?? true
                && query["txId"].map { $0 == record.transactionID } ?? true
                && query["type"].map { $0 == "4" } ?? true && query["state"].map { $0 == "2" } ?? true
                && query["clientId"] == nil
        }
        return OKXReply(data: rows.prefix(Int(limit)).map(row))
    }

    /// On chain and complete (`state` 2); the fee is paid in the coin withdrawn.
    static func row(_ record: WithdrawalRecord) -> JSONValue {
        .object([
            ("note", .string("")), ("chain", .string(chain(record))), ("fee", .string(record.fee.description)),
            ("feeCcy", .string(record.coin)), ("ccy", .string(record.coin)), ("clientId", .string("")),
            ("toAddrType", .string("1")), ("amt", .string(record.amount.description)),
            ("txId", .string(record.transactionID)), ("from", .string("")), ("areaCodeFrom", .string("")),
            ("to", .string(record.address)), ("areaCodeTo", .string("")), ("state", .string("2")),
            ("ts", .string(String(record.createdAt))), ("nonTradableAsset", .bool(false)),
            ("wdId", .string(record.id)),
        ])
    }

    /// OKX names a chain `<currency>-<network>`: `BTC-Bitcoin`, `ETH-Ethereum`, `USDT-ERC20`.
    static func chain(_ record: WithdrawalRecord) -> String {
        switch (record.coin, record.network) {
        case ("BTC", "BTC"): "BTC-Bitcoin"
        case ("ETH", "ETH"): "ETH-Ethereum"
        case (let coin, "ETH"): coin + "-ERC20"
        case (let coin, let network): coin + "-" + network
        }
    }

    /// A whole number of at most 13 digits (a Unix time in ms, or a count).
    static func milliseconds(_ query: FormParameters, _ name: String) throws(OKXError) -> Int64? {
        guard let text = query[name], !text.isEmpty else { return nil }
        guard text.utf8.count <= 13, text.utf8.allSatisfy({ (48...57).contains($0) }), let value = Int64(text) else {
            throw .parameter(name)
        }
        return value
    }
}
