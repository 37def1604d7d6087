import SentinelCore

/// Turns one order object of a place or batch body into an exchange-neutral `OrderRequest`, with Bitget's codes for
/// what is wrong (bitget.md §4 place bodies, Simulator note 5).
extension BitgetCall {
    /// Client ids the simulator gives orders placed without `clientOid`; never valid on the wire, so never reported.
    static let anonymousPrefix = "~"
    static let clientIDAlphabet = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-+_#".utf8)

    /// `requestTime` + `receiveWindow`: an order that arrives past its window is dropped (40078).
    func checkReceiveWindow(_ body: [String: Any]) throws(BitgetError) {
        guard let windowText = BitgetField.string(body, "receiveWindow") else { return }
        guard let window = Int64(windowText), window > 0 else { throw .parameter("receiveWindow") }
        guard window < 60_000 else { throw .receiveWindowTooLarge }
        let sent = BitgetField.string(body, "requestTime").flatMap { Int64($0) }
            ?? request.header("access-timestamp").flatMap { Int64($0) } ?? now
        if now > sent + window { throw .outsideReceiveWindow }
    }

    /// `item` is one order; `defaults` holds what a batch body gives once for all its orders (symbol, productType…).
    func orderRequest(
        _ item: [String: Any], defaults: [String: Any] = [:], kind: MarketKind, state: inout EngineState
    ) throws(BitgetError) -> OrderRequest {
        func field(_ name: String) -> String? { BitgetField.string(item, name) ?? BitgetField.string(defaults, name) }
        guard let symbol = field("symbol") else { throw .empty("symbol") }
        if kind == .perpetual {
            let type = try productType(field("productType"))
            guard let coin = field("marginCoin") else { throw .empty("marginCoin") }
            guard coin.uppercased() == type.marginCoin else { throw .parameter("marginCoin") }
            guard let mode = field("marginMode") else { throw .empty("marginMode") }
            guard mode == "crossed" || mode == "isolated" else { throw .parameter("marginMode") }
            guard type.lists(symbol) else { throw .unknownSymbol }
            if let tradeSide = field("tradeSide"), tradeSide != "open", tradeSide != "close" {
                throw .parameter("tradeSide")
            }
        }
        guard market(symbol, kind: kind, &state) != nil else { throw .unknownSymbol }
        let side: OrderSide
        switch field("side") {
        case "buy": side = .buy
        case "sell": side = .sell
        case nil: throw .empty("side")
        default: throw .parameter("side")
        }
        let type: OrderType
        switch field("orderType") {
        case "limit": type = .limit
        case "market": type = .market
        case nil: throw .empty("orderType")
        default: throw .parameter("orderType")
        }
        var timeInForce = TimeInForce.goodTillCancel
        switch field("force") {
        case "gtc", "GTC": break
        case "post_only": timeInForce = .postOnly
        case "ioc", "IOC": timeInForce = .immediateOrCancel
        case "fok", "FOK": timeInForce = .fillOrKill
        case nil:
            // Spot limit orders must say; futures default to gtc; market orders ignore it.
            if type == .limit, kind == .spot { throw .empty("force") }
        default: throw .parameter("force")
        }
        if type == .market { timeInForce = .goodTillCancel }
        guard let sizeText = field("size") else { throw .empty("size") }
        guard let size = ExactDecimal(exactly: sizeText), size.isPositive else { throw .verification("size") }
        var price: Price?
        if type == .limit {
            guard let text = field("price") else { throw .empty("price") }
            guard let value = ExactDecimal(exactly: text), value.isPositive else { throw .verification("price") }
            price = Price(value)
        }
        var quantity: Quantity? = Quantity(size)
        var quoteQuantity: Amount?
        // Spot market buys are sized in quote coin.
        if kind == .spot, type == .market, side == .buy {
            quantity = nil
            quoteQuantity = Amount(size)
        }
        let clientID: String
        if let given = field("clientOid") {
            guard given.utf8.count <= 50 else {
                throw BitgetError(code: "40304", message: "clientOid or clientOrderId length cannot greater than 50")
            }
            guard given.utf8.allSatisfy(Self.clientIDAlphabet.contains) else { throw .clientIDTooLong }
            clientID = given
        } else {
            clientID = Self.anonymousPrefix + state.generator.string(count: 20, alphabet: SeededGenerator.alphanumerics)
        }
        var reduceOnly = false
        if kind == .perpetual {
            switch field("reduceOnly")?.uppercased() {
            case nil, "NO": break
            case "YES": reduceOnly = true
            default: throw .parameter("reduceOnly")
            }
        }
        return OrderRequest(
            symbol: symbol, side: side, type: type, timeInForce: timeInForce, price: price, quantity: quantity,
            quoteQuantity: quoteQuantity, clientOrderID: clientID, reduceOnly: reduceOnly)
    }

    /// The engine's refusal as Bitget words it.
    static func error(_ rejection: TradingRejection, request: OrderRequest, market: MarketState?, kind: MarketKind)
        -> BitgetError
    {
        let rules = market?.rules
        switch rejection {
        case .unknownSymbol: return .unknownSymbol
        case .duplicateClientOrderID: return .duplicateClientID
        case .postOnlyWouldTake:
            return BitgetError(code: "43026", message: "The post-only order would have matched immediately and was canceled")
        case .insufficientBalance: return .insufficientSpot
        case .insufficientMargin: return .insufficientMargin
        case .reduceOnlyWouldIncrease: return .reduceOnlyNoPosition
        case .unknownOrder: return kind == .spot ? .spotOrderNotFound : .mixOrderNotFound
        case .invalidLeverage: return .parameter("leverage")
        case .filter(let violation):
            switch violation {
            case .pricePrecision:
                return .verification(
                    "price checkBDScale error value=\(request.price?.value.description ?? "") checkScale=\(rules?.pricePrecision ?? 0)")
            case .quantityPrecision:
                return .verification(
                    "size checkBDScale error value=\(request.quantity?.value.description ?? "") checkScale=\(rules?.quantityPrecision ?? 0)")
            case .priceNotOnTick:
                return kind == .spot
                    ? BitgetError(code: "43028", message: "The price you enter should be a multiple of the tick size")
                    : BitgetError(code: "45115", message: "The price you enter should be a multiple of the tick size")
            case .quantityNotOnStep:
                return BitgetError(code: "22038", message: "The order quantity should be a multiple of the size step")
            case .quantityBelowMinimum:
                return kind == .spot
                    ? BitgetError(code: "43006", message: "The order amount is less than the minimum transaction volume")
                    : BitgetError(
                        code: "45111",
                        message: "less than the minimum order quantity \(rules?.minQuantity.value.normalized.description ?? "")")
            case .notionalBelowMinimum:
                return .belowMinimum(rules?.minNotional.value.normalized.description ?? "5")
            case .priceNotPositive: return .verification("price")
            case .quantityNotPositive: return .verification("size")
            case .quantityAboveMaximum, .marketQuantityAboveMaximum:
                return BitgetError(code: "45112", message: "more than the maximum order quantity")
            case .priceBelowMinimum, .priceAboveMaximum, .priceAbovePercentBound, .priceBelowPercentBound:
                return BitgetError(code: "40815", message: "The order price is higher than the highest bid price or lower than the lowest ask price")
            }
        }
    }
}
