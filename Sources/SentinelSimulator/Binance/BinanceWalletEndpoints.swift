import SentinelCore

/// The `/sapi` endpoints a client reads while loading markets on binance.com (ccxt's default start-up): the coin
/// list with each coin's networks and deposit/withdraw flags, and the cross and isolated margin pairs. The
/// simulator moves no coins between chains; the flags say what the key's account could do on the real exchange.
extension BinanceDialect {
    static func walletEndpoints() -> [BinanceEndpoint] {
        [
            BinanceEndpoint(
                "GET", "/sapi/v1/capital/config/getall", .userData, testnet: false, weight: 10, handler: coinConfigs),
            BinanceEndpoint(
                "GET", "/sapi/v1/capital/withdraw/history", .userData, testnet: false, weight: 1,
                handler: withdrawHistory),
            BinanceEndpoint("GET", "/sapi/v1/margin/allPairs", .apiKey, testnet: false, weight: 1, handler: marginPairs),
            BinanceEndpoint(
                "GET", "/sapi/v1/margin/isolated/allPairs", .userData, testnet: false, weight: 10,
                handler: marginPairs),
        ]
    }

    /// One entry per coin the listener's spot markets trade, with the account's balance.
    static func coinConfigs(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        guard let account = state.accounts[call.accountID] else { throw call.flavor.unknownKeyError }
        var coins = Set<String>()
        for market in call.allMarkets(&state) {
            coins.insert(market.rules.base)
            coins.insert(market.rules.quote)
        }
        return .array(
            coins.sorted().map { coin in
                let balance = account.spot[coin]
                let zero = ExactDecimal.zero.fixed(8)
                return .object([
                    ("coin", .string(coin)),
                    ("depositAllEnable", .bool(true)),
                    ("withdrawAllEnable", .bool(true)),
                    ("name", .string(BinanceCoinNetwork.coinName(coin))),
                    ("free", .string(balance?.free.fixed(8) ?? zero)),
                    ("locked", .string(balance?.locked.fixed(8) ?? zero)),
                    ("freeze", .string(zero)), ("withdrawing", .string(zero)), ("ipoing", .string(zero)),
                    ("ipoable", .string(zero)), ("storage", .string(zero)),
                    ("isLegalMoney", .bool(false)),
                    ("trading", .bool(true)),
                    ("networkList", .array(BinanceCoinNetwork.networks(of: coin).map(\.json))),
                ])
            })
    }

    /// The account's withdrawals, newest first: by `coin` and `status`, within `startTime`…`endTime` (default the
    /// last 90 days, and never a longer span), `offset` and `limit` (default and most 1000).
    static func withdrawHistory(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        guard let account = state.accounts[call.accountID] else { throw call.flavor.unknownKeyError }
        let ninetyDays: Int64 = 90 * 86_400_000
        let end = try call.parameters.integer("endTime") ?? call.now
        let start = try call.parameters.integer("startTime") ?? end - ninetyDays
        guard end - start <= ninetyDays, start <= end else {
            throw BinanceError(
                status: 400, code: -1128, message: "Time interval must be within 0-90 days")
        }
        let offset = Int(try call.parameters.integer("offset") ?? 0)
        let limit = Int(try call.parameters.integer("limit") ?? 1000)
        guard offset >= 0 else { throw .mandatory("offset") }
        guard (1...1000).contains(limit) else { throw .mandatory("limit") }
        let status = try call.parameters.integer("status")
        let coin = call.parameters["coin"]
        let records = account.withdrawals.reversed().filter { record in
            record.createdAt >= start && record.createdAt <= end && (coin.map { $0 == record.coin } ?? true)
                && (status.map { $0 == 6 } ?? true)
        }
        return .array(
            records.dropFirst(offset).prefix(limit).map { record in
                .object([
                    ("id", .string(record.id)),
                    ("amount", .string(record.amount.fixed(8))),
                    ("transactionFee", .string(record.fee.fixed(8))),
                    ("coin", .string(record.coin)),
                    ("status", .int(6)),
                    ("address", .string(record.address)),
                    ("txId", .string(record.transactionID)),
                    ("applyTime", .string(UTCTimeText.spaced(record.createdAt))),
                    ("network", .string(record.network)),
                    ("transferType", .int(0)),
                    ("confirmNo", .int(12)),
                    ("walletType", .int(0)),
                    ("txKey", .string("")),
                    ("completeTime", .string(UTCTimeText.spaced(record.createdAt + 60_000))),
                ])
            })
    }

