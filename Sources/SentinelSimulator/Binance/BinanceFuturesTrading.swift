import Foundation
import SentinelCore

/// USDⓈ-M order endpoints: place, batch place, query, cancel, open orders, cancel all, user trades.
extension BinanceDialect {
    static func futuresPlaceOrder(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        try futuresPlace(call.parameters, &call, &state)
    }

    static func futuresPlace(
        _ parameters: BinanceParameters, _ call: inout BinanceCall, _ state: inout EngineState
    ) throws(BinanceError) -> JSONValue {
        let request = try call.orderRequest(parameters, state: &state)
        // ACK (the default) answers as the order was accepted, before matching: NEW, nothing executed yet.
        let responseType = parameters["newOrderRespType"] ?? "ACK"
        guard responseType == "ACK" || responseType == "RESULT" else { throw .mandatory("newOrderRespType") }
        try call.checkOpenOrderCap(symbol: request.symbol, kind: .perpetual, state: state)
        try call.admitOrders(1, state: &state)
        let rules = try call.market(&state, symbol: request.symbol).rules
        do {
            let placed = try state.placePerpetualOrder(
                exchange: call.flavor.exchange, accountID: call.accountID, request: request, now: call.now)
            var answered = placed.order
            if responseType == "ACK" {
                answered.executedQuantity = .zero
                answered.cumulativeQuote = .zero
                answered.status = .new
            }
            return BinanceFuturesOrderJSON.order(answered, rules: rules, includeTime: false)
        } catch {
            throw call.flavor.error(for: error, rules: rules)
        }
    }

    /// `batchOrders=[{...},...]`: at most 5, each placed on its own; the answer lists an order or an error for each,
    /// in request order.
    static func futuresBatchOrders(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let text = try call.parameters.required("batchOrders")
        guard let data = text.data(using: .utf8),
            let list = (try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]]
        else {
            throw BinanceError(status: 400, code: -1130, message: "Data sent for parameter 'batchOrders' is not valid.")
        }
        guard (1...5).contains(list.count) else {
            throw BinanceError(status: 400, code: -1130, message: "Data sent for parameter 'batchOrders' is not valid.")
        }
        var results: [JSONValue] = []
        for entry in list {
            let query = entry.keys.sorted().map { name -> String in
                let value: String
                switch entry[name] {
                case let text as String: value = text
                case let number as NSNumber: value = number.stringValue
                default: value = ""
                }
                return name + "=" + (value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            }.joined(separator: "&")
            do {
                results.append(try futuresPlace(BinanceParameters(query: query, body: ""), &call, &state))
            } catch {
                results.append(error.json)
            }
        }
        return .array(results)
    }

    static func futuresQueryOrder(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let rules = try call.market(&state).rules
        guard
            let order = state.findOrder(
                accountID: call.accountID, kind: .perpetual, symbol: rules.symbol, lookup: try call.orderLookup())
        else { throw .orderDoesNotExist }
        return BinanceFuturesOrderJSON.order(order, rules: rules, includeTime: true)
    }

    static func futuresOpenOrder(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let rules = try call.market(&state).rules
        guard
            let order = state.findOrder(
                accountID: call.accountID, kind: .perpetual, symbol: rules.symbol, lookup: try call.orderLookup()),
            order.status.isOpen
        else { throw BinanceError(status: 400, code: -2013, message: "Order does not exist.") }
        return BinanceFuturesOrderJSON.order(order, rules: rules, includeTime: true)
    }

    static func futuresCancelOrder(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let rules = try call.market(&state).rules
        let lookup = try call.orderLookup()
        do {
            let order = try state.cancelOrder(
                accountID: call.accountID, kind: .perpetual, symbol: rules.symbol, lookup: lookup, now: call.now)
            return BinanceFuturesOrderJSON.order(order, rules: rules, includeTime: false)
        } catch {
            throw call.flavor.error(for: error, rules: rules, cancelling: true)
        }
    }

