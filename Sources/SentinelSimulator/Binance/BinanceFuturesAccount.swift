import SentinelCore

/// USDⓈ-M balances, account, positions and leverage.
extension BinanceDialect {
    static func snapshot(_ call: BinanceCall, _ state: inout EngineState) throws(BinanceError) -> PerpetualAccountSnapshot {
        _ = call.allMarkets(&state)  // bring marks up to now
        guard let snapshot = state.perpetualSnapshot(accountID: call.accountID, exchange: call.flavor.exchange) else {
            throw call.flavor.unknownKeyError
        }
        return snapshot
    }

    static func futuresBalance(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let account = try snapshot(call, &state)
        return .array([
            .object([
                ("accountAlias", .string("SgsRmYFzAuXq")), ("asset", .string("USDT")),
                ("balance", .string(account.walletBalance.fixed(8))),
                ("crossWalletBalance", .string(account.walletBalance.fixed(8))),
                ("crossUnPnl", .string(account.unrealizedProfit.fixed(8))),
                ("availableBalance", .string(account.availableBalance.fixed(8))),
                ("maxWithdrawAmount", .string(account.availableBalance.fixed(8))),
                ("marginAvailable", .bool(true)), ("updateTime", .int(account.updatedAt)),
            ])
        ])
    }

    static func futuresAccount(
        _ call: inout BinanceCall, _ state: inout EngineState, version: Int
    ) throws(BinanceError) -> JSONValue {
        let account = try snapshot(call, &state)
        let isolated = state.accounts[call.accountID]?.isolatedSymbols ?? []
        let initial = account.positionInitialMargin + account.openOrderInitialMargin
        let totals: [(String, JSONValue)] = [
            ("totalInitialMargin", .string(initial.fixed(8))),
            ("totalMaintMargin", .string(account.maintenanceMargin.fixed(8))),
            ("totalWalletBalance", .string(account.walletBalance.fixed(8))),
            ("totalUnrealizedProfit", .string(account.unrealizedProfit.fixed(8))),
            ("totalMarginBalance", .string(account.marginBalance.fixed(8))),
            ("totalPositionInitialMargin", .string(account.positionInitialMargin.fixed(8))),
            ("totalOpenOrderInitialMargin", .string(account.openOrderInitialMargin.fixed(8))),
            ("totalCrossWalletBalance", .string(account.walletBalance.fixed(8))),
            ("totalCrossUnPnl", .string(account.unrealizedProfit.fixed(8))),
            ("availableBalance", .string(account.availableBalance.fixed(8))),
            ("maxWithdrawAmount", .string(account.availableBalance.fixed(8))),
        ]
        var asset: [(String, JSONValue)] = [
            ("asset", .string("USDT")), ("walletBalance", .string(account.walletBalance.fixed(8))),
            ("unrealizedProfit", .string(account.unrealizedProfit.fixed(8))),
            ("marginBalance", .string(account.marginBalance.fixed(8))),
            ("maintMargin", .string(account.maintenanceMargin.fixed(8))), ("initialMargin", .string(initial.fixed(8))),
            ("positionInitialMargin", .string(account.positionInitialMargin.fixed(8))),
            ("openOrderInitialMargin", .string(account.openOrderInitialMargin.fixed(8))),
            ("crossWalletBalance", .string(account.walletBalance.fixed(8))),
            ("crossUnPnl", .string(account.unrealizedProfit.fixed(8))),
            ("availableBalance", .string(account.availableBalance.fixed(8))),
            ("maxWithdrawAmount", .string(account.availableBalance.fixed(8))),
        ]
        if version == 2 { asset.append(("marginAvailable", .bool(true))) }
        asset.append(("updateTime", .int(account.updatedAt)))
        let lines = version == 3 ? account.positions.filter { !$0.position.isFlat } : account.positions
        let positions: [JSONValue] = lines.map { line in
            var members: [(String, JSONValue)] = [
                ("symbol", .string(line.symbol)),
                ("positionSide", .string(BinanceFuturesOrderJSON.positionSide(line.positionSide))),
                ("positionAmt", .string(line.position.amount.fixed(3))),
                ("unrealizedProfit", .string(line.unrealizedProfit.fixed(8))), ("isolatedMargin", .string("0")),
                ("notional", .string(line.notional.fixed(8))), ("isolatedWallet", .string("0")),
                ("initialMargin", .string(line.initialMargin.fixed(8))),
                ("maintMargin", .string(line.maintenanceMargin.fixed(8))),
            ]
            if version == 2 {
                members += [
                    ("positionInitialMargin", .string(line.initialMargin.fixed(8))),
                    ("openOrderInitialMargin", .string("0")), ("leverage", .string(String(line.leverage))),
                    ("isolated", .bool(isolated.contains(line.symbol))), ("entryPrice", .string(line.position.entryPrice.normalized.description)),
                    ("maxNotional", .string("1000000")), ("bidNotional", .string("0")), ("askNotional", .string("0")),
                ]
            }
            members.append(("updateTime", .int(line.position.updatedAt)))
            return .object(members)
        }
        var members: [(String, JSONValue)] = []
        if version == 2 {
            members += [
                ("feeTier", .int(0)), ("feeBurn", .bool(false)), ("canTrade", .bool(true)), ("canDeposit", .bool(true)),
                ("canWithdraw", .bool(true)), ("updateTime", .int(0)),
                ("multiAssetsMargin", .bool(state.accounts[call.accountID]?.multiAssetsMargin ?? false)),
                ("tradeGroupId", .int(-1)),
            ]
        }
        members += totals
        members.append(("assets", .array([.object(asset)])))
        members.append(("positions", .array(positions)))
        return .object(members)
    }

