import SentinelCore

/// USDⓈ-M conditional orders through the Algo Order API (binance.md §4: STOP, TAKE_PROFIT and their _MARKET forms
/// left `/fapi/v1/order`, which answers -4120 for them): place, query, cancel, cancel all, open and all algo orders.
/// An algo order waits outside the book; when the price reaches `triggerPrice` it is placed as a regular order.
extension BinanceDialect {
    static func algoOrderEndpoints() -> [BinanceEndpoint] {
        [
            BinanceEndpoint("POST", "/fapi/v1/algoOrder", .trade, weight: 0, handler: placeAlgoOrder),
            BinanceEndpoint("GET", "/fapi/v1/algoOrder", .userData, weight: 1) { call, state throws(BinanceError) in
                let algo = try findAlgoOrder(&call, &state)
                return try algoJSON(algo, &call, &state)
            },
            BinanceEndpoint("DELETE", "/fapi/v1/algoOrder", .trade, weight: 1, handler: cancelAlgoOrder),
            BinanceEndpoint(
                "GET", "/fapi/v1/openAlgoOrders", .userData, weight: BinanceEndpoint.bySymbol(1, 40)
            ) { call, state throws(BinanceError) in
                let symbol = try call.parameters["symbol"].map { name throws(BinanceError) in
                    try call.market(&state, symbol: name).rules.symbol
                }
                let open = algoOrders(call, state).filter { $0.isOpen && (symbol == nil || $0.symbol == symbol) }
                return .array(try open.map { algo throws(BinanceError) in try algoJSON(algo, &call, &state) })
            },
            BinanceEndpoint("GET", "/fapi/v1/allAlgoOrders", .userData, weight: 5) { call, state throws(BinanceError) in
                let symbol = try call.market(&state).rules.symbol
                let limit = Int(try call.parameters.integer("limit") ?? 500)
                guard (1...1000).contains(limit) else { throw .mandatory("limit") }
                let start = try call.parameters.integer("startTime")
                let end = try call.parameters.integer("endTime")
                let all = algoOrders(call, state).filter { algo in
                    algo.symbol == symbol && (start.map { algo.createdAt >= $0 } ?? true)
                        && (end.map { algo.createdAt <= $0 } ?? true)
                }
                return .array(try all.suffix(limit).map { algo throws(BinanceError) in try algoJSON(algo, &call, &state) })
            },
            BinanceEndpoint("DELETE", "/fapi/v1/algoOpenOrders", .trade, weight: 1) { call, state throws(BinanceError) in
                let symbol = try call.market(&state).rules.symbol
                for algo in algoOrders(call, state) where algo.isOpen && algo.symbol == symbol {
                    state.accounts[call.accountID]?.algoOrders[algo.id]?.status = .canceled
                    state.accounts[call.accountID]?.algoOrders[algo.id]?.updatedAt = call.now
                }
                return .object([("code", .int(200)), ("msg", .string("The operation of cancel all open order is done."))])
            },
        ]
    }

    static let algoTypes: Set<String> = ["STOP", "TAKE_PROFIT", "STOP_MARKET", "TAKE_PROFIT_MARKET"]

    static func placeAlgoOrder(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let parameters = call.parameters
        let algoType = try parameters.required("algoType")
        guard algoType == "CONDITIONAL" else {
            throw BinanceError(status: 400, code: -1130, message: "Data sent for parameter 'algoType' is not valid.")
        }
        let typeName = try parameters.required("type")
        guard algoTypes.contains(typeName) else {
            // TRAILING_STOP_MARKET exists on Binance; the simulator does not trail prices.
            throw .invalidOrderType
        }
        let market = try call.market(&state)
        let rules = market.rules
        let side: OrderSide
        switch try parameters.required("side") {
        case "BUY": side = .buy
        case "SELL": side = .sell
        default: throw .invalidSide
        }
        guard let trigger = try parameters.decimal("triggerPrice").map(Price.init), trigger.isPositive else {
            throw .mandatory("triggerPrice")
        }
        let isMarket = typeName.hasSuffix("_MARKET")
        let price = isMarket ? nil : try parameters.decimal("price").map(Price.init)
        if !isMarket, price == nil { throw .mandatory("price") }
        let closePosition = try parameters["closePosition"].map { _ throws(BinanceError) in
            try parameters.boolean("closePosition")
        } ?? false
        if closePosition, !isMarket {
            throw BinanceError(status: 400, code: -4136, message: "Target strategy invalid for orderType \(typeName),closePosition true")
        }
        let quantity = try parameters.decimal("quantity").map(Quantity.init)
        if !closePosition, quantity == nil { throw .mandatory("quantity") }
        if closePosition, quantity != nil {
            throw BinanceError(status: 400, code: -1106, message: "Parameter 'quantity' sent when not required.")
        }
        var timeInForce = TimeInForce.goodTillCancel
        switch parameters["timeInForce"] {
        case nil, "GTC": timeInForce = .goodTillCancel
        case "IOC": timeInForce = .immediateOrCancel
        case "FOK": timeInForce = .fillOrKill
        case "GTX": timeInForce = .postOnly
        default: throw .invalidTimeInForce
        }
        var reduceOnly = false
        switch parameters["reduceOnly"] {
        case nil, "false", "FALSE": reduceOnly = false
        case "true", "TRUE": reduceOnly = true
        default: throw .mandatory("reduceOnly")
        }
        let positionSide: PositionSide
        switch parameters["positionSide"] {
        case nil, "BOTH": positionSide = .both
        case "LONG": positionSide = .long
        case "SHORT": positionSide = .short
        default: throw .positionSideMismatch
        }
        let hedged = state.accounts[call.accountID]?.hedgeMode ?? false
        guard hedged == (positionSide != .both) else { throw .positionSideMismatch }
        if hedged, parameters["reduceOnly"] != nil {
            throw BinanceError(status: 400, code: -1106, message: "Parameter 'reduceOnly' sent when not required.")
        }
        // The order's own filters, judged against its trigger: at the trigger it becomes a regular order.
        do {
            try rules.validate(
                price: price ?? trigger, quantity: quantity, referencePrice: trigger, isMarket: isMarket, side: side)
        } catch {
            throw call.flavor.error(for: .filter(error), rules: rules)
        }
        let kind: StopTrigger.Kind = typeName.hasPrefix("STOP") ? .stopLoss : .takeProfit
        let stop = StopTrigger(kind: kind, price: trigger, side: side)
        if stop.isReached(by: market.mid) {
            throw BinanceError(status: 400, code: -2021, message: "Order would immediately trigger.")
        }
        let clientID = try call.clientOrderID(parameters["clientAlgoId"], state: &state)
        if algoOrders(call, state).contains(where: { $0.isOpen && $0.clientID == clientID }) {
            throw BinanceError(status: 400, code: -4116, message: "ClientOrderId is duplicated.")
        }
        try call.admitOrders(1, state: &state)
        let algo = AlgoOrder(
            id: state.takeOrderID(), clientID: clientID, symbol: rules.symbol, side: side, positionSide: positionSide,
            typeName: typeName, timeInForce: timeInForce, quantity: quantity, price: price, trigger: stop,
            reduceOnly: reduceOnly, closePosition: closePosition, createdAt: call.now, updatedAt: call.now)
        state.accounts[call.accountID]?.algoOrders[algo.id] = algo
        return try algoJSON(algo, &call, &state)
    }

