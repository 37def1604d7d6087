import SentinelCore

/// Unified orders ↔ OKX order bodies and answers (okx.md §4). Sizes: base units for the user, contracts (`ctVal`
/// base each, in lots of `lotSz`) on the wire for swaps.
enum OKXOrderMapping {
    /// `clOrdId` takes 1–32 letters and digits: Sentinel's `sn-…` ids travel without their `-`/`_` (an order body
    /// writes the same bytes straight into its JSON).
    static func wireClientID(_ id: String) -> String {
        // Written in place: `filter` grew an array step by step and then copied it into the string.
        String(unsafeUninitializedCapacity: id.utf8.count) { out in
            var count = 0
            for byte in id.utf8 where ByteClass.isAlphanumeric(byte) {
                out[count] = byte
                count += 1
            }
            return count
        }
    }

    /// The client id as Sentinel knows it: `known` when it is the one sent, else Sentinel's generated form restored
    /// (`sn` + 26 base-36 characters → `sn-…`), else as OKX sent it.
    static func unifiedClientID(_ wire: String?, known: String? = nil) -> String? {
        guard let wire, !wire.isEmpty else { return nil }
        if let known, wireClientID(known) == wire { return known }
        let rest = wire.dropFirst(2)
        if wire.hasPrefix("sn"), rest.count == 26,
            rest.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || ("a"..."z").contains($0) })
        {
            return "sn-" + rest
        }
        return wire
    }

    /// `sz` for `quantity` base units: contracts on swaps (exact, or nil when not a whole number of lots).
    static func wireSize(_ quantity: Quantity, market: Market, lot: ExactDecimal? = nil) -> String? {
        guard let contract = OKXMarkets.contractValue(market) else {
            return market.product == .spot ? quantity.value.normalized.description : nil
        }
        guard let contracts = try? quantity.value.divided(by: contract, places: 18, rounding: .down),
            (try? contracts.multiplied(by: contract)) == quantity.value
        else { return nil }
        let lotSize = lot ?? ((try? market.rules.stepSize.value.divided(by: contract, places: 18, rounding: .down)) ?? contracts)
        guard lotSize.isPositive, contracts.isMultiple(of: lotSize) else { return nil }
        return contracts.normalized.description
    }

    /// Base units for a wire `sz` on `market`.
    static func baseQuantity(_ size: ExactDecimal, market: Market?) -> ExactDecimal {
        guard let market, let contract = OKXMarkets.contractValue(market) else { return size }
        return (try? size.multiplied(by: contract)) ?? size
    }

    static func ordType(_ request: OrderRequest) -> String {
        if request.type == .market { return "market" }
        if request.postOnly { return "post_only" }
        switch request.timeInForce {
        case .gtc: return "limit"
        case .ioc: return "ioc"
        case .fok: return "fok"
        }
    }

    /// The body of `POST /api/v5/trade/order`.
    static func body(_ request: OrderRequest, market: Market) -> String {
        var json = JSONWriter()
        write(request, market: market, to: &json)
        return json.rendered
    }

    /// One order as an object: the body of a single placement, or one element of `batch-orders`. A size that is not a
    /// whole number of lots goes out as written so that OKX names the rule (51121); the shared client refuses it
    /// before that.
    static func write(_ request: OrderRequest, market: Market, to json: inout JSONWriter) {
        let spot = market.product == .spot
        json.openObject()
        json.member("instId", market.nativeSymbol)
        json.member("tdMode", spot ? "cash" : (request.marginMode ?? .cross).rawValue)
        json.member("clOrdId", alphanumericOf: request.clientOrderID.rawValue)
        json.member("side", request.side.rawValue)
        json.member("ordType", ordType(request))
        json.member("sz", wireSize(request.quantity, market: market) ?? request.quantity.value.normalized.description)
        if request.type == .limit, let price = request.price { json.member("px", price.value.normalized.description) }
        if spot, request.type == .market { json.member("tgtCcy", "base_ccy") }
        if !spot, let side = request.positionSide, side != .net { json.member("posSide", side.rawValue) }
        if !spot, request.reduceOnly { json.member("reduceOnly", true) }
        json.closeObject()
    }

    /// The order as OKX acknowledged it: accepted, nothing known yet of fills.
    static func acknowledged(_ request: OrderRequest, symbol: UnifiedSymbol, ordId: String) -> Order {
        Order(
            symbol: symbol, id: ordId, clientOrderID: request.clientOrderID.rawValue, side: request.side,
            type: request.type, status: .new, price: request.type == .limit ? request.price : nil,
            quantity: request.quantity, filledQuantity: .zero, averagePrice: nil,
            timeInForce: request.type == .limit ? request.timeInForce : nil, postOnly: request.postOnly,
            reduceOnly: request.reduceOnly, createdAt: nil, updatedAt: nil)
    }

    static func order(_ wire: OKXWire.Order, market: Market?, symbol: UnifiedSymbol, knownClientID: String? = nil) -> Order {
        let filled = baseQuantity(wire.accFillSz?.value ?? .zero, market: market)
        // A spot market buy sized in quote (tgtCcy quote_ccy) has no base size until it fills.
        let quoteSized = wire.tgtCcy == "quote_ccy"
        let quantity = quoteSized ? filled : baseQuantity(wire.sz.value ?? .zero, market: market)
        return Order(
            symbol: symbol, id: wire.ordId, clientOrderID: unifiedClientID(wire.clOrdId, known: knownClientID),
            side: wire.side == "sell" ? .sell : .buy, type: wire.ordType == "market" ? .market : .limit,
            status: status(wire.state), price: wire.px?.value.map(Price.init), quantity: Quantity(quantity),
            filledQuantity: Quantity(filled), averagePrice: wire.avgPx?.value.flatMap { $0.isZero ? nil : Price($0) },
            timeInForce: timeInForce(wire.ordType), postOnly: wire.ordType == "post_only",
            reduceOnly: wire.reduceOnly?.value ?? false, createdAt: wire.cTime?.int64, updatedAt: wire.uTime?.int64)
    }

    static func status(_ state: String) -> OrderStatus {
        switch state {
        case "live": .new
        case "partially_filled": .partiallyFilled
        case "filled": .filled
        default: .canceled  // canceled, mmp_canceled
        }
    }

    static func timeInForce(_ ordType: String) -> TimeInForce? {
        switch ordType {
        case "limit", "post_only": .gtc
        case "ioc", "optimal_limit_ioc": .ioc
        case "fok": .fok
        default: nil
        }
    }
}