    static func futuresPositionRisk(
        _ call: inout BinanceCall, _ state: inout EngineState, version: Int
    ) throws(BinanceError) -> JSONValue {
        let account = try snapshot(call, &state)
        let symbol = call.parameters["symbol"]
        if let symbol { _ = try call.market(&state, symbol: symbol) }
        let openSymbols = Set(state.accounts[call.accountID]?.openOrders(kind: .perpetual).map(\.symbol) ?? [])
        let lines = account.positions.filter { line in
            (symbol == nil || line.symbol == symbol)
                && (version == 2 || !line.position.isFlat || openSymbols.contains(line.symbol))
        }
        let isolated = state.accounts[call.accountID]?.isolatedSymbols ?? []
        return .array(lines.map { positionRisk($0, version: version, isolated: isolated.contains($0.symbol)) })
    }

    static func positionRisk(_ line: PerpetualAccountSnapshot.PositionLine, version: Int, isolated: Bool) -> JSONValue {
        let position = line.position
        let entry = position.entryPrice
        let fee = EngineState.perpetualTakerFeeRate
        let breakEven = position.isFlat ? ExactDecimal.zero : (position.amount.isNegative ? entry * (1 - fee) : entry * (1 + fee))
        // Cross margin, one position: the price at which the loss eats the margin down to the maintenance rate.
        let lever = ExactDecimal(line.leverage)
        let cushion = ExactDecimal(1).over(lever) - EngineState.maintenanceMarginRate
        let liquidation =
            position.isFlat ? ExactDecimal.zero : (position.amount.isNegative ? entry * (1 + cushion) : entry * (1 - cushion))
        var members: [(String, JSONValue)] = [
            ("symbol", .string(line.symbol)),
            ("positionSide", .string(BinanceFuturesOrderJSON.positionSide(line.positionSide))),
            ("positionAmt", .string(position.amount.fixed(3))),
            ("entryPrice", .string(entry.normalized.description)),
            ("breakEvenPrice", .string(breakEven.fixed(8))),
            ("markPrice", .string(line.markPrice.fixed(8))),
            ("unRealizedProfit", .string(line.unrealizedProfit.fixed(8))),
            ("liquidationPrice", .string(liquidation.fixed(8))),
        ]
        if version == 2 {
            members += [
                ("leverage", .string(String(line.leverage))), ("maxNotionalValue", .string("1000000")),
                ("marginType", .string(isolated ? "isolated" : "cross")), ("isolatedMargin", .string("0.00000000")),
                ("isAutoAddMargin", .string("false")), ("notional", .string(line.notional.fixed(8))),
                ("isolatedWallet", .string("0")),
            ]
        } else {
            members += [
                ("isolatedMargin", .string("0")), ("notional", .string(line.notional.fixed(8))),
                ("marginAsset", .string("USDT")), ("isolatedWallet", .string("0")),
                ("initialMargin", .string(line.initialMargin.fixed(8))),
                ("maintMargin", .string(line.maintenanceMargin.fixed(8))),
                ("positionInitialMargin", .string(line.initialMargin.fixed(8))),
                ("openOrderInitialMargin", .string("0")), ("adl", .int(0)), ("bidNotional", .string("0")),
                ("askNotional", .string("0")),
            ]
        }
        members.append(("updateTime", .int(position.updatedAt)))
        return .object(members)
    }

    static func futuresLeverage(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let market = try call.market(&state)
        guard let leverage = try call.parameters.integer("leverage") else { throw .mandatory("leverage") }
        do {
            try state.setLeverage(accountID: call.accountID, symbol: market.rules.symbol, leverage: Int(leverage))
        } catch {
            throw BinanceError(status: 400, code: -4028, message: "Leverage \(leverage) is not valid")
        }
        return .object([
            ("leverage", .int(leverage)), ("maxNotionalValue", .string("1000000")),
            ("symbol", .string(market.rules.symbol)),
        ])
    }
}