    /// Every spot market is a margin pair here (cross and isolated alike); `symbol` narrows to one.
    static func marginPairs(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        var markets = call.allMarkets(&state)
        if let symbol = call.parameters["symbol"] {
            markets = markets.filter { $0.rules.symbol == symbol }
            if markets.isEmpty { throw .invalidSymbol }
        }
        return .array(
            markets.map { market in
                .object([
                    ("id", .int(Int64(MarketState.stableHash(market.rules.symbol) >> 12))),
                    ("symbol", .string(market.rules.symbol)),
                    ("base", .string(market.rules.base)),
                    ("quote", .string(market.rules.quote)),
                    ("isMarginTrade", .bool(true)),
                    ("isBuyAllowed", .bool(true)),
                    ("isSellAllowed", .bool(true)),
                ])
            })
    }
}

/// A chain a coin moves on, as `capital/config/getall` lists it.
struct BinanceCoinNetwork: Sendable {
    let coin: String
    let network: String
    let name: String
    let isDefault: Bool
    let withdrawFee: String
    let withdrawMin: String
    let minConfirm: Int64

    static func networks(of coin: String) -> [BinanceCoinNetwork] {
        switch coin {
        case "BTC":
            [BinanceCoinNetwork(coin: coin, network: "BTC", name: "Bitcoin", isDefault: true, withdrawFee: "0.00002",
                withdrawMin: "0.0001", minConfirm: 1)]
        case "ETH":
            [BinanceCoinNetwork(coin: coin, network: "ETH", name: "Ethereum (ERC20)", isDefault: true,
                withdrawFee: "0.0004", withdrawMin: "0.001", minConfirm: 6)]
        case "USDT":
            [
                BinanceCoinNetwork(coin: coin, network: "ETH", name: "Ethereum (ERC20)", isDefault: false,
                    withdrawFee: "4", withdrawMin: "10", minConfirm: 6),
                BinanceCoinNetwork(coin: coin, network: "TRX", name: "Tron (TRC20)", isDefault: true,
                    withdrawFee: "1", withdrawMin: "10", minConfirm: 1),
            ]
        default:
            [BinanceCoinNetwork(coin: coin, network: coin, name: coinName(coin), isDefault: true, withdrawFee: "1",
                withdrawMin: "1", minConfirm: 1)]
        }
    }

    static func coinName(_ coin: String) -> String {
        switch coin {
        case "BTC": "Bitcoin"
        case "ETH": "Ethereum"
        case "USDT": "TetherUS"
        default: coin
        }
    }

    var json: JSONValue {
        .object([
            ("network", .string(network)), ("coin", .string(coin)),
            ("withdrawIntegerMultiple", .string("0.00000001")), ("isDefault", .bool(isDefault)),
            ("depositEnable", .bool(true)), ("withdrawEnable", .bool(true)),
            ("depositDesc", .string("")), ("withdrawDesc", .string("")), ("specialTips", .string("")),
            ("specialWithdrawTips", .string("")), ("name", .string(name)), ("resetAddressStatus", .bool(false)),
            ("addressRegex", .string(network == "BTC" ? "^(bc1|[13])[a-zA-HJ-NP-Z0-9]{25,62}$" : "^(0x)[0-9A-Fa-f]{40}$")),
            ("memoRegex", .string("")), ("withdrawFee", .string(withdrawFee)), ("withdrawMin", .string(withdrawMin)),
            ("withdrawMax", .string("9999999999")), ("withdrawInternalMin", .string("0.00000001")),
            ("depositDust", .string("0.00000001")), ("minConfirm", .int(minConfirm)), ("unLockConfirm", .int(0)),
            ("sameAddress", .bool(false)), ("estimatedArrivalTime", .int(5)), ("busy", .bool(false)),
            ("contractAddressUrl", .string("")), ("contractAddress", .string("")),
        ])
    }
}
