import SentinelCore
import SentinelNet

extension BybitConnector {
    public func serverTime() -> VenueCall<Int64> {
        let endpoint = BybitEndpoint.time
        return VenueCall(endpoint) { body, _ throws(SentinelError) in
            let head = try WireDecoding.decode(BybitWire.Head.self, from: body, exchange: .bybit, endpoint: endpoint.path)
            let time = try Self.result(BybitWire.ServerTime.self, body, endpoint)
            // `timeNano` has the milliseconds; the envelope's `time` is the fallback.
            if let nano = time.timeNano, nano.count > 6, let ms = Int64(nano.dropLast(6)) { return ms }
            if let ms = head.time?.value { return ms }
            guard let seconds = Int64(time.timeSecond) else {
                throw SentinelError(.badResponse, Diagnosis(cause: "Bybit's server time was not a number."))
            }
            return seconds * 1000
        }
    }

    public func markets() -> VenueCall<MarketsAnswer> {
        let endpoint = BybitEndpoint.instruments
        let product = venue.product
        let pools = initialPools
        return VenueCall(endpoint, .pairs([("category", category), ("limit", "1000")])) {
            body, _ throws(SentinelError) in
            let listing = try Self.result(BybitWire.Listing<BybitWire.Instrument>.self, body, endpoint)
            return MarketsAnswer(markets: BybitMarkets.markets(from: listing.list, product: product), pools: pools)
        }
    }

    public func ticker(_ market: Market) -> VenueCall<Ticker> {
        let endpoint = BybitEndpoint.tickers
        let symbol = market.symbol
        return VenueCall(endpoint, .pairs([("category", category), ("symbol", market.nativeSymbol)])) {
            body, _ throws(SentinelError) in
            guard let row = try Self.result(BybitWire.Listing<BybitWire.TickerRow>.self, body, endpoint).list.first else {
                throw SentinelError(.badResponse, Diagnosis(cause: "Bybit answered no ticker for \(symbol)."))
            }
            func price(_ text: String?) -> Price? { BybitWire.decimal(text).flatMap { $0.isPositive ? Price($0) : nil } }
            return Ticker(symbol: symbol, bid: price(row.bid1Price), ask: price(row.ask1Price), last: price(row.lastPrice))
        }
    }

    /// Spot books go 200 levels deep, derivatives 500.
    public func orderBook(_ market: Market, depth: Int) -> VenueCall<OrderBook>? {
        let endpoint = BybitEndpoint.orderBook
        let limit = min(depth, venue.product == .spot ? 200 : 500)
        return VenueCall(
            endpoint, .pairs([("category", category), ("symbol", market.nativeSymbol), ("limit", String(limit))])
        ) { body, _ throws(SentinelError) in
            let book = try Self.result(BybitWire.Book.self, body, endpoint)
            return try OrderBook.from(bids: book.b, asks: book.a, market: market, depth: depth, path: endpoint.path)
        }
    }

    /// The unified wallet: one balance per coin for spot and derivatives alike. Free is what orders and positions
    /// do not hold.
    public func balances() -> VenueCall<[Balance]> {
        let endpoint = BybitEndpoint.walletBalance
        return VenueCall(endpoint, .pairs([("accountType", "UNIFIED")])) { body, _ throws(SentinelError) in
            var balances: [Balance] = []
            for wallet in try Self.result(BybitWire.Listing<BybitWire.Wallet>.self, body, endpoint).list {
                for coin in wallet.coin {
                    guard let total = BybitWire.decimal(coin.walletBalance) else {
                        throw SentinelError(
                            .badResponse,
                            Diagnosis(cause: "Bybit's walletBalance for \(coin.coin) is not a decimal: \(coin.walletBalance)"))
                    }
                    guard !total.isZero else { continue }
                    var held = ExactDecimal.zero
                    for part in [coin.locked, coin.totalOrderIM, coin.totalPositionIM] {
                        if let value = BybitWire.decimal(part) { held = (try? held.adding(value)) ?? held }
                    }
                    let capped = held > total ? total : held
                    let free = (try? total.subtracting(capped)) ?? .zero
                    balances.append(Balance(asset: coin.coin, free: Amount(free), locked: Amount(capped)))
                }
            }
            return balances
        }
    }

    public func positions() -> VenueCall<[Position]>? {
        guard venue.product != .spot else { return nil }
        let endpoint = BybitEndpoint.positions
        let settle = venue.product == .linear ? "USDT" : nil
        var parameters = [("category", category)]
        if let settle { parameters.append(("settleCoin", settle)) }
        return VenueCall(endpoint, .pairs(parameters)) { body, markets throws(SentinelError) in
            try Self.result(BybitWire.Listing<BybitWire.PositionRow>.self, body, endpoint).list
                .filter { !$0.size.isZero }
                .map { row in
                    Position(
                        symbol: markets.symbol(native: row.symbol),
                        size: row.side == "Sell" ? row.size.negated() : row.size,
                        entryPrice: Price(BybitWire.decimal(row.avgPrice) ?? .zero),
                        markPrice: BybitWire.decimal(row.markPrice).map(Price.init),
                        unrealizedPnl: Amount(BybitWire.decimal(row.unrealisedPnl) ?? .zero),
                        liquidationPrice: BybitWire.decimal(row.liqPrice).flatMap { $0.isZero ? nil : Price($0) },
                        leverage: BybitWire.decimal(row.leverage))
                }
        }
    }

    /// From `/v5/user/query-api` (bybit.md §4, §8): `readOnly` wins over the groups; Withdraw under Wallet;
    /// `ips: ["*"]` is unbound, and unbound keys expire (`expiredAt`).
    public func permissions() throws(SentinelError) -> VenueCall<KeyPermissions> {
        let endpoint = BybitEndpoint.keyInfo
        return VenueCall(endpoint) { body, _ throws(SentinelError) in
            BybitPermissions.map(try Self.result(BybitWire.KeyInfo.self, body, endpoint))
        }
    }
}
