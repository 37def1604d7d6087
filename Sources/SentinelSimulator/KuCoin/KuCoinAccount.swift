import SentinelCore

/// Private account endpoints: spot balances and the key-info endpoint the audit reads (spot host), the futures
/// account overview and positions (futures host).
extension KuCoinDialect {
    static func spotAccountEndpoints() -> [KuCoinEndpoint] {
        [
            KuCoinEndpoint("GET", "/api/v1/accounts", .general, .management, weight: 5, handler: accounts),
            KuCoinEndpoint("GET", "/api/v1/user/api-key", .general, .management, weight: 20, handler: keyInfo),
        ]
    }

    static func futuresAccountEndpoints() -> [KuCoinEndpoint] {
        [
            // Served on the spot host by KuCoin; here also on the futures listener, whose key the client audits
            // without knowing the spot listener's address.
            KuCoinEndpoint("GET", "/api/v1/user/api-key", .general, .management, weight: 20, handler: keyInfo),
            KuCoinEndpoint("GET", "/api/v1/account-overview", .futures, .futures, weight: 5, handler: accountOverview),
            KuCoinEndpoint("GET", "/api/v1/positions", .futures, .futures, weight: 2) { call, state throws(KuCoinError) in
                .array(positionLines(&call, &state).filter { !$0.position.isFlat }.map { position($0, now: call.now) })
            },
            KuCoinEndpoint("GET", "/api/v1/position", .futures, .futures, weight: 2) { call, state throws(KuCoinError) in
                let symbol = try call.required("symbol")
                guard let line = positionLines(&call, &state).first(where: { $0.symbol == symbol }) else {
                    throw .symbolNotAvailable
                }
                return position(line, now: call.now)
            },
        ]
    }

    /// The trading (`trade`, or `trade_hf` when asked so, as ccxt does for HF accounts) accounts; the funding
    /// (`main`) account holds nothing in the simulator.
    static func accounts(_ call: inout KuCoinCall, _ state: inout EngineState) throws(KuCoinError) -> JSONValue {
        guard let account = state.accounts[call.accountID] else { throw .keyNotExists }
        let type = call.query["type"]
        guard type == nil || type == "trade" || type == "trade_hf" || type == "main" || type == "margin" else {
            throw .parameter("type invalid")
        }
        guard type == nil || type == "trade" || type == "trade_hf" else { return .array([]) }
        let currency = call.query["currency"]
        return .array(
            account.spot.keys.sorted().compactMap { asset in
                guard currency == nil || currency == asset, let balance = account.spot[asset] else { return nil }
                return .object([
                    ("id", .string(String(format24(account.id, asset)))), ("currency", .string(asset)),
                    ("type", .string(type ?? "trade")), ("balance", .string(text(balance.free + balance.locked))),
                    ("available", .string(text(balance.free))), ("holds", .string(text(balance.locked))),
                ])
            })
    }

