import SentinelCore

/// Unified orders ↔ Bybit V5 bodies and answers. Sizes are base units on spot and linear; a spot market order
/// says so with `marketUnit: baseCoin` (Bybit's default for a spot market buy is the quote coin).
enum BybitOrderMapping {
    /// The members of a `/v5/order/create` body, into an open object (without `category`, which batches put
    /// outside).
    static func writeMembers(_ request: OrderRequest, market: Market, to json: inout JSONWriter) {
        json.member("symbol", market.nativeSymbol)
        json.member("side", request.side == .buy ? "Buy" : "Sell")
        json.member("orderType", request.type == .limit ? "Limit" : "Market")
        json.member("qty", request.quantity.description)
        switch request.type {
        case .limit:
            json.member("price", request.price?.description ?? "")
            json.member("timeInForce", request.postOnly ? "PostOnly" : request.timeInForce.upperCaseCode)
        case .market:
            if market.product == .spot { json.member("marketUnit", "baseCoin") }
        }
        if request.reduceOnly, market.product != .spot { json.member("reduceOnly", true) }
        json.member("orderLinkId", request.clientOrderID.rawValue)
    }

    /// `orderId` or `orderLinkId`.
    static func reference(_ reference: OrderReference) -> (String, String) {
        switch reference {
        case .exchangeID(let id): ("orderId", id)
        case .clientOrderID(let id): ("orderLinkId", id)
        }
    }

    /// The order as the asynchronous acknowledgement describes it: accepted, nothing filled yet known. Its state
    /// comes from `/v5/order/realtime`.
    static func acknowledged(orderID: String, linkID: String?, request: OrderRequest, symbol: UnifiedSymbol) -> Order {
        Order(
            symbol: symbol, id: orderID, clientOrderID: linkID.flatMap { $0.isEmpty ? nil : $0 } ?? request.clientOrderID.rawValue,
            side: request.side, type: request.type, status: .new, price: request.price, quantity: request.quantity,
            filledQuantity: .zero, averagePrice: nil, timeInForce: request.type == .limit ? request.timeInForce : .ioc,
            postOnly: request.postOnly, reduceOnly: request.reduceOnly, createdAt: nil, updatedAt: nil)
    }

    static func order(_ row: BybitWire.OrderRow, symbol: UnifiedSymbol) -> Order {
        let price = BybitWire.decimal(row.price).flatMap { $0.isZero ? nil : Price($0) }
        let average = BybitWire.decimal(row.avgPrice).flatMap { $0.isZero ? nil : Price($0) }
        return Order(
            symbol: symbol, id: row.orderId.value, clientOrderID: row.orderLinkId.flatMap { $0.isEmpty ? nil : $0 },
            side: row.side == "Buy" ? .buy : .sell, type: row.orderType == "Market" ? .market : .limit,
            status: status(row.orderStatus), price: row.orderType == "Market" ? nil : price,
            quantity: Quantity(row.qty), filledQuantity: Quantity(row.cumExecQty ?? .zero), averagePrice: average,
            timeInForce: row.timeInForce.flatMap(timeInForce), postOnly: row.timeInForce == "PostOnly",
            reduceOnly: row.reduceOnly ?? false, createdAt: row.createdTime?.value, updatedAt: row.updatedTime?.value)
    }

    static func status(_ text: String) -> OrderStatus {
        switch text {
        case "New", "Untriggered", "Created": .new
        case "PartiallyFilled": .partiallyFilled
        case "Filled": .filled
        case "Rejected": .rejected
        case "Deactivated": .expired
        default: .canceled  // Cancelled, PartiallyFilledCanceled, Triggered → its child order
        }
    }

    static func timeInForce(_ text: String) -> TimeInForce? {
        switch text {
        case "GTC", "PostOnly": .gtc
        case "IOC": .ioc
        case "FOK": .fok
        default: nil
        }
    }
}
