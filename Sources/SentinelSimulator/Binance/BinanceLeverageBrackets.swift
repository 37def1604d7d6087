/// `GET /fapi/v1/leverageBracket`: notional tiers with their maximum leverage and maintenance margin ratio. Clients
/// (ccxt among them) read it before computing positions. The simulator's margin model uses the first tier.
extension BinanceDialect {
    struct Bracket {
        let initialLeverage: Int
        let floor: Int
        let cap: Int
        let maintenanceRatio: String
        let cumulative: String
    }

    static let brackets: [Bracket] = [
        Bracket(initialLeverage: 125, floor: 0, cap: 50_000, maintenanceRatio: "0.004", cumulative: "0.0"),
        Bracket(initialLeverage: 100, floor: 50_000, cap: 250_000, maintenanceRatio: "0.005", cumulative: "50.0"),
        Bracket(initialLeverage: 50, floor: 250_000, cap: 3_000_000, maintenanceRatio: "0.01", cumulative: "1300.0"),
        Bracket(initialLeverage: 20, floor: 3_000_000, cap: 20_000_000, maintenanceRatio: "0.025", cumulative: "46300.0"),
    ]

    static func futuresLeverageBrackets(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        func entry(_ symbol: String) -> JSONValue {
            .object([
                ("symbol", .string(symbol)), ("notionalCoef", .number("1.0")),
                (
                    "brackets",
                    .array(
                        brackets.enumerated().map { index, bracket in
                            .object([
                                ("bracket", .int(index + 1)), ("initialLeverage", .int(bracket.initialLeverage)),
                                ("notionalCap", .int(bracket.cap)), ("notionalFloor", .int(bracket.floor)),
                                ("maintMarginRatio", .number(bracket.maintenanceRatio)), ("cum", .number(bracket.cumulative)),
                            ])
                        })
                ),
            ])
        }
        if call.parameters["symbol"] != nil { return entry(try call.market(&state).rules.symbol) }
        return .array(call.allMarkets(&state).map { entry($0.rules.symbol) })
    }
}