    /// A stable 24-hex-digit account id, as KuCoin's ids look.
    static func format24(_ account: Int, _ asset: String) -> String {
        let hash = MarketState.stableHash("\(account)|\(asset)")
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: max(0, 24 - hex.count)) + hex
    }

    /// `GET /api/v1/user/api-key` (kucoin.md §4): the permission string, the masked whitelist, apiVersion 3.
    static func keyInfo(_ call: inout KuCoinCall, _ state: inout EngineState) throws(KuCoinError) -> JSONValue {
        guard let key = call.key else { throw .keyNotExists }
        var permissions: [String] = []
        if key.permissions.contains(.read) { permissions.append("General") }
        if key.permissions.contains(.futures) { permissions.append("Futures") }
        if key.permissions.contains(.trade) { permissions.append("Spot") }
        if key.permissions.contains(.transfer) { permissions.append("InnerTransfer") }
        if key.permissions.contains(.withdraw) { permissions.append("Transfer") }
        return .object([
            ("remark", .string("sentinel-sim")), ("apiKey", .string(key.apiKey)), ("apiVersion", .int(3)),
            ("permission", .string(permissions.joined(separator: ","))),
            ("ipWhitelist", .string(key.ipWhitelist.map(mask).joined(separator: ","))),
            ("createdAt", .int(key.createdAt)), ("uid", .int(165_111_215 + Int64(key.accountID))), ("isMaster", .bool(true)),
        ])
    }

    /// `203.0.113.7` → `203.**.7`, as KuCoin masks the whitelist.
    static func mask(_ address: String) -> String {
        let parts = address.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return address.count > 4 ? String(address.prefix(4)) + "**" : address }
        return "\(parts[0]).**.\(parts[3])"
    }

    static func accountOverview(_ call: inout KuCoinCall, _ state: inout EngineState) throws(KuCoinError) -> JSONValue {
        let currency = call.query["currency"] ?? "XBT"
        for key in state.marketKeys(exchange: .kucoin, kind: .perpetual) { _ = state.market(key, now: call.now) }
        guard currency == "USDT", let snapshot = state.perpetualSnapshot(accountID: call.accountID, exchange: .kucoin)
        else {
            return .object(
                [("accountEquity", .int(0)), ("unrealisedPNL", .int(0)), ("marginBalance", .int(0)),
                 ("positionMargin", .int(0)), ("orderMargin", .int(0)), ("frozenFunds", .int(0)),
                 ("availableBalance", .int(0)), ("currency", .string(currency)), ("riskRatio", .int(0)),
                 ("maxWithdrawAmount", .int(0))])
        }
        func number(_ value: ExactDecimal) -> JSONValue { .number(text(value.roundedDown(places: 8))) }
        return .object([
            ("accountEquity", number(snapshot.marginBalance)), ("unrealisedPNL", number(snapshot.unrealizedProfit)),
            ("marginBalance", number(snapshot.marginBalance)), ("positionMargin", number(snapshot.positionInitialMargin)),
            ("orderMargin", number(snapshot.openOrderInitialMargin)), ("frozenFunds", .int(0)),
            ("availableBalance", number(snapshot.availableBalance)), ("currency", .string("USDT")),
            ("riskRatio", .int(0)), ("maxWithdrawAmount", number(snapshot.availableBalance)),
        ])
    }

    static func positionLines(_ call: inout KuCoinCall, _ state: inout EngineState)
        -> [PerpetualAccountSnapshot.PositionLine]
    {
        for key in state.marketKeys(exchange: .kucoin, kind: .perpetual) { _ = state.market(key, now: call.now) }
        return state.perpetualSnapshot(accountID: call.accountID, exchange: .kucoin)?.positions ?? []
    }

    static func position(_ line: PerpetualAccountSnapshot.PositionLine, now: Int64) -> JSONValue {
        let terms = KuCoinContract.of(line.symbol)
        let amount = line.position.amount
        let lots = terms.map { amount.over($0.multiplier, places: 0) } ?? amount
        func number(_ value: ExactDecimal) -> JSONValue { .number(text(value.roundedDown(places: 8))) }
        return .object([
            ("id", .string(format24(0, line.symbol))), ("symbol", .string(line.symbol)), ("autoDeposit", .bool(false)),
            ("crossMode", .bool(false)), ("marginMode", .string("ISOLATED")), ("positionSide", .string("BOTH")),
            ("maintMarginReq", .number("0.004")), ("riskLimit", .int(100_000)),
            ("realLeverage", .int(Int64(line.leverage))), ("leverage", .int(Int64(line.leverage))),
            ("delevPercentage", .number("0.1")), ("openingTimestamp", .int(line.position.updatedAt)),
            ("currentTimestamp", .int(now)), ("currentQty", .int(Int64(text(lots)) ?? 0)),
            ("currentCost", number(line.notional)), ("currentComm", .int(0)), ("unrealisedCost", number(line.notional)),
            ("realisedGrossCost", .int(0)), ("realisedCost", .int(0)), ("isOpen", .bool(!line.position.isFlat)),
            ("markPrice", number(line.markPrice)), ("markValue", number(line.notional)),
            ("posCost", number(line.notional)), ("posInit", number(line.initialMargin)),
            ("posMargin", number(line.initialMargin)), ("posMaint", number(line.maintenanceMargin)),
            ("realisedPnl", .int(0)), ("unrealisedPnl", number(line.unrealizedProfit)),
            ("unrealisedPnlPcnt", .int(0)), ("unrealisedRoePcnt", .int(0)),
            ("avgEntryPrice", number(line.position.entryPrice)), ("liquidationPrice", .int(0)),
            ("bankruptPrice", .int(0)), ("settleCurrency", .string("USDT")), ("isInverse", .bool(false)),
        ])
    }
}
