/// `POST /api/v3/order/test` and `POST /fapi/v1/order/test`: the order is checked exactly as a real one (parameters,
/// filters, duplicate client id, post-only, funds) on a scratch copy of the exchange, then forgotten; `{}` on success.
/// (Binance's own test endpoint may not check funds; the simulator does, which is the stricter answer.)
extension BinanceDialect {
    static func spotTestOrder(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        var scratch = state
        let request = try call.orderRequest(call.parameters, state: &scratch)
        do {
            _ = try scratch.placeSpotOrder(exchange: call.flavor.exchange, accountID: call.accountID, request: request, now: call.now)
        } catch {
            throw call.flavor.error(for: error, rules: try? call.market(&scratch, symbol: request.symbol).rules)
        }
        return .object([])
    }

    static func futuresTestOrder(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        var scratch = state
        let request = try call.orderRequest(call.parameters, state: &scratch)
        do {
            _ = try scratch.placePerpetualOrder(exchange: call.flavor.exchange, accountID: call.accountID, request: request, now: call.now)
        } catch {
            throw call.flavor.error(for: error, rules: try? call.market(&scratch, symbol: request.symbol).rules)
        }
        return .object([])
    }
}
