import SentinelCore

/// `GET /v5/asset/withdraw/query-record` (Bybit docs `v5/asset/withdraw/withdraw-record`): the account's withdrawals,
/// newest first, within `startTime`…`endTime` (default the last 30 days, never a longer span), by `coin`,
/// `withdrawID`, `txID` and `withdrawType` (0 on chain, the default; 1 off chain; 2 both), `limit` 1…50 (default 50)
/// and an opaque `cursor`. Any valid key may read it. The demo host does not serve it (docs `v5/demo`: not in the
/// list of demo endpoints), so there it is an unknown route.
extension BybitDialect {
    static let withdrawalWindowMs: Int64 = 30 * 86_400_000

    static func withdrawalEndpoints() -> [BybitEndpoint] {
        // The docs give 300 requests per minute per UID; the simulator counts per second.
        [BybitEndpoint("GET", "/v5/asset/withdraw/query-record", .read, limit: 5, handler: withdrawalRecords)]
    }

    static func withdrawalRecords(_ call: inout BybitCall, _ state: inout EngineState) throws(BybitError) -> JSONValue {
        guard call.environment != .demo else { throw .routeNotFound() }
        guard let account = state.accounts[call.accountID] else { throw .unknownKey }
        let parameters = call.parameters
        let end = try milliseconds(parameters, "endTime") ?? call.now
        let start = try milliseconds(parameters, "startTime") ?? end - withdrawalWindowMs
        guard start <= end else { throw .parameter("startTime should be less than endTime") }
        guard end - start <= withdrawalWindowMs else {
            throw .parameter("endTime - startTime should be less than 30 days")
        }
        let limit = try parameters.integer("limit") ?? 50
        guard (1...50).contains(limit) else { throw .parameter("limit invalid") }
        let type = try parameters.integer("withdrawType") ?? 0
        guard (0...2).contains(type) else { throw .parameter("withdrawType invalid") }
        var rows = account.withdrawals.reversed().filter { record in
            record.createdAt >= start && record.createdAt <= end && type != 1
                && parameters["coin"].map { $0 == record.coin } ?? true
                && parameters["withdrawID"].map { $0 == record.id } ?? true
                && parameters["txID"].map { $0 == record.transactionID } ?? true
        }[...]
        if let cursor = parameters["cursor"] {
            guard let index = rows.firstIndex(where: { $0.id == cursor }) else { throw .parameter("cursor invalid") }
            rows = rows[(index + 1)...]
        }
        let page = rows.prefix(limit)
        let next = page.count < rows.count ? page.last?.id ?? "" : ""
        return .object([("rows", .array(page.map(row))), ("nextPageCursor", .string(next))])
    }

    /// Every withdrawal here went out on chain and is complete; the fee is in the coin withdrawn.
    static func row(_ record: WithdrawalRecord) -> JSONValue {
        .object([
            ("coin", .string(record.coin)), ("chain", .string(record.network)),
            ("amount", .string(record.amount.description)), ("txID", .string(record.transactionID)),
            ("status", .string("success")), ("toAddress", .string(record.address)), ("tag", .string("")),
            ("withdrawFee", .string(record.fee.description)), ("createTime", .string(String(record.createdAt))),
            ("updateTime", .string(String(record.createdAt + 60_000))), ("withdrawId", .string(record.id)),
            ("withdrawType", .int(0)), ("fee", .string("")), ("tax", .string("")), ("taxRate", .string("")),
            ("taxType", .string("")),
        ])
    }

    /// A Unix time in milliseconds, 13 digits or fewer.
    static func milliseconds(_ parameters: BybitParameters, _ name: String) throws(BybitError) -> Int64? {
        guard let text = parameters[name] else { return nil }
        guard text.utf8.count <= 13, text.utf8.allSatisfy({ (48...57).contains($0) }), let value = Int64(text) else {
            throw .parameter("\(name) invalid")
        }
        return value
    }
}
