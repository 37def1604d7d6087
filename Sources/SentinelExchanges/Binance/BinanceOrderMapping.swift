import SentinelCore

/// Unified orders ↔ Binance parameters and answers.
enum BinanceOrderMapping {
    /// The parameters of `POST /api/v3/order` or `/fapi/v1/order` for `request` on `market`.
    static func parameters(_ request: OrderRequest, market: Market) -> [(String, String)] {
        var parameters: [(String, String)] = []
        parameters.reserveCapacity(9)
        parameters.append(("symbol", market.nativeSymbol))
        parameters.append(("side", request.side == .buy ? "BUY" : "SELL"))
        let spot = market.product == .spot
        switch request.type {
        case .limit:
            if spot && request.postOnly {
                parameters.append(("type", "LIMIT_MAKER"))
            } else {
                parameters.append(("type", "LIMIT"))
                let force = !spot && request.postOnly ? "GTX" : request.timeInForce.upperCaseCode
                parameters.append(("timeInForce", force))
            }
            parameters.append(("quantity", request.quantity.description))
            parameters.append(("price", request.price?.description ?? ""))
        case .market:
            parameters.append(("type", "MARKET"))
            parameters.append(("quantity", request.quantity.description))
        }
        if request.reduceOnly && !spot { parameters.append(("reduceOnly", "true")) }
        parameters.append(("newClientOrderId", request.clientOrderID.rawValue))
        parameters.append(("newOrderRespType", "RESULT"))
        return parameters
    }

    static func reference(_ reference: OrderReference) -> (String, String) {
        switch reference {
        case .exchangeID(let id): ("orderId", id)
        case .clientOrderID(let id): ("origClientOrderId", id)
        }
    }

    static func order(_ body: BinanceWire.OrderBody, symbol: UnifiedSymbol) -> Order {
        let filled = Quantity(body.executedQty)
        var average = body.avgPrice.flatMap { $0.isZero ? nil : Price($0) }
        if average == nil, filled.isPositive, let quote = body.cummulativeQuoteQty ?? body.cumQuote, quote.isPositive {
            average = (try? quote.divided(by: body.executedQty, places: 8, rounding: .halfEven)).map(Price.init)
        }
        return Order(
            symbol: symbol, id: body.orderId.value,
            clientOrderID: body.origClientOrderId ?? body.clientOrderId,
            side: body.side == "BUY" ? .buy : .sell,
            type: body.type == "MARKET" ? .market : .limit,
            status: status(body.status),
            price: body.price.flatMap { $0.isZero ? nil : Price($0) },
            quantity: Quantity(body.origQty), filledQuantity: filled, averagePrice: average,
            timeInForce: body.timeInForce.flatMap(timeInForce),
            postOnly: body.type == "LIMIT_MAKER" || body.timeInForce == "GTX",
            reduceOnly: body.reduceOnly?.value ?? false,
            createdAt: (body.time ?? body.transactTime)?.value, updatedAt: body.updateTime?.value)
    }

    static func status(_ text: String) -> OrderStatus {
        switch text {
        case "NEW", "PENDING_NEW": .new
        case "PARTIALLY_FILLED": .partiallyFilled
        case "FILLED": .filled
        case "CANCELED", "PENDING_CANCEL": .canceled
        case "REJECTED": .rejected
        default: .expired  // EXPIRED, EXPIRED_IN_MATCH
        }
    }

    static func timeInForce(_ text: String) -> TimeInForce? {
        switch text {
        case "GTC", "GTX", "GTD": .gtc
        case "IOC": .ioc
        case "FOK": .fok
        default: nil
        }
    }
}
