import SentinelCore

/// Unified orders ↔ Bitget order bodies and answers (bitget.md §4). Sizes are base coin on every product but one:
/// a spot market buy is sized in quote coin, which no base quantity states exactly, so it is refused before sending.
enum BitgetOrderMapping {
    static let spotMarketBuyRefusal = SentinelError(
        .unsupported,
        Diagnosis(
            cause: "Bitget sizes spot market buys in the quote coin (USDT), not in the base quantity Sentinel takes.",
            fix: [
                "Place a limit order with --time-in-force ioc at the highest price you accept: it fills at once like a market "
                    + "order, for exactly the quantity given.",
                "Market sells, and market orders on futures, are sized in base coin and work as they are.",
            ]))

    static func isSpotMarketBuy(_ request: OrderRequest, market: Market) -> Bool {
        market.product == .spot && request.type == .market && request.side == .buy
    }

    static func force(_ request: OrderRequest) -> String {
        if request.postOnly { return "post_only" }
        switch request.timeInForce {
        case .gtc: return "gtc"
        case .ioc: return "ioc"
        case .fok: return "fok"
        }
    }

    /// The futures fields every mix order call names: `productType` and `marginCoin` (the market's settle coin).
    static func writeFuturesScope(_ market: Market, to json: inout JSONWriter) {
        json.member("productType", BitgetEndpoints.productType(market.product))
        json.member("marginCoin", market.settleAsset)
    }

    /// One order's members, into an open object: the whole body of a place call (`batch` false) or one `orderList`
    /// item.
    static func writeFields(_ request: OrderRequest, market: Market, batch: Bool, to json: inout JSONWriter) {
        let spot = market.product == .spot
        if !batch { json.member("symbol", market.nativeSymbol) }
        if !spot, !batch {
            writeFuturesScope(market, to: &json)
            json.member("marginMode", request.marginMode == .isolated ? "isolated" : "crossed")
        }
        // Hedge mode names the position: open long = buy+open, close long = buy+close, open short = sell+open, close
        // short = sell+close (bitget.md §4). One-way mode sends the side as it is, and reduceOnly to close.
        let hedged = !spot && (request.positionSide == .long || request.positionSide == .short)
        json.member("side", hedged ? (request.positionSide == .long ? "buy" : "sell") : request.side.rawValue)
        json.member("orderType", request.type.rawValue)
        json.member("force", force(request))
        if hedged { json.member("tradeSide", request.reduceOnly ? "close" : "open") }
        if request.type == .limit, let price = request.price { json.member("price", price.value.normalized.description) }
        json.member("size", request.quantity.value.normalized.description)
        json.member("clientOid", request.clientOrderID.rawValue)
        if !spot, !hedged, request.reduceOnly { json.member("reduceOnly", "YES") }
    }

    static func body(_ request: OrderRequest, market: Market) -> String {
        var json = JSONWriter()
        json.openObject()
        writeFields(request, market: market, batch: false, to: &json)
        json.closeObject()
        return json.rendered
    }

    /// `batch-orders` (spot, `batchMode` multiple: each order names its symbol) or `batch-place-order` (futures:
    /// symbol, productType, marginCoin and marginMode once), then `orderList`.
    static func batchBody(_ orders: [(request: OrderRequest, market: Market)], spotMultiple: Bool) -> String {
        var json = JSONWriter(capacity: 256 * (orders.count + 1))
        json.openObject()
        if let market = orders.first?.market {
            if spotMultiple {
                json.member("batchMode", "multiple")
            } else {
                json.member("symbol", market.nativeSymbol)
                writeFuturesScope(market, to: &json)
                json.member("marginMode", orders.first?.request.marginMode == .isolated ? "isolated" : "crossed")
            }
        }
        json.openArray("orderList")
        for order in orders {
            json.openObject()
            writeFields(order.request, market: order.market, batch: !spotMultiple, to: &json)
            json.closeObject()
        }
        json.closeArray()
        json.closeObject()
        return json.rendered
    }

    /// The order as Bitget acknowledged it: accepted, nothing known yet of fills.
    static func acknowledged(_ request: OrderRequest, symbol: UnifiedSymbol, orderId: String) -> Order {
        Order(
            symbol: symbol, id: orderId, clientOrderID: request.clientOrderID.rawValue, side: request.side,
            type: request.type, status: .new, price: request.type == .limit ? request.price : nil,
            quantity: request.quantity, filledQuantity: .zero, averagePrice: nil,
            timeInForce: request.type == .limit ? request.timeInForce : nil, postOnly: request.postOnly,
            reduceOnly: request.reduceOnly, createdAt: nil, updatedAt: nil)
    }

    /// A spot `orderInfo`/`unfilled-orders` or futures `detail`/`orders-pending` row. A spot market buy's `size` is
    /// quote coin: its base quantity is what filled (`baseVolume`).
    static func order(_ wire: BitgetWire.Order, symbol: UnifiedSymbol, spot: Bool) -> Order {
        let filled = wire.baseVolume?.value ?? .zero
        let marketBuy = spot && wire.orderType == "market" && wire.side == "buy"
        let quantity = marketBuy ? filled : (wire.size?.value ?? .zero)
        let force = wire.force ?? "gtc"
        let isMarket = wire.orderType == "market"
        return Order(
            symbol: symbol, id: wire.orderId.value,
            clientOrderID: wire.clientOid.flatMap { $0.isEmpty ? nil : $0 }, side: wire.side == "sell" ? .sell : .buy,
            type: isMarket ? .market : .limit, status: status(wire.status ?? wire.state ?? ""),
            price: isMarket ? nil : wire.price?.value.flatMap { $0.isZero ? nil : Price($0) },
            quantity: Quantity(quantity), filledQuantity: Quantity(filled),
            averagePrice: wire.priceAvg?.value.flatMap { $0.isZero || !filled.isPositive ? nil : Price($0) },
            timeInForce: isMarket ? nil : timeInForce(force), postOnly: force == "post_only",
            reduceOnly: wire.reduceOnly == "YES", createdAt: wire.cTime?.int64, updatedAt: wire.uTime?.int64)
    }

    static func status(_ text: String) -> OrderStatus {
        switch text {
        case "live", "new", "init": .new
        case "partially_filled", "partial_fill": .partiallyFilled
        case "filled", "full_fill": .filled
        default: .canceled  // cancelled (spot), canceled (futures)
        }
    }

    static func timeInForce(_ force: String) -> TimeInForce? {
        switch force.lowercased() {
        case "gtc", "post_only", "normal": .gtc
        case "ioc": .ioc
        case "fok": .fok
        default: nil
        }
    }
}
