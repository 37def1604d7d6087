import SentinelCore
import SentinelNet

extension BitgetConnector {
    public func serverTime() -> VenueCall<Int64> {
        let endpoint = BitgetEndpoint.time
        return VenueCall(endpoint) { body, _ throws(SentinelError) in
            try Self.data(BitgetWire.ServerTime.self, body, endpoint).serverTime.value
        }
    }

    /// Spot symbols, or the contracts of this product's `productType`.
    public func markets() -> VenueCall<MarketsAnswer> {
        if isSpot {
            let endpoint = BitgetEndpoint.spotSymbols
            return VenueCall(endpoint) { body, _ throws(SentinelError) in
                MarketsAnswer(markets: try Self.data([BitgetWire.SpotSymbol].self, body, endpoint).compactMap(BitgetMarkets.spot))
            }
        }
        let endpoint = BitgetEndpoint.contracts
        let product = venue.product
        return VenueCall(endpoint, .pairs([("productType", productType)])) { body, _ throws(SentinelError) in
            MarketsAnswer(
                markets: try Self.data([BitgetWire.Contract].self, body, endpoint).compactMap {
                    BitgetMarkets.contract($0, product: product)
                })
        }
    }

    public func ticker(_ market: Market) -> VenueCall<Ticker> {
        let endpoint = isSpot ? BitgetEndpoint.spotTickers : BitgetEndpoint.mixTicker
        var parameters = [("symbol", market.nativeSymbol)]
        if !isSpot { parameters.append(("productType", productType)) }
        let symbol = market.symbol
        return VenueCall(endpoint, .pairs(parameters)) { body, _ throws(SentinelError) in
            guard let row = try Self.data([BitgetWire.Ticker].self, body, endpoint).first else {
                throw SentinelError(.badResponse, Diagnosis(cause: "Bitget answered \(endpoint.path) with no ticker."))
            }
            return Ticker(
                symbol: symbol, bid: row.bidPr?.value.map(Price.init), ask: row.askPr?.value.map(Price.init),
                last: row.lastPr?.value.map(Price.init))
        }
    }

    /// Spot books go 150 levels deep (`type=step0`, unmerged), futures 100.
    public func orderBook(_ market: Market, depth: Int) -> VenueCall<OrderBook>? {
        let endpoint = isSpot ? BitgetEndpoint.spotBook : BitgetEndpoint.mixBook
        var parameters = [("symbol", market.nativeSymbol), ("limit", String(min(depth, isSpot ? 150 : 100)))]
        if isSpot { parameters.append(("type", "step0")) } else { parameters.append(("productType", productType)) }
        return VenueCall(endpoint, .pairs(parameters)) { body, _ throws(SentinelError) in
            let book = try Self.data(BookSides.self, body, endpoint)
            return try OrderBook.from(book, market: market, depth: depth, path: endpoint.path)
        }
    }

    /// Spot: the spot account's coins. Futures: this productType's futures accounts, one per margin coin (`available`
    /// free, `locked` held by orders).
    public func balances() -> VenueCall<[Balance]> {
        if isSpot {
            let endpoint = BitgetEndpoint.assets
            return VenueCall(endpoint) { body, _ throws(SentinelError) in
                try Self.data([BitgetWire.Asset].self, body, endpoint).compactMap { row in
                    let free = row.available?.value ?? .zero
                    let locked = (try? (row.frozen?.value ?? .zero).adding(row.locked?.value ?? .zero)) ?? .zero
                    guard !free.isZero || !locked.isZero else { return nil }
                    return Balance(asset: row.coin, free: Amount(free), locked: Amount(locked))
                }
            }
        }
        let endpoint = BitgetEndpoint.mixAccounts
        return VenueCall(endpoint, .pairs([("productType", productType)])) { body, _ throws(SentinelError) in
            try Self.data([BitgetWire.FuturesAccount].self, body, endpoint).compactMap { row in
                let free = row.available?.value ?? .zero
                let locked = row.locked?.value ?? .zero
                guard !free.isZero || !locked.isZero else { return nil }
                return Balance(asset: row.marginCoin, free: Amount(free), locked: Amount(locked))
            }
        }
    }

    /// Futures only: `all-position` of this productType; sizes in base coin, negative for shorts.
    public func positions() -> VenueCall<[Position]>? {
        guard !isSpot else { return nil }
        let endpoint = BitgetEndpoint.positions
        return VenueCall(endpoint, .pairs([("productType", productType)])) { body, markets throws(SentinelError) in
            try Self.data([BitgetWire.Position].self, body, endpoint).compactMap { row in
                guard let total = row.total?.value, !total.isZero else { return nil }
                let short = row.holdSide == "short"
                let hedge = row.posMode == "hedge_mode"
                return Position(
                    symbol: markets.symbol(native: row.symbol), size: short ? total.magnitude.negated() : total.magnitude,
                    entryPrice: Price(row.openPriceAvg?.value ?? .zero), markPrice: row.markPrice?.value.map(Price.init),
                    unrealizedPnl: Amount(row.unrealizedPL?.value ?? .zero),
                    liquidationPrice: row.liquidationPrice?.value.flatMap { $0.isPositive ? Price($0) : nil },
                    leverage: row.leverage?.value,
                    positionSide: hedge ? (short ? .short : .long) : .net,
                    marginMode: row.marginMode == "isolated" ? .isolated : row.marginMode == "crossed" ? .cross : nil)
            }
        }
    }

    /// From `GET /api/v2/spot/account/info` (bitget.md §4): `authorities` (`wwow` withdraw, `wtow` transfer, `stow`
    /// spot trade, `coow`/`cpow` futures trade, the `…r` codes read; the docs' plain `trade`/`readonly` too) and `ips`
    /// (comma list, empty = not bound). Bitget reports no expiry.
    public func permissions() throws(SentinelError) -> VenueCall<KeyPermissions> {
        let endpoint = BitgetEndpoint.keyInfo
        return VenueCall(endpoint) { body, _ throws(SentinelError) in
            let info = try Self.data(BitgetWire.KeyInfo.self, body, endpoint)
            return BitgetPermissions.permissions(authorities: info.authorities ?? [], ips: info.ips ?? "")
        }
    }
}
