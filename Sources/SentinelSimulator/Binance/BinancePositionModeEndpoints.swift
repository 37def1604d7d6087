import SentinelCore

/// USDⓈ-M account modes: hedge mode (`positionSide/dual`: a LONG and a SHORT leg per symbol), margin type per
/// symbol (`marginType`) and multi-assets margin — each refused while something it would change is open, as Binance
/// does.
extension BinanceDialect {
    static let modeChanged: JSONValue = .object([("code", .int(200)), ("msg", .string("success"))])

    static func positionModeEndpoints() -> [BinanceEndpoint] {
        [
            BinanceEndpoint("GET", "/fapi/v1/positionSide/dual", .userData, weight: 30) { call, state throws(BinanceError) in
                .object([("dualSidePosition", .bool(state.accounts[call.accountID]?.hedgeMode ?? false))])
            },
            BinanceEndpoint("POST", "/fapi/v1/positionSide/dual", .trade, weight: 1) { call, state throws(BinanceError) in
                let hedge = try call.parameters.boolean("dualSidePosition")
                guard var account = state.accounts[call.accountID] else { throw call.flavor.unknownKeyError }
                guard account.hedgeMode != hedge else {
                    throw BinanceError(status: 400, code: -4059, message: "No need to change position side.")
                }
                guard account.openOrders(kind: .perpetual).isEmpty else {
                    throw BinanceError(
                        status: 400, code: -4067, message: "Position side cannot be changed if there exists open orders.")
                }
                guard account.positions.values.allSatisfy(\.isFlat) else {
                    throw BinanceError(
                        status: 400, code: -4068, message: "Position side cannot be changed if there exists position.")
                }
                account.hedgeMode = hedge
                account.positions = [:]
                state.accounts[call.accountID] = account
                return modeChanged
            },
            BinanceEndpoint("POST", "/fapi/v1/marginType", .trade, weight: 1) { call, state throws(BinanceError) in
                let symbol = try call.market(&state).rules.symbol
                let isolated: Bool
                switch try call.parameters.required("marginType") {
                case "ISOLATED": isolated = true
                case "CROSSED": isolated = false
                default: throw .mandatory("marginType")
                }
                guard var account = state.accounts[call.accountID] else { throw call.flavor.unknownKeyError }
                guard account.isolatedSymbols.contains(symbol) != isolated else {
                    throw BinanceError(status: 400, code: -4046, message: "No need to change margin type.")
                }
                guard account.openOrders(symbol: symbol, kind: .perpetual).isEmpty else {
                    throw BinanceError(
                        status: 400, code: -4047, message: "Margin type cannot be changed if there exists open orders.")
                }
                let open = account.positionSides.contains { side in
                    !(account.positions[Account.positionKey(symbol, side)]?.isFlat ?? true)
                }
                guard !open else {
                    throw BinanceError(
                        status: 400, code: -4048, message: "Margin type cannot be changed if there exists position.")
                }
                if isolated { account.isolatedSymbols.insert(symbol) } else { account.isolatedSymbols.remove(symbol) }
                state.accounts[call.accountID] = account
                return modeChanged
            },
            // The account's and each symbol's configuration in one read (what ccxt's fetchMarginMode asks).
            BinanceEndpoint("GET", "/fapi/v1/accountConfig", .userData, weight: 5) { call, state throws(BinanceError) in
                guard let account = state.accounts[call.accountID] else { throw call.flavor.unknownKeyError }
                return .object([
                    ("feeTier", .int(0)), ("canTrade", .bool(true)), ("canDeposit", .bool(true)),
                    ("canWithdraw", .bool(true)), ("dualSidePosition", .bool(account.hedgeMode)),
                    ("updateTime", .int(0)), ("multiAssetsMargin", .bool(account.multiAssetsMargin)),
                    ("tradeGroupId", .int(-1)),
                ])
            },
            BinanceEndpoint("GET", "/fapi/v1/symbolConfig", .userData, weight: 5) { call, state throws(BinanceError) in
                let markets = call.parameters["symbol"] != nil ? [try call.market(&state)] : call.allMarkets(&state)
                guard let account = state.accounts[call.accountID] else { throw call.flavor.unknownKeyError }
                return .array(
                    markets.map { market in
                        let symbol = market.rules.symbol
                        return .object([
                            ("symbol", .string(symbol)),
                            ("marginType", .string(account.isolatedSymbols.contains(symbol) ? "ISOLATED" : "CROSSED")),
                            ("isAutoAddMargin", .string("false")), ("leverage", .int(account.leverage(for: symbol))),
                            ("maxNotionalValue", .string("1000000")),
                        ])
                    })
            },
            BinanceEndpoint("GET", "/fapi/v1/multiAssetsMargin", .userData, weight: 30) { call, state throws(BinanceError) in
                .object([("multiAssetsMargin", .bool(state.accounts[call.accountID]?.multiAssetsMargin ?? false))])
            },
            BinanceEndpoint("POST", "/fapi/v1/multiAssetsMargin", .trade, weight: 1) { call, state throws(BinanceError) in
                let enabled = try call.parameters.boolean("multiAssetsMargin")
                state.accounts[call.accountID]?.multiAssetsMargin = enabled
                return modeChanged
            },
        ]
    }
}
