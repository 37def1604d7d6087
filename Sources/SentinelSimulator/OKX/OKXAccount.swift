import SentinelCore

/// Private account endpoints: balance, configuration (the key audit's source), positions, leverage, currencies.
extension OKXDialect {
    static func accountEndpoints() -> [OKXEndpoint] {
        [
            OKXEndpoint("GET", "/api/v5/account/balance", .read, limit: 10, handler: balance),
            OKXEndpoint("GET", "/api/v5/account/config", .read, limit: 5, handler: configuration),
            OKXEndpoint("GET", "/api/v5/account/positions", .read, limit: 10, handler: positions),
            OKXEndpoint("POST", "/api/v5/account/set-leverage", .trade, limit: 20, handler: setLeverage),
            OKXEndpoint("GET", "/api/v5/asset/currencies", .read, limit: 6, handler: currencies),
        ]
    }

    static func balance(_ call: inout OKXCall, _ state: inout EngineState) throws(OKXError) -> OKXReply {
        guard let account = state.accounts[call.accountID] else { throw .keyDoesNotExist }
        let wanted = call.query["ccy"].map { Set($0.split(separator: ",").map(String.init)) }
        let time = String(account.updatedAt)
        let details: [JSONValue] = account.spot.keys.sorted().compactMap { currency in
            guard wanted?.contains(currency) ?? true, let balance = account.spot[currency] else { return nil }
            let total = (balance.free + balance.locked).normalized.description
            return .object([
                ("availBal", .string(balance.free.normalized.description)),
                ("availEq", .string(balance.free.normalized.description)), ("cashBal", .string(total)),
                ("ccy", .string(currency)), ("crossLiab", .string("0")), ("disEq", .string(total)),
                ("eq", .string(total)), ("eqUsd", .string(currency == "USDT" ? total : "")),
                ("fixedBal", .string("0")), ("frozenBal", .string(balance.locked.normalized.description)),
                ("interest", .string("0")), ("isoEq", .string("0")), ("liab", .string("0")),
                ("maxLoan", .string("")), ("mgnRatio", .string("")),
                ("ordFrozen", .string(balance.locked.normalized.description)), ("stgyEq", .string("0")),
                ("twap", .string("0")), ("uTime", .string(time)), ("upl", .string("0")),
            ])
        }
        return OKXReply(data: [
            .object([
                ("adjEq", .string("")), ("availEq", .string("")), ("borrowFroz", .string("")),
                ("details", .array(details)), ("imr", .string("")), ("isoEq", .string("0")),
                ("mgnRatio", .string("")), ("mmr", .string("")), ("notionalUsd", .string("")),
                ("ordFroz", .string("")), ("totalEq", .string("")), ("uTime", .string(time)), ("upl", .string("")),
            ])
        ])
    }

    /// The calling key's facts (okx.md §4): `perm` as `read_only,withdraw,trade`, `ip` comma-joined or `""`.
    static func configuration(_ call: inout OKXCall, _ state: inout EngineState) throws(OKXError) -> OKXReply {
        guard let key = call.key else { throw .keyDoesNotExist }
        var permissions: [String] = []
        if key.permissions.contains(.read) { permissions.append("read_only") }
        if key.permissions.contains(.withdraw) { permissions.append("withdraw") }
        if key.permissions.contains(.trade) { permissions.append("trade") }
        let uid = String(44_705_892_343_600_000 + Int64(key.accountID))
        var reply = OKXReply(data: [
            .object([
                ("acctLv", .string("2")), ("acctStpMode", .string("cancel_maker")), ("autoLoan", .bool(false)),
                ("ctIsoMode", .string("automatic")), ("enableSpotBorrow", .bool(false)), ("greeksType", .string("PA")),
                ("feeType", .string("0")), ("ip", .string(key.ipWhitelist.joined(separator: ","))),
                ("type", .string("0")), ("kycLv", .string("2")), ("label", .string("sentinel-sim")),
                ("level", .string("Lv1")), ("levelTmp", .string("")), ("liquidationGear", .string("-1")),
                ("mainUid", .string(uid)), ("mgnIsoMode", .string("automatic")), ("opAuth", .string("0")),
                ("perm", .string(permissions.joined(separator: ","))), ("posMode", .string("net_mode")),
                ("roleType", .string("0")), ("spotBorrowAutoRepay", .bool(false)), ("spotOffsetType", .string("")),
                ("spotRoleType", .string("0")), ("spotTraderInsts", .array([])), ("stgyType", .string("0")),
                ("traderInsts", .array([])), ("uid", .string(uid)), ("settleCcy", .string("USDT")),
                ("settleCcyList", .array([.string("USDT")])),
            ])
        ])
        reply.messageLast = true
        return reply
    }

