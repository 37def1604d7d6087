import SentinelCore

/// Turns one order object of a `trade/order` or `trade/batch-orders` body into an exchange-neutral `OrderRequest`,
/// with OKX's per-order codes for what is wrong (okx.md §4 place-order body).
extension OKXCall {
    /// Client ids the simulator gives orders placed without `clOrdId`; never valid on the wire, so never reported.
    static let anonymousPrefix = "~"

    func orderRequest(_ body: [String: Any], state: inout EngineState) throws(OKXItemError) -> (OrderRequest, MarketKind) {
        guard let instId = OKXField.string(body, "instId") else { throw .parameter("instId") }
        guard let market = market(instId, &state) else { throw .unknownInstrument }
        let kind = market.rules.kind
        switch (kind, OKXField.string(body, "tdMode")) {
        case (.spot, "cash"), (.perpetual, "cross"), (.perpetual, "isolated"): break
        default: throw .parameter("tdMode")
        }
        let side: OrderSide
        switch OKXField.string(body, "side") {
        case "buy": side = .buy
        case "sell": side = .sell
        default: throw .parameter("side")
        }
        var type = OrderType.limit
        var timeInForce = TimeInForce.goodTillCancel
        switch OKXField.string(body, "ordType") {
        case "limit": break
        case "market": type = .market
        case "post_only": timeInForce = .postOnly
        case "ioc": timeInForce = .immediateOrCancel
        case "fok": timeInForce = .fillOrKill
        default: throw .parameter("ordType")
        }
        guard let sizeText = OKXField.string(body, "sz"), let size = ExactDecimal(exactly: sizeText), size.isPositive
        else { throw .parameter("sz") }
        var price: Price?
        if type == .limit {
            guard let text = OKXField.string(body, "px"), let value = ExactDecimal(exactly: text), value.isPositive
            else { throw .parameter("px") }
            price = Price(value)
        }
        if kind == .perpetual, let posSide = OKXField.string(body, "posSide"), posSide != "net" {
            throw .parameter("posSide")
        }
        var quantity: Quantity? = Quantity(size)
        var quoteQuantity: Amount?
        if let contract = OKXContract.of(instId) {
            let contracts = size.over(contract.lotSize, places: 12)
            guard size.isMultiple(of: contract.lotSize) else { throw .notLotMultiple }
            guard contracts.isPositive, size >= market.rules.minQuantity.value.over(contract.value) else {
                throw .belowMinimum
            }
            quantity = Quantity(size * contract.value)
        } else if type == .market {
            let target = OKXField.string(body, "tgtCcy") ?? (side == .buy ? "quote_ccy" : "base_ccy")
            switch target {
            case "quote_ccy":
                quantity = nil
                quoteQuantity = Amount(size)
            case "base_ccy": break
            default: throw .parameter("tgtCcy")
            }
        }
        if let tag = OKXField.string(body, "tag"), tag.count > 16 { throw .parameter("tag") }
        let clientID: String
        if let given = OKXField.string(body, "clOrdId") {
            guard (1...32).contains(given.utf8.count), given.utf8.allSatisfy(Self.isAlphanumeric) else {
                throw .parameter("clOrdId")
            }
            clientID = given
        } else {
            clientID = Self.anonymousPrefix + state.generator.string(count: 20, alphabet: SeededGenerator.alphanumerics)
        }
        let request = OrderRequest(
            symbol: instId, side: side, type: type, timeInForce: timeInForce, price: price, quantity: quantity,
            quoteQuantity: quoteQuantity, clientOrderID: clientID,
            reduceOnly: kind == .perpetual && (OKXField.bool(body, "reduceOnly") ?? false))
        return (request, kind)
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }

    /// The engine's refusal as OKX words it.
    static func itemError(_ rejection: TradingRejection, request: OrderRequest, market: MarketState?) -> OKXItemError {
        let rules = market?.rules
        switch rejection {
        case .unknownSymbol: return .unknownInstrument
        case .duplicateClientOrderID: return .duplicateClientID
        case .postOnlyWouldTake: return .parameter("px")
        case .insufficientBalance:
            return .insufficient((request.side == .buy ? rules?.quote : rules?.base) ?? "", margin: false)
        case .insufficientMargin: return .insufficient(rules?.quote ?? "USDT", margin: true)
        case .reduceOnlyWouldIncrease: return .noPositionToReduce
        case .unknownOrder: return .cancelFailed
        case .invalidLeverage: return .parameter("lever")
        case .filter(let violation):
            switch violation {
            case .pricePrecision, .priceNotPositive, .priceNotOnTick: return .parameter("px")
            case .quantityPrecision, .quantityNotPositive, .quantityAboveMaximum, .marketQuantityAboveMaximum:
                return .parameter("sz")
            case .quantityBelowMinimum, .notionalBelowMinimum: return .belowMinimum
            case .quantityNotOnStep: return .notLotMultiple
            case .priceBelowMinimum, .priceAboveMaximum, .priceAbovePercentBound, .priceBelowPercentBound:
                guard let market, let rules else { return .parameter("px") }
                let up = (try? Price(market.mid.value * rules.percentUp).rounded(toMultipleOf: rules.tickSize, .down))
                    ?? rules.maxPrice
                let down = (try? Price(market.mid.value * rules.percentDown).rounded(toMultipleOf: rules.tickSize, .up))
                    ?? rules.minPrice
                return .priceLimit(maxBuy: up.value.normalized.description, minSell: down.value.normalized.description)
            }
        }
    }
}
