import SentinelCore

/// Turns a spot (HF) or futures place-order body into an exchange-neutral `OrderRequest` (kucoin.md §4 place
/// bodies), with KuCoin's codes for what is wrong. Futures sizes are lots (`size`), base (`qty`) or quote
/// (`valueQty`), exactly one of them.
extension KuCoinCall {
    /// Client ids the simulator gives HF orders placed without `clientOid`; never shown.
    static let anonymousPrefix = "~"

    func orderRequest(_ body: [String: Any], state: inout EngineState) throws(KuCoinError) -> OrderRequest {
        guard let symbol = KuCoinField.string(body, "symbol") else { throw .missing("symbol") }
        guard let market = market(symbol, &state) else { throw .symbolNotAvailable }
        let side: OrderSide
        switch KuCoinField.string(body, "side") {
        case "buy": side = .buy
        case "sell": side = .sell
        default: throw .parameter("side invalid")
        }
        let type: OrderType
        switch KuCoinField.string(body, "type") ?? "limit" {
        case "limit": type = .limit
        case "market": type = .market
        default: throw .parameter("type invalid")
        }
        var timeInForce = TimeInForce.goodTillCancel
        if type == .limit {
            switch KuCoinField.string(body, "timeInForce") ?? "GTC" {
            case "GTC", "GTT": break
            case "IOC": timeInForce = .immediateOrCancel
            case "FOK" where !futuresHost: timeInForce = .fillOrKill
            default: throw .parameter("timeInForce invalid")
            }
            if KuCoinField.bool(body, "postOnly") == true {
                guard timeInForce == .goodTillCancel else { throw .parameter("postOnly with IOC or FOK is not allowed") }
                timeInForce = .postOnly
            }
        }
        var price: Price?
        if type == .limit {
            guard let value = KuCoinField.decimal(body, "price"), value.isPositive else { throw .missing("price") }
            price = Price(value)
        }
        if let sent = KuCoinField.decimal(body, "clientTimestamp"), let window = KuCoinField.decimal(body, "allowMaxTimeWindow"),
            let sentMs = Int64(sent.normalized.description), let windowMs = Int64(window.normalized.description),
            now - sentMs > windowMs
        {
            throw .parameter("The order arrived after allowMaxTimeWindow and was not placed.")
        }
        var quantity: Quantity?
        var quote: Amount?
        if futuresHost {
            quantity = try futuresQuantity(body, symbol: symbol, price: price ?? market.mid)
        } else {
            if let size = KuCoinField.decimal(body, "size") {
                quantity = Quantity(size)
            } else if type == .market, let funds = KuCoinField.decimal(body, "funds") {
                guard funds.isPositive else { throw .parameter("funds invalid") }
                quote = Amount(funds)
            } else {
                throw .missing("size")
            }
        }
        let clientID: String
        if let given = KuCoinField.string(body, "clientOid") {
            guard KuCoinField.isValidClientOid(given) else { throw .parameter("clientOid invalid") }
            clientID = given
        } else if futuresHost {
            throw .missing("clientOid")
        } else {
            clientID = Self.anonymousPrefix + state.generator.string(count: 24, alphabet: SeededGenerator.alphanumerics)
        }
        if futuresHost {
            let closing = KuCoinField.bool(body, "closeOrder") == true || KuCoinField.bool(body, "reduceOnly") == true
            if let leverage = KuCoinField.decimal(body, "leverage") {
                guard let whole = Int(leverage.normalized.description) else { throw .parameter("leverage invalid") }
                do { try state.setLeverage(accountID: accountID, symbol: symbol, leverage: whole) } catch {
                    throw .parameter("leverage invalid")
                }
            } else if !closing {
                throw .missing("leverage")
            }
        }
        return OrderRequest(
            symbol: symbol, side: side, type: type, timeInForce: timeInForce, price: price, quantity: quantity,
            quoteQuantity: quote, clientOrderID: clientID,
            reduceOnly: futuresHost
                && (KuCoinField.bool(body, "reduceOnly") == true || KuCoinField.bool(body, "closeOrder") == true))
    }

    /// Base units for exactly one of `size` (whole lots), `qty` (base, a multiple of the multiplier) or `valueQty`.
    private func futuresQuantity(_ body: [String: Any], symbol: String, price: Price) throws(KuCoinError) -> Quantity {
        guard let terms = KuCoinContract.of(symbol) else { throw .symbolNotAvailable }
        let size = KuCoinField.decimal(body, "size")
        let qty = KuCoinField.decimal(body, "qty")
        let value = KuCoinField.decimal(body, "valueQty")
        guard [size, qty, value].compactMap({ $0 }).count == 1 else {
            throw .parameter("Only one of size, qty and valueQty may be set.")
        }
        let lots: ExactDecimal
        if let size {
            lots = size
        } else if let qty {
            lots = qty.over(terms.multiplier, places: 12)
        } else {
            lots = (value ?? .zero).over(price.value * terms.multiplier, places: 0)
        }
        guard lots.isPositive else { throw .sizeBelowMinimum }
        guard lots.isMultiple(of: ExactDecimal(Int(terms.lotSize))) else { throw .sizeIncrement }
        return Quantity(lots * terms.multiplier)
    }

    /// The engine's refusal as KuCoin words it.
    func error(_ rejection: TradingRejection) -> KuCoinError {
        switch rejection {
        case .unknownSymbol: return .symbolNotAvailable
        case .duplicateClientOrderID: return futuresHost ? .duplicateFuturesClientOid : .duplicateSpotClientOid
        case .postOnlyWouldTake: return .parameter("The post-only order would take liquidity and was not placed.")
        case .insufficientBalance: return KuCoinError(status: 200, code: "126013", message: "Balance insufficient!")
        case .insufficientMargin: return .futuresMarginInsufficient
        case .reduceOnlyWouldIncrease: return .reduceOnlyRefused
        case .unknownOrder: return futuresHost ? .futuresNotCancelable : .cancelRefused
        case .invalidLeverage: return .parameter("leverage invalid")
        case .filter(let violation):
            switch violation {
            case .quantityBelowMinimum, .quantityNotPositive: return .sizeBelowMinimum
            case .quantityPrecision, .quantityNotOnStep: return .sizeIncrement
            case .quantityAboveMaximum, .marketQuantityAboveMaximum:
                return .parameter("Order size above the maximum requirement.")
            case .pricePrecision, .priceNotOnTick, .priceNotPositive: return .priceIncrement
            case .priceBelowMinimum, .priceAboveMaximum, .priceAbovePercentBound, .priceBelowPercentBound:
                return .priceRange
            case .notionalBelowMinimum: return .fundsBelowMinimum
            }
        }
    }
}
