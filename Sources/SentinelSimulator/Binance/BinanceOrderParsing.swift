import SentinelCore

/// Turns Binance order parameters into an exchange-neutral `OrderRequest`, with Binance's errors for what is
/// missing or malformed.
extension BinanceCall {
    static let conditionalTypes: Set<String> = ["STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET"]
    static let spotClientIDRange = "^[a-zA-Z0-9-_]{1,36}$"

    func orderRequest(_ parameters: BinanceParameters, state: inout EngineState) throws(BinanceError) -> OrderRequest {
        let symbol = try parameters.required("symbol")
        _ = try market(&state, symbol: symbol)
        let side: OrderSide
        switch try parameters.required("side") {
        case "BUY": side = .buy
        case "SELL": side = .sell
        default: throw .invalidSide
        }
        let typeName = try parameters.required("type")
        var type: OrderType
        var timeInForce = TimeInForce.goodTillCancel
        switch typeName {
        case "LIMIT": type = .limit
        case "MARKET": type = .market
        case "LIMIT_MAKER" where flavor != .usdm:
            type = .limit
            timeInForce = .postOnly
        case "STOP_LOSS_LIMIT" where flavor != .usdm, "TAKE_PROFIT_LIMIT" where flavor != .usdm:
            type = .limit
        case "STOP_LOSS" where flavor != .usdm:
            throw .newOrderRejected("Stop loss orders are not supported for this symbol.")
        case "TAKE_PROFIT" where flavor != .usdm:
            throw .newOrderRejected("Take profit orders are not supported for this symbol.")
        case let conditional where flavor == .usdm && Self.conditionalTypes.contains(conditional):
            throw BinanceError(
                status: 400, code: -4120,
                message: "Order type not supported for this endpoint. Please use the Algo Order API endpoints instead.")
        default:
            throw .invalidOrderType
        }
        if type == .limit, typeName != "LIMIT_MAKER" {
            switch try parameters.required("timeInForce") {
            case "GTC": timeInForce = .goodTillCancel
            case "IOC": timeInForce = .immediateOrCancel
            case "FOK": timeInForce = .fillOrKill
            case "GTX" where flavor == .usdm: timeInForce = .postOnly
            default: throw .invalidTimeInForce
            }
        }
        let quantity = try parameters.decimal("quantity").map(Quantity.init)
        let quoteQuantity = flavor == .usdm ? nil : try parameters.decimal("quoteOrderQty").map(Amount.init)
        var price: Price?
        if type == .limit {
            guard let value = try parameters.decimal("price") else { throw .mandatory("price") }
            price = Price(value)
            guard quantity != nil else { throw .mandatory("quantity") }
        } else if quantity == nil, quoteQuantity == nil {
            if flavor == .usdm { throw .mandatory("quantity") }
            throw BinanceError(
                status: 400, code: -1102,
                message: "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!")
        }
        if let quoteQuantity, quoteQuantity.value.significantScale > 8 || quoteQuantity.value > ExactDecimal(1_000_000_000) {
            throw BinanceError(status: 400, code: -1111, message: "Parameter 'quoteOrderQty' has too much precision.")
        }
        var reduceOnly = false
        var positionSide = PositionSide.both
        if flavor == .usdm {
            switch parameters["reduceOnly"] {
            case nil, "false", "FALSE": reduceOnly = false
            case "true", "TRUE": reduceOnly = true
            default: throw .mandatory("reduceOnly")
            }
            switch parameters["positionSide"] {
            case nil, "BOTH": positionSide = .both
            case "LONG": positionSide = .long
            case "SHORT": positionSide = .short
            default: throw .positionSideMismatch
            }
            // Hedge mode names the leg on every order and has no reduceOnly: closing a leg only reduces.
            let hedged = state.accounts[accountID]?.hedgeMode ?? false
            guard hedged == (positionSide != .both) else { throw .positionSideMismatch }
            if hedged, parameters["reduceOnly"] != nil {
                throw BinanceError(status: 400, code: -1106, message: "Parameter 'reduceOnly' sent when not required.")
            }
        }
        var stop: StopTrigger?
        if typeName.hasSuffix("_LIMIT") {
            guard let value = try parameters.decimal("stopPrice"), value.isPositive else { throw .mandatory("stopPrice") }
            stop = StopTrigger(kind: typeName == "STOP_LOSS_LIMIT" ? .stopLoss : .takeProfit, price: Price(value), side: side)
        }
        let clientOrderID = try clientOrderID(parameters["newClientOrderId"], state: &state)
        return OrderRequest(
            symbol: symbol, side: side, type: type, timeInForce: timeInForce, price: price, quantity: quantity,
            quoteQuantity: quoteQuantity, clientOrderID: clientOrderID, reduceOnly: reduceOnly, positionSide: positionSide,
            stop: stop)
    }

    /// The client's id, checked against the listener's rule, or a generated one.
    func clientOrderID(_ given: String?, state: inout EngineState) throws(BinanceError) -> String {
        guard let given else {
            return (flavor == .usdm ? "" : "web_") + state.generator.string(count: 22, alphabet: SeededGenerator.alphanumerics)
        }
        let allowed: (Character) -> Bool
        if flavor == .usdm {
            allowed = { $0.isASCII && ($0.isLetter || $0.isNumber || ".:/_-".contains($0)) }
        } else {
            allowed = { $0.isASCII && ($0.isLetter || $0.isNumber || "-_".contains($0)) }
        }
        guard (1...36).contains(given.count), given.allSatisfy(allowed) else {
            if flavor == .usdm {
                throw BinanceError(status: 400, code: -4015, message: "Client order id is not valid.")
            }
            throw .illegalCharacters("newClientOrderId", range: Self.spotClientIDRange)
        }
        return given
    }

    /// `orderId` and/or `origClientOrderId`.
    func orderLookup() throws(BinanceError) -> OrderLookup {
        let id = try parameters.integer("orderId")
        let clientID = parameters["origClientOrderId"]
        switch (id, clientID) {
        case (let id?, let clientID?): return .both(id, clientID)
        case (let id?, nil): return .id(id)
        case (nil, let clientID?): return .clientOrderID(clientID)
        case (nil, nil): throw .orderLookupMissing
        }
    }
}
