import SentinelCore

/// Private account endpoints (bitget.md §4): spot assets, the key-info endpoint the audit reads, futures accounts,
/// positions and leverage.
extension BitgetDialect {
    static func accountEndpoints() -> [BitgetEndpoint] {
        [
            BitgetEndpoint("GET", "/api/v2/spot/account/info", .read, limit: 1, handler: keyInfo),
            BitgetEndpoint("GET", "/api/v2/spot/account/assets", .read, limit: 10, handler: assets),
            BitgetEndpoint("GET", "/api/v2/mix/account/accounts", .read, limit: 10, handler: futuresAccounts),
            BitgetEndpoint("GET", "/api/v2/mix/account/account", .read, limit: 10) { call, state throws(BitgetError) in
                let type = try call.productType(call.query["productType"])
                guard let symbol = call.query["symbol"] else { throw .empty("symbol") }
                guard let coin = call.query["marginCoin"] else { throw .empty("marginCoin") }
                guard type.lists(symbol) else { throw .unknownSymbol }
                guard coin.uppercased() == type.marginCoin else { throw .parameter("marginCoin") }
                return futuresAccount(&call, &state, type: type) ?? .null
            },
            BitgetEndpoint("GET", "/api/v2/mix/position/all-position", .read, limit: 5, handler: positions),
            BitgetEndpoint("POST", "/api/v2/mix/account/set-leverage", .futuresTrade, limit: 5, handler: setLeverage),
        ]
    }

    /// The authority codes of a key (bitget.md §4): read codes always, write codes for trade (spot `stow`, futures
    /// `coow`/`cpow` with the futures permission), `wtow` transfer, `wwow` withdrawal.
    static func authorities(_ permissions: Set<KeyPermission>) -> [String] {
        var codes = ["stor", "coor", "cpor", "wtor"]
        if permissions.contains(.trade) { codes.append("stow") }
        if permissions.contains(.trade), permissions.contains(.futures) { codes += ["coow", "cpow"] }
        if permissions.contains(.transfer) { codes.append("wtow") }
        if permissions.contains(.withdraw) { codes.append("wwow") }
        return codes
    }

    static func userID(_ accountID: Int) -> String { String(7_393_346_600 + accountID) }

    static func keyInfo(_ call: inout BitgetCall, _ state: inout EngineState) throws(BitgetError) -> JSONValue {
        guard let key = call.key else { throw .keyDoesNotExist }
        let uid = userID(key.accountID)
        return .object([
            ("userId", .string(uid)), ("inviterId", .string("")), ("ips", .string(key.ipWhitelist.joined(separator: ","))),
            ("authorities", .array(authorities(key.permissions).map(JSONValue.string))), ("parentId", .int(Int64(uid) ?? 0)),
            ("traderType", .string("")), ("channelCode", .string("")), ("channel", .string("")),
            ("regisTime", .string(String(key.createdAt))),
        ])
    }

    static func assets(_ call: inout BitgetCall, _ state: inout EngineState) throws(BitgetError) -> JSONValue {
        guard let account = state.accounts[call.accountID] else { throw .keyDoesNotExist }
        let assetType = call.query["assetType"] ?? "hold_only"
        guard assetType == "hold_only" || assetType == "all" else { throw .parameter("assetType") }
        let wanted = call.query["coin"]
        let rows: [JSONValue] = account.spot.keys.sorted().compactMap { coin in
            guard wanted == nil || wanted == coin, let balance = account.spot[coin] else { return nil }
            if assetType == "hold_only", balance.free.isZero, balance.locked.isZero { return nil }
            return .object([
                ("coin", .string(coin)), ("available", .string(balance.free.normalized.description)),
                ("limitAvailable", .string("0")), ("frozen", .string(balance.locked.normalized.description)),
                ("locked", .string("0")), ("uTime", .string(String(account.updatedAt))),
            ])
        }
        return .array(rows)
    }

