import SentinelCore

/// Account endpoints: the unified wallet, account mode, positions, leverage, key info and coin info.
extension BybitDialect {
    static func accountEndpoints() -> [BybitEndpoint] {
        [
            BybitEndpoint("GET", "/v5/account/wallet-balance", .read, limit: 50, handler: walletBalance),
            BybitEndpoint("GET", "/v5/account/info", .read, limit: 50) { call, _ throws(BybitError) in
                .object([
                    ("unifiedMarginStatus", .int(6)), ("marginMode", .string("REGULAR_MARGIN")),
                    ("isMasterTrader", .bool(false)), ("spotHedgingStatus", .string("OFF")),
                    ("updatedTime", .string(String(call.key?.createdAt ?? call.now))), ("dcpStatus", .string("OFF")),
                    ("timeWindow", .int(10)), ("smpGroup", .int(0)),
                ])
            },
            BybitEndpoint("GET", "/v5/position/list", .read, limit: 50, handler: positions),
            BybitEndpoint("POST", "/v5/position/set-leverage", .trade, limit: 10, handler: setLeverage),
            BybitEndpoint("GET", "/v5/user/query-api", .read, limit: 10) { call, _ throws(BybitError) in
                guard let key = call.key else { throw .unknownKey }
                return BybitKeyInfo.render(key, now: call.now)
            },
            BybitEndpoint("GET", "/v5/asset/coin/query-info", .read, limit: 5) { call, _ throws(BybitError) in
                let coins = ["USDT", "BTC", "ETH"].filter { call.parameters["coin"] == nil || call.parameters["coin"] == $0 }
                return .object([("rows", .array(coins.map(coinInfo)))])
            },
        ]
    }

    static func coinInfo(_ coin: String) -> JSONValue {
        .object([
            ("name", .string(coin)), ("coin", .string(coin)), ("remainAmount", .string("50000000000")),
            (
                "chains",
                .array([
                    .object([
                        ("chainType", .string(coin == "BTC" ? "BTC" : "ERC20")), ("confirmation", .string("6")),
                        ("withdrawFee", .string("0")), ("depositMin", .string("0")), ("withdrawMin", .string("0")),
                        ("chain", .string(coin == "BTC" ? "BTC" : "ETH")), ("chainDeposit", .string("1")),
                        ("chainWithdraw", .string("1")), ("minAccuracy", .string("8")),
                        ("withdrawPercentageFee", .string("0")), ("contractAddress", .string("")),
                    ])
                ])
            ),
        ])
    }

    /// One unified wallet: spot balances and the derivatives wallet (USDT) reported together, per coin.
    static func walletBalance(_ call: inout BybitCall, _ state: inout EngineState) throws(BybitError) -> JSONValue {
        guard let type = call.parameters["accountType"] else { throw .missing("accountType") }
        guard type == "UNIFIED" else { throw .parameter("accountType only support UNIFIED") }
        let wanted = call.parameters["coin"].map { Set($0.split(separator: ",").map(String.init)) }
        for key in state.marketKeys(exchange: .bybit, kind: .spot) { _ = state.market(key, now: call.now) }
        guard let account = state.accounts[call.accountID],
            let snapshot = state.perpetualSnapshot(accountID: call.accountID, exchange: .bybit)
        else { throw .unknownKey }
        var coins: [JSONValue] = []
        var totalEquity = ExactDecimal.zero
        var totalWallet = ExactDecimal.zero
        for asset in account.spot.keys.sorted() {
            guard let balance = account.spot[asset] else { continue }
            let isSettle = asset == "USDT"
            let wallet = balance.free + balance.locked + (isSettle ? snapshot.walletBalance : .zero)
            let unrealized = isSettle ? snapshot.unrealizedProfit : .zero
            let equity = wallet + unrealized
            if let wanted { guard wanted.contains(asset) else { continue } } else if equity.isZero { continue }
            let price = usdPrice(asset, state: state)
            let usdValue = (equity * price).roundedDown(places: 8)
            totalEquity = totalEquity + usdValue
            totalWallet = totalWallet + (wallet * price).roundedDown(places: 8)
            let realized = account.trades.filter { $0.kind == .perpetual && isSettle }
                .reduce(ExactDecimal.zero) { $0 + $1.realizedProfit.value }
            coins.append(
                .object([
                    ("availableToBorrow", .string("")), ("bonus", .string("0")), ("accruedInterest", .string("0")),
                    ("availableToWithdraw", .string("")),
                    ("totalOrderIM", .string((isSettle ? snapshot.openOrderInitialMargin : .zero).description)),
                    ("equity", .string(equity.description)),
                    ("totalPositionMM", .string((isSettle ? snapshot.maintenanceMargin : .zero).description)),
                    ("usdValue", .string(usdValue.description)), ("unrealisedPnl", .string(unrealized.description)),
                    ("collateralSwitch", .bool(true)), ("spotHedgingQty", .string("0")),
                    ("borrowAmount", .string("0")),
                    ("totalPositionIM", .string((isSettle ? snapshot.positionInitialMargin : .zero).description)),
                    ("walletBalance", .string(wallet.description)), ("cumRealisedPnl", .string(realized.description)),
                    ("locked", .string(balance.locked.description)), ("marginCollateral", .bool(true)),
                    ("coin", .string(asset)),
                ]))
        }
        let initial = snapshot.positionInitialMargin + snapshot.openOrderInitialMargin
        let margin = totalWallet + snapshot.unrealizedProfit
        let rate = { (value: ExactDecimal) in margin.isZero ? ExactDecimal.zero : value.over(margin, places: 4) }
        return .object([
            (
                "list",
                .array([
                    .object([
                        ("totalEquity", .string(totalEquity.description)),
                        ("accountIMRate", .string(rate(initial).description)),
                        ("totalMarginBalance", .string(margin.description)),
                        ("totalInitialMargin", .string(initial.description)), ("accountType", .string("UNIFIED")),
                        ("totalAvailableBalance", .string(ExactDecimal.max(.zero, margin - initial).description)),
                        ("accountMMRate", .string(rate(snapshot.maintenanceMargin).description)),
                        ("totalPerpUPL", .string(snapshot.unrealizedProfit.description)),
                        ("totalWalletBalance", .string(totalWallet.description)), ("accountLTV", .string("0")),
                        ("totalMaintenanceMargin", .string(snapshot.maintenanceMargin.description)),
                        ("coin", .array(coins)),
                    ])
                ])
            )
        ])
    }