    static func futuresOpenOrders(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let symbol = call.parameters["symbol"]
        var rulesBySymbol: [String: MarketRules] = [:]
        for market in call.allMarkets(&state) { rulesBySymbol[market.rules.symbol] = market.rules }
        if let symbol, rulesBySymbol[symbol] == nil { throw .invalidSymbol }
        let orders = state.accounts[call.accountID]?.openOrders(symbol: symbol, kind: .perpetual) ?? []
        return .array(
            orders.compactMap { order in
                rulesBySymbol[order.symbol].map { BinanceFuturesOrderJSON.order(order, rules: $0, includeTime: true) }
            })
    }

    static func futuresCancelAll(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let rules = try call.market(&state).rules
        _ = state.cancelAllOrders(accountID: call.accountID, kind: .perpetual, symbol: rules.symbol, now: call.now)
        return .object([("code", .int(200)), ("msg", .string("The operation of cancel all open order is done."))])
    }

    static func futuresUserTrades(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let rules = try call.market(&state).rules
        let format = BinanceMarketFormat(rules: rules)
        let limit = Int(try call.parameters.integer("limit") ?? 500)
        let sides = (state.accounts[call.accountID]?.orders ?? [:]).mapValues(\.positionSide)
        let trades = (state.accounts[call.accountID]?.trades ?? []).filter {
            $0.kind == .perpetual && $0.symbol == rules.symbol
        }
        return .array(
            trades.suffix(limit).map { trade in
                .object([
                    ("symbol", .string(trade.symbol)), ("id", .int(trade.id)), ("orderId", .int(trade.orderID)),
                    ("side", .string(trade.side == .buy ? "BUY" : "SELL")),
                    ("price", .string(format.price(trade.price.exact))), ("qty", .string(format.quantity(trade.quantity.exact))),
                    ("realizedPnl", .string(trade.realizedProfit.exact.fixed(8))), ("marginAsset", .string("USDT")),
                    ("quoteQty", .string(trade.quoteQuantity.exact.fixed(5))),
                    ("commission", .string(trade.commission.exact.fixed(8))),
                    ("commissionAsset", .string(trade.commissionAsset)), ("time", .int(trade.time)),
                    ("positionSide", .string(BinanceFuturesOrderJSON.positionSide(sides[trade.orderID] ?? .both))),
                    ("maker", .bool(trade.isMaker)), ("buyer", .bool(trade.side == .buy)),
                ])
            })
    }

    /// `PUT /fapi/v1/order`: a resting LIMIT order's price and quantity, changed in place.
    static func futuresModifyOrder(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let rules = try call.market(&state).rules
        let lookup = try call.orderLookup()
        guard let side = call.parameters["side"], side == "BUY" || side == "SELL" else { throw .mandatory("side") }
        guard let quantity = try call.parameters.decimal("quantity") else { throw .mandatory("quantity") }
        guard let price = try call.parameters.decimal("price") else { throw .mandatory("price") }
        guard let order = state.findOrder(accountID: call.accountID, kind: .perpetual, symbol: rules.symbol, lookup: lookup)
        else { throw .orderDoesNotExist }
        guard order.status.isOpen else {
            throw BinanceError(status: 400, code: -2013, message: "Order does not exist.")
        }
        guard (order.side == .buy ? "BUY" : "SELL") == side else { throw .invalidSide }
        guard order.type == .limit else {
            throw BinanceError(status: 400, code: -5025, message: "Only limit order is supported.")
        }
        guard order.price?.value != price || order.quantity.value != quantity else {
            throw BinanceError(status: 400, code: -5027, message: "No need to modify the order.")
        }
        guard quantity > order.executedQuantity.value else {
            throw BinanceError(status: 400, code: -1013, message: "Invalid quantity.")
        }
        try call.admitOrders(1, state: &state)
        do {
            let modified = try state.modifyPerpetualOrder(
                exchange: call.flavor.exchange, accountID: call.accountID, symbol: rules.symbol, lookup: lookup,
                price: Price(price), quantity: Quantity(quantity), now: call.now)
            return BinanceFuturesOrderJSON.order(modified, rules: rules, includeTime: false)
        } catch {
            throw call.flavor.error(for: error, rules: rules)
        }
    }
}
