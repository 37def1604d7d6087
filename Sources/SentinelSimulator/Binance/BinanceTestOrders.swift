/// `POST /api/v3/order/test` and `POST /fapi/v1/order/test`: the order is checked exactly as a real one (parameters,
/// filters, duplicate client id, post-only, funds) on a scratch copy of the exchange, then forgotten; `{}` on success.
/// (Binance's own test endpoint may not check funds; the simulator does, which is the stricter answer.)
extension BinanceDialect {
    /// `order/test` checks the parameters and the symbol's filters, as Binance does before the matching engine; the
    /// matching engine's own checks (balance, post-only, duplicate client id) are not run.
    static func spotTestOrder(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        try checkWithoutMatching(&call, &state)
    }

    static func futuresTestOrder(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        try checkWithoutMatching(&call, &state)
    }

    private static func checkWithoutMatching(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError)
        -> JSONValue
    {
        var scratch = state
        let request = try call.orderRequest(call.parameters, state: &scratch)
        let market = try call.market(&scratch, symbol: request.symbol)
        let isMarket = request.type == .market
        do {
            try market.rules.validate(
                price: isMarket ? nil : request.price, quantity: request.quantity, referencePrice: market.mid,
                isMarket: isMarket, side: request.side)
        } catch .notionalBelowMinimum where request.reduceOnly && call.flavor == .usdm {
        } catch {
            throw call.flavor.error(for: .filter(error), rules: market.rules)
        }
        return .object([])
    }
}
