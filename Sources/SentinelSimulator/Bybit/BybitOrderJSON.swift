import SentinelCore

/// An order as `/v5/order/realtime` and `/v5/order/history` list it.
enum BybitOrderJSON {
    static func status(_ order: SimulatedOrder) -> String {
        switch order.status {
        case .new: "New"
        case .partiallyFilled: "PartiallyFilled"
        case .filled: "Filled"
        case .canceled, .expired:
            order.kind == .spot && order.executedQuantity.isPositive ? "PartiallyFilledCanceled" : "Cancelled"
        }
    }

    static func timeInForce(_ order: SimulatedOrder) -> String {
        switch order.timeInForce {
        case .goodTillCancel: "GTC"
        case .immediateOrCancel: "IOC"
        case .fillOrKill: "FOK"
        case .postOnly: "PostOnly"
        }
    }

    static func order(_ order: SimulatedOrder, category: BybitCategory) -> JSONValue {
        let open = order.status.isOpen
        let remaining = open ? order.remainingQuantity.value : .zero
        let price = order.price?.value ?? .zero
        let fee = order.executedQuantity.isPositive
            ? (order.cumulativeQuote.value * (order.kind == .spot ? EngineState.spotFeeRate : EngineState.perpetualTakerFeeRate))
                .roundedDown(places: 8) : ExactDecimal.zero
        return .object([
            ("orderId", .string(String(order.id))), ("orderLinkId", .string(order.clientOrderID)),
            ("blockTradeId", .string("")), ("symbol", .string(order.symbol)),
            ("price", .string(price.description)), ("qty", .string(order.quantity.description)),
            ("side", .string(order.side == .buy ? "Buy" : "Sell")), ("isLeverage", .string(category == .spot ? "0" : "")),
            ("positionIdx", .int(0)), ("orderStatus", .string(status(order))),
            ("createType", .string("CreateByUser")),
            ("cancelType", .string(order.status == .canceled ? "CancelByUser" : "UNKNOWN")),
            ("rejectReason", .string("EC_NoError")),
            ("avgPrice", .string(order.executedQuantity.isPositive ? order.averagePrice.description : "")),
            ("leavesQty", .string(remaining.description)),
            ("leavesValue", .string((remaining * price).description)),
            ("cumExecQty", .string(order.executedQuantity.description)),
            ("cumExecValue", .string(order.cumulativeQuote.description)), ("cumExecFee", .string(fee.description)),
            ("cumFeeDetail", .object([])),
            ("timeInForce", .string(timeInForce(order))),
            ("orderType", .string(order.type == .limit ? "Limit" : "Market")), ("stopOrderType", .string("")),
            ("orderIv", .string("")), ("marketUnit", .string("")), ("triggerPrice", .string("0")),
            ("takeProfit", .string("0")), ("stopLoss", .string("0")), ("tpslMode", .string("")),
            ("tpLimitPrice", .string("0")), ("slLimitPrice", .string("0")), ("tpTriggerBy", .string("")),
            ("slTriggerBy", .string("")), ("triggerDirection", .int(0)), ("triggerBy", .string("")),
            ("lastPriceOnCreated", .string("")), ("reduceOnly", .bool(order.reduceOnly)),
            ("closeOnTrigger", .bool(false)), ("placeType", .string("")), ("smpType", .string("None")),
            ("smpGroup", .int(0)), ("smpOrderId", .string("")),
            ("createdTime", .string(String(order.createdAt))), ("updatedTime", .string(String(order.updatedAt))),
        ])
    }
}
