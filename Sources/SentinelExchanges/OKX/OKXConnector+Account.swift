import SentinelCore
import SentinelNet

extension OKXConnector {
    public func serverTime() -> VenueCall<Int64> {
        let endpoint = OKXEndpoint.time
        return VenueCall(endpoint) { body, _ throws(SentinelError) in
            try Self.first(OKXWire.ServerTime.self, body, endpoint).ts.value
        }
    }

    public func markets() -> VenueCall<MarketsAnswer> {
        let endpoint = OKXEndpoint.instruments
        let product = venue.product
        return VenueCall(endpoint, .pairs([("instType", OKXMarkets.instrumentType(for: product))])) {
            body, _ throws(SentinelError) in
            MarketsAnswer(markets: OKXMarkets.markets(from: try Self.data(OKXWire.Instrument.self, body, endpoint), product: product))
        }
    }

    public func ticker(_ market: Market) -> VenueCall<Ticker> {
        let endpoint = OKXEndpoint.ticker
        let symbol = market.symbol
        return VenueCall(endpoint, .pairs([("instId", market.nativeSymbol)])) { body, _ throws(SentinelError) in
            let answer = try Self.first(OKXWire.Ticker.self, body, endpoint)
            return Ticker(
                symbol: symbol, bid: answer.bidPx?.value.map(Price.init), ask: answer.askPx?.value.map(Price.init),
                last: answer.last?.value.map(Price.init))
        }
    }

    /// Up to 400 levels a side; swap sizes come in contracts and are turned into base units.
    public func orderBook(_ market: Market, depth: Int) -> VenueCall<OrderBook>? {
        let endpoint = OKXEndpoint.books
        return VenueCall(endpoint, .pairs([("instId", market.nativeSymbol), ("sz", String(min(depth, 400)))])) {
            body, _ throws(SentinelError) in
            let book = try Self.first(BookSides.self, body, endpoint)
            return try OrderBook.from(book, market: market, depth: depth, path: endpoint.path)
        }
    }

    /// The trading account's balances (OKX's unified account serves spot and derivatives alike).
    public func balances() -> VenueCall<[Balance]> {
        let endpoint = OKXEndpoint.balance
        return VenueCall(endpoint) { body, _ throws(SentinelError) in
            try Self.data(OKXWire.Balance.self, body, endpoint).flatMap(\.details).compactMap { row in
                let free = row.availBal?.value ?? .zero
                let locked = row.frozenBal?.value ?? .zero
                guard !free.isZero || !locked.isZero else { return nil }
                return Balance(asset: row.ccy, free: Amount(free), locked: Amount(locked))
            }
        }
    }

    /// Swaps only; sizes in base units (`pos` contracts × `ctVal`), signed in net mode, negative for short in
    /// long/short mode.
    public func positions() -> VenueCall<[Position]>? {
        guard venue.product != .spot else { return nil }
        let endpoint = OKXEndpoint.positions
        return VenueCall(endpoint, .pairs([("instType", "SWAP")])) { body, markets throws(SentinelError) in
            try Self.data(OKXWire.Position.self, body, endpoint).compactMap { row in
                guard let contracts = row.pos?.value, !contracts.isZero, let market = markets.byNative[row.instId] else {
                    return nil
                }
                var size = OKXOrderMapping.baseQuantity(contracts, market: market)
                if row.posSide == "short", !size.isNegative { size = size.negated() }
                return Position(
                    symbol: market.symbol, size: size, entryPrice: Price(row.avgPx?.value ?? .zero),
                    markPrice: row.markPx?.value.map(Price.init), unrealizedPnl: Amount(row.upl?.value ?? .zero),
                    liquidationPrice: row.liqPx?.value.flatMap { $0.isZero ? nil : Price($0) }, leverage: row.lever?.value,
                    positionSide: PositionSide(rawValue: row.posSide ?? "net") ?? .net,
                    marginMode: row.mgnMode.flatMap(MarginMode.init(rawValue:)))
            }
        }
    }

    /// From `GET /api/v5/account/config` (okx.md §4): `perm` (`read_only`, `trade`, `withdraw`) and `ip` (comma list,
    /// `""` = not bound). Trade covers spot and derivatives alike; OKX exposes no expiry.
    public func permissions() throws(SentinelError) -> VenueCall<KeyPermissions> {
        let endpoint = OKXEndpoint.config
        return VenueCall(endpoint) { body, _ throws(SentinelError) in
            let config = try Self.first(OKXWire.Config.self, body, endpoint)
            let granted = Set(config.perm.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            let addresses = (config.ip ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            let trade = granted.contains("trade")
            var permissions = KeyPermissions(
                read: granted.contains("read_only") || trade, spotTrade: trade, futuresTrade: trade,
                withdraw: granted.contains("withdraw"), transfer: false, ipRestricted: !addresses.isEmpty,
                ipWhitelist: addresses)
            permissions.reported = granted.sorted()
            return permissions
        }
    }
}
