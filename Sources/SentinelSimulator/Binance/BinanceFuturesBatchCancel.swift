import Foundation

/// `DELETE /fapi/v1/batchOrders`: cancels up to 10 orders named by `orderIdList=[1,2]` or
/// `origClientOrderIdList=["a","b"]` (or the all-lower-case names some widely used clients send, which Binance
/// accepts too); the answer lists the cancelled order or an error for each, in request order.
extension BinanceDialect {
    static let batchCancelLimit = 10

    static func futuresBatchCancel(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let rules = try call.market(&state).rules
        var lookups: [OrderLookup] = []
        if let text = call.parameters["orderIdList"] ?? call.parameters["orderidlist"] {
            guard let ids = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [NSNumber] else {
                throw BinanceError(status: 400, code: -1130, message: "Data sent for parameter 'orderIdList' is not valid.")
            }
            lookups = ids.map { .id($0.int64Value) }
        } else if let text = call.parameters["origClientOrderIdList"] ?? call.parameters["origclientorderidlist"] {
            guard let ids = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String] else {
                throw BinanceError(
                    status: 400, code: -1130, message: "Data sent for parameter 'origClientOrderIdList' is not valid.")
            }
            lookups = ids.map { .clientOrderID($0) }
        } else {
            throw .orderLookupMissing
        }
        guard (1...batchCancelLimit).contains(lookups.count) else {
            throw BinanceError(status: 400, code: -1130, message: "Data sent for parameter 'orderIdList' is not valid.")
        }
        return .array(
            lookups.map { lookup in
                do throws(TradingRejection) {
                    let order = try state.cancelOrder(
                        accountID: call.accountID, kind: .perpetual, symbol: rules.symbol, lookup: lookup, now: call.now)
                    return BinanceFuturesOrderJSON.order(order, rules: rules, includeTime: false)
                } catch {
                    return call.flavor.error(for: error, rules: rules, cancelling: true).json
                }
            })
    }
}
