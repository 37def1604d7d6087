import SentinelCore

/// Order endpoints: create (an asynchronous acknowledgement with ids only), cancel, cancel-all, batches.
extension BybitDialect {
    static func tradingEndpoints() -> [BybitEndpoint] {
        [
            BybitEndpoint("POST", "/v5/order/create", .trade, limit: BybitEndpoint.tradeLimit) {
                call, state throws(BybitError) in
                let category = try call.category([.spot, .linear, .inverse, .option])
                return try place(call.parameters, category: category, &call, &state)
            },
            BybitEndpoint("POST", "/v5/order/cancel", .trade, limit: BybitEndpoint.tradeLimit) {
                call, state throws(BybitError) in
                let category = try call.category([.spot, .linear, .inverse, .option])
                return try cancel(call.parameters, category: category, &call, &state)
            },
            BybitEndpoint("POST", "/v5/order/cancel-all", .trade, limit: BybitEndpoint.tradeLimit, handler: cancelAll),
            BybitEndpoint("GET", "/v5/order/realtime", .read, limit: 50) { call, state throws(BybitError) in
                try listOrders(&call, &state, history: false)
            },
            BybitEndpoint("GET", "/v5/order/history", .read, limit: 50) { call, state throws(BybitError) in
                try listOrders(&call, &state, history: true)
            },
            BybitEndpoint("POST", "/v5/order/create-batch", .trade, limit: BybitEndpoint.tradeLimit) {
                call, state throws(BybitError) in
                try batch(&call, &state, stamped: true) { item, category, call, state throws(BybitError) in
                    try place(item, category: category, &call, &state)
                }
            },
            BybitEndpoint("POST", "/v5/order/cancel-batch", .trade, limit: BybitEndpoint.tradeLimit) {
                call, state throws(BybitError) in
                try batch(&call, &state, stamped: false) { item, category, call, state throws(BybitError) in
                    try cancel(item, category: category, &call, &state)
                }
            },
        ]
    }

    static func place(
        _ parameters: BybitParameters, category: BybitCategory, _ call: inout BybitCall, _ state: inout EngineState
    ) throws(BybitError) -> JSONValue {
        let market = try call.market(&state, category: category, symbol: try parameters.required("symbol"))
        guard let kind = category.marketKind else { throw .parameter("symbol invalid") }
        let request = try orderRequest(parameters, category: category)
        if !request.clientOrderID.isEmpty,
            state.findOrder(
                accountID: call.accountID, kind: kind, symbol: market.rules.symbol,
                lookup: .clientOrderID(request.clientOrderID)) != nil
        {
            throw BybitRejections.duplicate(category)
        }
        do {
            let placed =
                kind == .spot
                ? try state.placeSpotOrder(exchange: .bybit, accountID: call.accountID, request: request, now: call.now)
                : try state.placePerpetualOrder(
                    exchange: .bybit, accountID: call.accountID, request: request, now: call.now)
            return .object([
                ("orderId", .string(String(placed.order.id))), ("orderLinkId", .string(request.clientOrderID)),
            ])
        } catch .postOnlyWouldTake {
            // Bybit accepts a post-only order that would take, then cancels it: the ack carries ids as usual.
            let order = SimulatedOrder(
                id: state.takeOrderID(), clientOrderID: request.clientOrderID, symbol: request.symbol, kind: kind,
                side: request.side, type: request.type, timeInForce: request.timeInForce, price: request.price,
                quantity: request.quantity ?? .zero, quoteQuantity: nil, reduceOnly: request.reduceOnly,
                status: .canceled, createdAt: call.now, updatedAt: call.now)
            state.accounts[call.accountID]?.store(order)
            return .object([("orderId", .string(String(order.id))), ("orderLinkId", .string(request.clientOrderID))])
        } catch {
            throw BybitRejections.error(for: error, category: category)
        }
    }

