/// What ccxt's `kucoin` class reads when it starts (kucoin.md, issue notes): the account mode (classic, not the
/// unified account), currencies, the margin symbol lists (none are simulated) and whether the account uses HF
/// trading (it does).
extension KuCoinDialect {
    static func spotStartupEndpoints() -> [KuCoinEndpoint] {
        [
            KuCoinEndpoint("GET", "/api/ua/v1/account/mode", .general, .management, weight: 60) { _, _ in
                .object([("selfAccountMode", .string("CLASSIC"))])
            },
            KuCoinEndpoint("GET", "/api/v1/hf/accounts/opened", .general, .management, weight: 2) { _, _ in .bool(true) },
            KuCoinEndpoint("GET", "/api/v3/currencies", .none, .publicPool, weight: 3) { _, _ in
                .array(currencies.map(currency))
            },
            KuCoinEndpoint("GET", "/api/v3/margin/symbols", .general, .spot, weight: 3) { call, _ in
                .object([("timestamp", .int(call.now)), ("items", .array([]))])
            },
            KuCoinEndpoint("GET", "/api/v1/isolated/symbols", .general, .management, weight: 20) { _, _ in .array([]) },
        ]
    }

    static let currencies: [(code: String, name: String, precision: Int64, chain: String)] = [
        ("BTC", "Bitcoin", 8, "btc"), ("ETH", "Ethereum", 8, "eth"), ("USDT", "Tether", 8, "trx"),
    ]

    static func currency(_ entry: (code: String, name: String, precision: Int64, chain: String)) -> JSONValue {
        .object([
            ("currency", .string(entry.code)), ("name", .string(entry.code)), ("fullName", .string(entry.name)),
            ("precision", .int(entry.precision)), ("confirms", .null), ("contractAddress", .null),
            ("isMarginEnabled", .bool(true)), ("isDebitEnabled", .bool(true)),
            ("chains", .array([
                .object([
                    ("chainName", .string(entry.chain.uppercased())), ("withdrawalMinSize", .string("0.001")),
                    ("depositMinSize", .null), ("withdrawFeeRate", .string("0")), ("withdrawalMinFee", .string("0.0001")),
                    ("isWithdrawEnabled", .bool(true)), ("isDepositEnabled", .bool(true)), ("confirms", .int(2)),
                    ("preConfirms", .int(2)), ("contractAddress", .string("")), ("withdrawPrecision", .int(8)),
                    ("maxWithdraw", .null), ("maxDeposit", .null), ("needTag", .bool(false)), ("chainId", .string(entry.chain)),
                ])
            ])),
        ])
    }
}