    /// What one unit of `asset` is worth in USD(T), by the spot market against USDT.
    static func usdPrice(_ asset: String, state: EngineState) -> ExactDecimal {
        if asset == "USDT" || asset == "USDC" { return 1 }
        return state.markets[MarketKey(exchange: .bybit, kind: .spot, symbol: asset + "USDT")]?.mid.value ?? .zero
    }

    static func positions(_ call: inout BybitCall, _ state: inout EngineState) throws(BybitError) -> JSONValue {
        let category = try call.category()
        guard category != .spot else { throw .parameter("category only support linear, inverse, option") }
        let symbol = call.parameters["symbol"]
        if category == .linear, symbol == nil, call.parameters["settleCoin"] == nil, call.parameters["baseCoin"] == nil {
            throw .parameter("symbol or settleCoin is required")
        }
        var lines: [JSONValue] = []
        if category == .linear {
            if let symbol { _ = try call.market(&state, category: .linear, symbol: symbol) }
            for key in state.marketKeys(exchange: .bybit, kind: .perpetual) { _ = state.market(key, now: call.now) }
            let trades = state.accounts[call.accountID]?.trades ?? []
            let snapshot = state.perpetualSnapshot(accountID: call.accountID, exchange: .bybit)
            for line in snapshot?.positions ?? [] {
                if let symbol { guard line.symbol == symbol else { continue } } else if line.position.isFlat { continue }
                if let settle = call.parameters["settleCoin"], settle != "USDT" { continue }
                let realized = trades.filter { $0.kind == .perpetual && $0.symbol == line.symbol }
                    .reduce(ExactDecimal.zero) { $0 + $1.realizedProfit.value }
                lines.append(position(line, realized: realized, now: call.now))
            }
        }
        return .object([
            ("list", .array(lines)), ("nextPageCursor", .string("")), ("category", .string(category.rawValue)),
        ])
    }

    static func position(_ line: PerpetualAccountSnapshot.PositionLine, realized: ExactDecimal, now: Int64) -> JSONValue {
        let position = line.position
        let side = position.isFlat ? "" : (position.amount.isNegative ? "Sell" : "Buy")
        let updated = position.updatedAt == 0 ? now : position.updatedAt
        return .object([
            ("positionIdx", .int(0)), ("riskId", .int(1)), ("riskLimitValue", .string("2000000")),
            ("symbol", .string(line.symbol)), ("side", .string(side)),
            ("size", .string(position.amount.magnitude.description)),
            ("avgPrice", .string(position.entryPrice.description)),
            ("positionValue", .string(line.notional.magnitude.description)), ("tradeMode", .int(0)),
            ("positionStatus", .string("Normal")), ("autoAddMargin", .int(0)), ("adlRankIndicator", .int(0)),
            ("leverage", .string(String(line.leverage))),
            ("positionBalance", .string(line.initialMargin.description)),
            ("markPrice", .string(line.markPrice.description)), ("liqPrice", .string("")), ("bustPrice", .string("")),
            ("positionMM", .string(line.maintenanceMargin.description)),
            ("positionIM", .string(line.initialMargin.description)), ("tpslMode", .string("Full")),
            ("takeProfit", .string("0")), ("stopLoss", .string("0")), ("trailingStop", .string("0")),
            ("unrealisedPnl", .string(line.unrealizedProfit.description)), ("curRealisedPnl", .string("0")),
            ("cumRealisedPnl", .string(realized.description)), ("seq", .int(updated)),
            ("isReduceOnly", .bool(false)), ("mmrSysUpdatedTime", .string("")),
            ("leverageSysUpdatedTime", .string("")), ("sessionAvgPrice", .string("")),
            ("createdTime", .string(String(updated))), ("updatedTime", .string(String(updated))),
        ])
    }

    static func setLeverage(_ call: inout BybitCall, _ state: inout EngineState) throws(BybitError) -> JSONValue {
        let category = try call.category([.linear, .inverse])
        let market = try call.market(&state, category: category)
        let buy = try call.parameters.required("buyLeverage")
        let sell = try call.parameters.required("sellLeverage")
        guard buy == sell else { throw .parameter("buyLeverage must be equal to sellLeverage in one-way mode") }
        guard let value = ExactDecimal(exactly: buy), value.isMultiple(of: 1), let leverage = Int(value.normalized.description),
            (1...100).contains(leverage)
        else { throw BybitError(code: 10001, message: "leverage invalid") }
        if state.accounts[call.accountID]?.leverage(for: market.rules.symbol) == leverage {
            throw BybitError(code: 110043, message: "leverage not modified")
        }
        do {
            try state.setLeverage(accountID: call.accountID, symbol: market.rules.symbol, leverage: leverage)
        } catch {
            throw BybitError(code: 10001, message: "leverage invalid")
        }
        return .object([])
    }
}