    static func cancelAlgoOrder(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        var algo: AlgoOrder
        do { algo = try findAlgoOrder(&call, &state) } catch { throw .unknownOrderSent }
        guard algo.isOpen else { throw .unknownOrderSent }
        algo.status = .canceled
        algo.updatedAt = call.now
        state.accounts[call.accountID]?.algoOrders[algo.id] = algo
        return .object([
            ("algoId", .int(algo.id)), ("clientAlgoId", .string(algo.clientID)), ("code", .string("200")),
            ("msg", .string("success")),
        ])
    }

    /// By `algoId` or `clientAlgoId` (the newest with that id).
    static func findAlgoOrder(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> AlgoOrder {
        // Bring the market up to now first: the order may have triggered since.
        for key in state.marketKeys(exchange: call.flavor.exchange, kind: .perpetual) { _ = state.market(key, now: call.now) }
        let id = try call.parameters.integer("algoId")
        let clientID = call.parameters["clientAlgoId"]
        guard id != nil || clientID != nil else { throw .mandatory("algoId") }
        let found = algoOrders(call, state).last { algo in
            (id.map { algo.id == $0 } ?? true) && (clientID.map { algo.clientID == $0 } ?? true)
        }
        guard let found else { throw .orderDoesNotExist }
        return found
    }

    static func algoOrders(_ call: BinanceCall, _ state: EngineState) -> [AlgoOrder] {
        (state.accounts[call.accountID]?.algoOrders.values.map { $0 } ?? []).sorted { $0.id < $1.id }
    }

    static func algoJSON(_ algo: AlgoOrder, _ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError)
        -> JSONValue
    {
        let format = BinanceMarketFormat(rules: try call.market(&state, symbol: algo.symbol).rules)
        var members: [(String, JSONValue)] = [
            ("algoId", .int(algo.id)), ("clientAlgoId", .string(algo.clientID)), ("algoType", .string("CONDITIONAL")),
            ("orderType", .string(algo.typeName)), ("symbol", .string(algo.symbol)),
            ("side", .string(algo.side == .buy ? "BUY" : "SELL")),
            ("positionSide", .string(BinanceFuturesOrderJSON.positionSide(algo.positionSide))),
            ("timeInForce", .string(BinanceFuturesOrderJSON.timeInForce(algo.timeInForce))),
            ("quantity", .string(format.quantity(algo.quantity?.exact ?? .zero))),
            ("algoStatus", .string(algo.status.rawValue)),
            ("triggerPrice", .string(format.price(algo.trigger.price.exact))),
            ("price", .string(format.price(algo.price?.exact ?? .zero))), ("icebergQuantity", .null),
            ("selfTradePreventionMode", .string("EXPIRE_MAKER")), ("workingType", .string("CONTRACT_PRICE")),
            ("priceMatch", .string("NONE")), ("closePosition", .bool(algo.closePosition)), ("priceProtect", .bool(false)),
            ("reduceOnly", .bool(algo.reduceOnly)), ("createTime", .int(algo.createdAt)),
            ("updateTime", .int(algo.updatedAt)), ("triggerTime", .int(algo.triggeredAt)), ("goodTillDate", .int(0)),
        ]
        if let actual = algo.actualOrderID { members.append(("actualOrderId", .string(String(actual)))) }
        return .object(members)
    }
}
