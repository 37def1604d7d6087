import SentinelCore

/// `GET /api/v3/account` and `GET /sapi/v1/account/apiRestrictions`.
extension BinanceDialect {
    static func spotAccount(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        guard let account = state.accounts[call.accountID] else { throw call.flavor.unknownKeyError }
        let omitZero = call.parameters["omitZeroBalances"] == "true"
        let balances = account.spot.keys.sorted().compactMap { asset -> JSONValue? in
            guard let balance = account.spot[asset] else { return nil }
            if omitZero, balance.free.isZero, balance.locked.isZero { return nil }
            return .object([
                ("asset", .string(asset)), ("free", .string(balance.free.fixed(8))),
                ("locked", .string(balance.locked.fixed(8))),
            ])
        }
        return .object([
            ("makerCommission", .int(10)), ("takerCommission", .int(10)), ("buyerCommission", .int(0)),
            ("sellerCommission", .int(0)),
            (
                "commissionRates",
                .object([
                    ("maker", .string(EngineState.spotFeeRate.fixed(8))),
                    ("taker", .string(EngineState.spotFeeRate.fixed(8))),
                    ("buyer", .string(ExactDecimal.zero.fixed(8))), ("seller", .string(ExactDecimal.zero.fixed(8))),
                ])
            ),
            ("canTrade", .bool(true)), ("canWithdraw", .bool(true)), ("canDeposit", .bool(true)),
            ("brokered", .bool(false)), ("requireSelfTradePrevention", .bool(false)), ("preventSor", .bool(false)),
            ("updateTime", .int(account.updatedAt)), ("accountType", .string("SPOT")),
            ("balances", .array(balances)), ("permissions", .array([.string("SPOT")])),
            ("uid", .int(Int64(100_000_000 + account.id))),
        ])
    }

    /// The key's permissions as Binance reports them (fact sheet §4, Key permissions).
    static func apiRestrictions(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        guard let key = call.key else { throw call.flavor.unknownKeyError }
        let permissions = key.permissions
        var members: [(String, JSONValue)] = [
            ("ipRestrict", .bool(!key.ipWhitelist.isEmpty)),
            ("createTime", .int(key.createdAt)),
            ("enableReading", .bool(permissions.contains(.read))),
            ("enableWithdrawals", .bool(permissions.contains(.withdraw))),
            ("enableInternalTransfer", .bool(permissions.contains(.transfer))),
            ("enableMargin", .bool(false)),
            ("enableFutures", .bool(permissions.contains(.futures))),
            ("permitsUniversalTransfer", .bool(permissions.contains(.transfer))),
            ("enableVanillaOptions", .bool(false)),
            ("enableFixApiTrade", .bool(false)),
            ("enableFixReadOnly", .bool(false)),
            ("enableSpotAndMarginTrading", .bool(permissions.contains(.trade) && !key.isExpired(at: call.now))),
            ("enablePortfolioMarginTrading", .bool(false)),
        ]
        if let expiresAt = key.expiresAt { members.append(("tradingAuthorityExpirationTime", .int(expiresAt))) }
        return .object(members)
    }
}