    static func orderRequest(_ parameters: BybitParameters, category: BybitCategory) throws(BybitError)
        -> OrderRequest
    {
        let side: OrderSide
        switch try parameters.required("side") {
        case "Buy": side = .buy
        case "Sell": side = .sell
        default: throw .parameter("side invalid")
        }
        let type: OrderType
        switch try parameters.required("orderType") {
        case "Limit": type = .limit
        case "Market": type = .market
        default: throw .parameter("orderType invalid")
        }
        var timeInForce = TimeInForce.goodTillCancel
        switch parameters["timeInForce"] {
        case nil, "GTC": timeInForce = .goodTillCancel
        case "IOC": timeInForce = .immediateOrCancel
        case "FOK": timeInForce = .fillOrKill
        case "PostOnly": timeInForce = .postOnly
        default: throw .parameter("timeInForce invalid")
        }
        if type == .market { timeInForce = .immediateOrCancel }
        let linkID = parameters["orderLinkId"] ?? ""
        guard linkID.utf8.count <= 36,
            linkID.utf8.allSatisfy({ Self.isLinkIDByte($0) })
        else { throw .parameter("orderLinkId invalid") }
        if let index = try parameters.integer("positionIdx"), index != 0 {
            throw BybitError(code: 10001, message: "position idx not match position mode")
        }
        guard let qty = try parameters.decimal("qty") else { throw .missing("qty") }
        var price: Price?
        if type == .limit {
            guard let value = try parameters.decimal("price") else { throw .missing("price") }
            price = Price(value)
        }
        // A spot market buy counts in the quote coin unless `marketUnit` says otherwise (fact sheet §4).
        let byQuote =
            category == .spot && type == .market
            && (parameters["marketUnit"] ?? (side == .buy ? "quoteCoin" : "baseCoin")) == "quoteCoin"
        return OrderRequest(
            symbol: try parameters.required("symbol"), side: side, type: type, timeInForce: timeInForce, price: price,
            quantity: byQuote ? nil : Quantity(qty), quoteQuantity: byQuote ? Amount(qty) : nil,
            clientOrderID: linkID, reduceOnly: try parameters.flag("reduceOnly"))
    }

    static func isLinkIDByte(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 45
            || byte == 95
    }

    static func lookup(_ parameters: BybitParameters) throws(BybitError) -> OrderLookup {
        // When both are given, the order id wins (fact sheet §4).
        if let id = parameters["orderId"] {
            guard let number = Int64(id) else { throw .parameter("orderId invalid") }
            return .id(number)
        }
        if let link = parameters["orderLinkId"] { return .clientOrderID(link) }
        throw .parameter("orderId or orderLinkId is required")
    }

    static func cancel(
        _ parameters: BybitParameters, category: BybitCategory, _ call: inout BybitCall, _ state: inout EngineState
    ) throws(BybitError) -> JSONValue {
        let market = try call.market(&state, category: category, symbol: try parameters.required("symbol"))
        guard let kind = category.marketKind else { throw .parameter("symbol invalid") }
        let lookup = try lookup(parameters)
        do {
            let order = try state.cancelOrder(
                accountID: call.accountID, kind: kind, symbol: market.rules.symbol, lookup: lookup, now: call.now)
            return .object([("orderId", .string(String(order.id))), ("orderLinkId", .string(order.clientOrderID))])
        } catch {
            throw BybitRejections.unknownOrder(category)
        }
    }

    static func cancelAll(_ call: inout BybitCall, _ state: inout EngineState) throws(BybitError) -> JSONValue {
        let category = try call.category([.spot, .linear, .inverse, .option])
        let symbol = call.parameters["symbol"]
        if category != .spot, symbol == nil, call.parameters["settleCoin"] == nil, call.parameters["baseCoin"] == nil {
            throw .parameter("symbol or settleCoin or baseCoin is required")
        }
        var symbols: [String] = []
        if let symbol {
            symbols = [try call.market(&state, category: category, symbol: symbol).rules.symbol]
        } else {
            symbols = call.markets(&state, category: category).map(\.rules.symbol)
        }
        var cancelled: [JSONValue] = []
        if let kind = category.marketKind {
            for name in symbols {
                for order in state.cancelAllOrders(accountID: call.accountID, kind: kind, symbol: name, now: call.now) {
                    cancelled.append(
                        .object([
                            ("orderId", .string(String(order.id))), ("orderLinkId", .string(order.clientOrderID)),
                        ]))
                }
            }
        }
        return .object([("list", .array(cancelled)), ("success", .string("1"))])
    }