    static func futuresAccount(_ call: inout BitgetCall, _ state: inout EngineState, type: BitgetProductType) -> JSONValue? {
        guard type == .usdt else { return nil }
        for key in state.marketKeys(exchange: .bitget, kind: .perpetual) { _ = state.market(key, now: call.now) }
        guard let snapshot = state.perpetualSnapshot(accountID: call.accountID, exchange: .bitget) else { return nil }
        let equity = snapshot.marginBalance.normalized.description
        let available = snapshot.availableBalance.normalized.description
        let locked = snapshot.openOrderInitialMargin.normalized.description
        return .object([
            ("marginCoin", .string("USDT")), ("locked", .string(locked)), ("available", .string(available)),
            ("crossedMaxAvailable", .string(available)), ("isolatedMaxAvailable", .string(available)),
            ("maxTransferOut", .string(available)), ("accountEquity", .string(equity)), ("usdtEquity", .string(equity)),
            ("btcEquity", .string("0")), ("crossedRiskRate", .string("0")),
            ("unrealizedPL", .string(snapshot.unrealizedProfit.normalized.description)), ("coupon", .string("0")),
            ("crossedUnrealizedPL", .string(snapshot.unrealizedProfit.normalized.description)),
            ("isolatedUnrealizedPL", .string("0")), ("assetMode", .string("single")),
        ])
    }

    static func futuresAccounts(_ call: inout BitgetCall, _ state: inout EngineState) throws(BitgetError) -> JSONValue {
        let type = try call.productType(call.query["productType"])
        return .array(futuresAccount(&call, &state, type: type).map { [$0] } ?? [])
    }

    static func positions(_ call: inout BitgetCall, _ state: inout EngineState) throws(BitgetError) -> JSONValue {
        let type = try call.productType(call.query["productType"])
        if let coin = call.query["marginCoin"], coin.uppercased() != type.marginCoin { return .array([]) }
        guard type == .usdt else { return .array([]) }
        for key in state.marketKeys(exchange: .bitget, kind: .perpetual) { _ = state.market(key, now: call.now) }
        guard let snapshot = state.perpetualSnapshot(accountID: call.accountID, exchange: .bitget) else {
            return .array([])
        }
        return .array(
            snapshot.positions.filter { !$0.position.isFlat }.map { line in
                let size = line.position.amount.magnitude.normalized.description
                let time = String(line.position.updatedAt)
                return .object([
                    ("marginCoin", .string("USDT")), ("symbol", .string(line.symbol)),
                    ("holdSide", .string(line.position.amount.isNegative ? "short" : "long")),
                    ("openDelegateSize", .string("0")), ("marginSize", .string(line.initialMargin.normalized.description)),
                    ("available", .string(size)), ("locked", .string("0")), ("total", .string(size)),
                    ("leverage", .string(String(line.leverage))), ("achievedProfits", .string("0")),
                    ("openPriceAvg", .string(line.position.entryPrice.normalized.description)),
                    ("marginMode", .string("crossed")), ("posMode", .string("one_way_mode")),
                    ("unrealizedPL", .string(line.unrealizedProfit.normalized.description)),
                    ("liquidationPrice", .string("0")), ("keepMarginRate", .string("0.004")),
                    ("markPrice", .string(line.markPrice.normalized.description)), ("marginRatio", .string("0")),
                    ("breakEvenPrice", .string(line.position.entryPrice.normalized.description)),
                    ("totalFee", .string("0")), ("deductedFee", .string("0")), ("cTime", .string(time)),
                    ("uTime", .string(time)),
                ])
            })
    }

    static func setLeverage(_ call: inout BitgetCall, _ state: inout EngineState) throws(BitgetError) -> JSONValue {
        let body = try call.bodyObject()
        let type = try call.productType(BitgetField.string(body, "productType"))
        guard let symbol = BitgetField.string(body, "symbol") else { throw .empty("symbol") }
        guard let coin = BitgetField.string(body, "marginCoin") else { throw .empty("marginCoin") }
        guard let text = BitgetField.string(body, "leverage") else { throw .empty("leverage") }
        guard type.lists(symbol), call.market(symbol, kind: .perpetual, &state) != nil else { throw .unknownSymbol }
        guard coin.uppercased() == type.marginCoin else { throw .parameter("marginCoin") }
        guard let leverage = Int(text) else { throw .parameter("leverage") }
        do {
            try state.setLeverage(accountID: call.accountID, symbol: symbol, leverage: leverage)
        } catch {
            throw .parameter("leverage")
        }
        return .object([
            ("symbol", .string(symbol)), ("marginCoin", .string(coin.uppercased())),
            ("longLeverage", .string(text)), ("shortLeverage", .string(text)), ("crossMarginLeverage", .string(text)),
            ("marginMode", .string("crossed")),
        ])
    }
}