    static func positions(_ call: inout OKXCall, _ state: inout EngineState) throws(OKXError) -> OKXReply {
        if let instType = call.query["instType"] {
            guard instrumentTypes.contains(instType) else { throw .parameter("instType") }
            guard instType == "SWAP" else { return OKXReply(data: []) }
        }
        let instId = call.query["instId"]
        for key in state.marketKeys(exchange: .okx, kind: .perpetual) { _ = state.market(key, now: call.now) }
        guard let snapshot = state.perpetualSnapshot(accountID: call.accountID, exchange: .okx) else {
            return OKXReply(data: [])
        }
        let lines = snapshot.positions.filter { !$0.position.isFlat && (instId == nil || $0.symbol == instId) }
        return OKXReply(
            data: lines.map { line in
                let size = wireSize(line.position.amount, instId: line.symbol)
                let time = String(line.position.updatedAt)
                return .object([
                    ("adl", .string("1")), ("availPos", .string("")),
                    ("avgPx", .string(line.position.entryPrice.normalized.description)),
                    ("cTime", .string(time)), ("ccy", .string("USDT")),
                    ("imr", .string(line.initialMargin.normalized.description)), ("instId", .string(line.symbol)),
                    ("instType", .string("SWAP")), ("last", .string(line.markPrice.normalized.description)),
                    ("lever", .string(String(line.leverage))), ("liqPx", .string("")),
                    ("margin", .string("")), ("markPx", .string(line.markPrice.normalized.description)),
                    ("mgnMode", .string("cross")), ("mmr", .string(line.maintenanceMargin.normalized.description)),
                    ("notionalUsd", .string(line.notional.magnitude.normalized.description)),
                    ("pos", .string(size)), ("posCcy", .string("")), ("posId", .string(String(1_000 + call.accountID))),
                    ("posSide", .string("net")), ("uTime", .string(time)),
                    ("upl", .string(line.unrealizedProfit.normalized.description)),
                    ("uplRatio", .string("")),
                ])
            })
    }

    static func setLeverage(_ call: inout OKXCall, _ state: inout EngineState) throws(OKXError) -> OKXReply {
        let body = try call.bodyObject()
        guard let lever = OKXField.string(body, "lever") else { throw .empty("lever") }
        guard let mode = OKXField.string(body, "mgnMode") else { throw .empty("mgnMode") }
        guard mode == "cross" || mode == "isolated" else { throw .parameter("mgnMode") }
        guard let instId = OKXField.string(body, "instId") else { throw .empty("instId") }
        guard call.market(instId, &state)?.rules.kind == .perpetual else { throw .unknownInstrument }
        guard let value = Int(lever) else { throw .parameter("lever") }
        do {
            try state.setLeverage(accountID: call.accountID, symbol: instId, leverage: value)
        } catch {
            throw .parameter("lever")
        }
        return OKXReply(data: [
            .object([
                ("instId", .string(instId)), ("lever", .string(lever)), ("mgnMode", .string(mode)),
                ("posSide", .string(OKXField.string(body, "posSide") ?? "")),
            ])
        ])
    }

    static func currencies(_ call: inout OKXCall, _ state: inout EngineState) throws(OKXError) -> OKXReply {
        OKXReply(
            data: ["BTC", "ETH", "USDT"].map { currency in
                .object([
                    ("canDep", .bool(true)), ("canInternal", .bool(true)), ("canWd", .bool(true)),
                    ("ccy", .string(currency)), ("chain", .string("\(currency)-\(currency == "USDT" ? "TRC20" : currency)")),
                    ("logoLink", .string("")), ("mainNet", .bool(true)), ("maxFee", .string("0")),
                    ("maxWd", .string("1000000")), ("minDep", .string("0.00001")), ("minFee", .string("0")),
                    ("minWd", .string("0.001")), ("name", .string(currency)), ("wdTickSz", .string("8")),
                ])
            })
    }
}