    static func listOrders(_ call: inout BybitCall, _ state: inout EngineState, history: Bool) throws(BybitError)
        -> JSONValue
    {
        let category = try call.category()
        let parameters = call.parameters
        let symbol = parameters["symbol"]
        if !history, category != .spot, symbol == nil, parameters["settleCoin"] == nil, parameters["baseCoin"] == nil {
            throw .parameter("symbol or settleCoin or baseCoin is required")
        }
        if let symbol { _ = try call.market(&state, category: category, symbol: symbol) }
        let limit = try parameters.integer("limit") ?? 20
        guard (1...50).contains(limit) else { throw .parameter("limit invalid") }
        let orderID = parameters["orderId"]
        let linkID = parameters["orderLinkId"]
        let byID = orderID != nil || linkID != nil
        let openOnly = history ? nil : (parameters["openOnly"] ?? "0")
        var orders: [SimulatedOrder] = []
        if let kind = category.marketKind, let account = state.accounts[call.accountID] {
            orders = account.orders.values.filter { order in
                guard order.kind == kind, symbol == nil || order.symbol == symbol else { return false }
                if let orderID, String(order.id) != orderID { return false }
                if let linkID, order.clientOrderID != linkID { return false }
                // Open orders by default; by id, recently closed ones too.
                if openOnly != nil, !byID, !order.status.isOpen { return false }
                if let wanted = parameters["orderStatus"], BybitOrderJSON.status(order) != wanted { return false }
                return true
            }
            orders.sort { $0.id > $1.id }
        }
        return .object([
            ("nextPageCursor", .string("")), ("category", .string(category.rawValue)),
            ("list", .array(orders.prefix(limit).map { BybitOrderJSON.order($0, category: category) })),
        ])
    }

    /// `{category, request:[…]}`: each item done on its own; `result.list[i]` and `retExtInfo.list[i]` answer item i.
    static func batch(
        _ call: inout BybitCall, _ state: inout EngineState, stamped: Bool,
        item: (BybitParameters, BybitCategory, inout BybitCall, inout EngineState) throws(BybitError) -> JSONValue
    ) throws(BybitError) -> JSONValue {
        let category = try call.category([.spot, .linear, .inverse, .option])
        guard case .list(let items)? = call.parameters.value("request"), !items.isEmpty else {
            throw .missing("request")
        }
        let maximum = category == .spot ? 10 : 20
        guard items.count <= maximum else { throw .parameter("batch size cannot exceed \(maximum)") }
        var results: [JSONValue] = []
        var codes: [JSONValue] = []
        for entry in items {
            guard case .object(let fields) = entry else { throw .parameter("request invalid") }
            let parameters = BybitParameters(values: fields)
            var answer: [(String, JSONValue)] = [
                ("category", .string(category.rawValue)), ("symbol", .string(parameters["symbol"] ?? "")),
            ]
            do {
                if case .object(let ids) = try item(parameters, category, &call, &state) { answer += ids }
                if stamped { answer.append(("createAt", .string(String(call.now)))) }
                codes.append(.object([("code", .int(0)), ("msg", .string("OK"))]))
            } catch {
                answer += [("orderId", .string("")), ("orderLinkId", .string(parameters["orderLinkId"] ?? ""))]
                if stamped { answer.append(("createAt", .string(""))) }
                codes.append(.object([("code", .int(Int64(error.code))), ("msg", .string(error.message))]))
            }
            results.append(.object(answer))
        }
        call.extInfo = .object([("list", .array(codes))])
        return .object([("list", .array(results))])
    }
}
