import SentinelCore

/// The account's fee rates as each Binance API reports them: spot per symbol (`account/commission`, and the
/// wallet's `asset/tradeFee`), USDⓈ-M per symbol (`commissionRate`). The engine charges the same rates.
extension BinanceDialect {
    /// binance.com only (Binance.US reports fees elsewhere).
    static func spotFeeEndpoints() -> [BinanceEndpoint] {
        [
            BinanceEndpoint("GET", "/api/v3/account/commission", .userData, weight: 20) {
                call, state throws(BinanceError) in
                let symbol = try call.market(&state).rules.symbol
                let rate = EngineState.spotFeeRate.fixed(8)
                let zero = ExactDecimal.zero.fixed(8)
                let rates: JSONValue = .object([
                    ("maker", .string(rate)), ("taker", .string(rate)), ("buyer", .string(zero)),
                    ("seller", .string(zero)),
                ])
                return .object([
                    ("symbol", .string(symbol)),
                    ("standardCommission", rates),
                    (
                        "taxCommission",
                        .object([
                            ("maker", .string(zero)), ("taker", .string(zero)), ("buyer", .string(zero)),
                            ("seller", .string(zero)),
                        ])
                    ),
                    (
                        "discount",
                        .object([
                            ("enabledForAccount", .bool(false)), ("enabledForSymbol", .bool(false)),
                            ("discountAsset", .string("BNB")), ("discount", .string("0.75000000")),
                        ])
                    ),
                ])
            },
            BinanceEndpoint("GET", "/sapi/v1/asset/tradeFee", .userData, testnet: false, weight: 1) {
                    call, state throws(BinanceError) in
                    var markets = call.allMarkets(&state)
                    if let symbol = call.parameters["symbol"] {
                        markets = markets.filter { $0.rules.symbol == symbol }
                        if markets.isEmpty { throw .invalidSymbol }
                    }
                    let rate = EngineState.spotFeeRate.description
                    return .array(
                        markets.map {
                            .object([
                                ("symbol", .string($0.rules.symbol)), ("makerCommission", .string(rate)),
                                ("takerCommission", .string(rate)),
                            ])
                        })
                },
        ]
    }

    static func futuresFeeEndpoints() -> [BinanceEndpoint] {
        [
            BinanceEndpoint("GET", "/fapi/v1/commissionRate", .userData, weight: 20) { call, state throws(BinanceError) in
                .object([
                    ("symbol", .string(try call.market(&state).rules.symbol)),
                    ("makerCommissionRate", .string(EngineState.perpetualMakerFeeRate.description)),
                    ("takerCommissionRate", .string(EngineState.perpetualTakerFeeRate.description)),
                    ("rpiCommissionRate", .string("0")),
                ])
            }
        ]
    }
}
