import SentinelCore
import SentinelNet

extension KuCoinConnector {
    public func serverTime() -> VenueCall<Int64> {
        let endpoint = KuCoinEndpoint.time
        return VenueCall(endpoint) { body, _ throws(SentinelError) in
            try Self.data(Int64.self, body, endpoint)
        }
    }

    public func markets() -> VenueCall<MarketsAnswer> {
        let product = venue.product
        if isFutures {
            let endpoint = KuCoinEndpoint.contracts
            return VenueCall(endpoint) { body, _ throws(SentinelError) in
                MarketsAnswer(markets: KuCoinMarkets.futures(try Self.data([KuCoinWire.Contract].self, body, endpoint), product: product))
            }
        }
        let endpoint = KuCoinEndpoint.symbols
        return VenueCall(endpoint) { body, _ throws(SentinelError) in
            MarketsAnswer(markets: KuCoinMarkets.spot(try Self.data([KuCoinWire.Symbol].self, body, endpoint)))
        }
    }

    /// The public 20- or 100-level snapshot (the full book needs a signed request); futures sizes come in lots.
    public func orderBook(_ market: Market, depth: Int) -> VenueCall<OrderBook>? {
        let endpoint: VenueEndpoint
        if isFutures {
            endpoint = depth <= 20 ? KuCoinEndpoint.futuresBook20 : KuCoinEndpoint.futuresBook100
        } else {
            endpoint = depth <= 20 ? KuCoinEndpoint.spotBook20 : KuCoinEndpoint.spotBook100
        }
        return VenueCall(endpoint, .pairs([("symbol", market.nativeSymbol)])) { body, _ throws(SentinelError) in
            let book = try Self.data(BookSides.self, body, endpoint)
            return try OrderBook.from(book, market: market, depth: depth, path: endpoint.path)
        }
    }

    public func ticker(_ market: Market) -> VenueCall<Ticker> {
        let symbol = market.symbol
        let query = VenuePayload.pairs([("symbol", market.nativeSymbol)])
        if isFutures {
            let endpoint = KuCoinEndpoint.futuresTicker
            return VenueCall(endpoint, query) { body, _ throws(SentinelError) in
                let answer = try Self.data(KuCoinWire.FuturesTicker.self, body, endpoint)
                return Ticker(
                    symbol: symbol, bid: answer.bestBidPrice?.value.map(Price.init),
                    ask: answer.bestAskPrice?.value.map(Price.init), last: answer.price?.value.map(Price.init))
            }
        }
        let endpoint = KuCoinEndpoint.level1
        return VenueCall(endpoint, query) { body, _ throws(SentinelError) in
            let answer = try Self.data(KuCoinWire.Level1.self, body, endpoint)
            return Ticker(
                symbol: symbol, bid: answer.bestBid?.value.map(Price.init), ask: answer.bestAsk?.value.map(Price.init),
                last: answer.price?.value.map(Price.init))
        }
    }

    /// Spot: the trading accounts (`type=trade`; funds in `main` cannot trade). Futures: the USDT account overview.
    public func balances() -> VenueCall<[Balance]> {
        if isFutures {
            let endpoint = KuCoinEndpoint.accountOverview
            return VenueCall(endpoint, .pairs([("currency", "USDT")])) { body, _ throws(SentinelError) in
                let overview = try Self.data(KuCoinWire.AccountOverview.self, body, endpoint)
                let free = overview.availableBalance.value ?? .zero
                var locked = ExactDecimal.zero
                for part in [overview.orderMargin, overview.positionMargin, overview.frozenFunds] {
                    locked = (try? locked.adding(part?.value ?? .zero)) ?? locked
                }
                return [Balance(asset: overview.currency, free: Amount(free), locked: Amount(locked))]
            }
        }
        let endpoint = KuCoinEndpoint.accounts
        return VenueCall(endpoint, .pairs([("type", "trade")])) { body, _ throws(SentinelError) in
            try Self.data([KuCoinWire.AccountItem].self, body, endpoint).compactMap { item in
                let free = item.available.value ?? .zero
                let locked = item.holds.value ?? .zero
                guard item.type == "trade", !free.isZero || !locked.isZero else { return nil }
                return Balance(asset: item.currency, free: Amount(free), locked: Amount(locked))
            }
        }
    }

    /// Futures only; `currentQty` is signed lots, shown in base units.
    public func positions() -> VenueCall<[Position]>? {
        guard isFutures else { return nil }
        let endpoint = KuCoinEndpoint.positions
        return VenueCall(endpoint) { body, markets throws(SentinelError) in
            try Self.data([KuCoinWire.Position].self, body, endpoint).compactMap { row in
                guard let lots = row.currentQty.value, !lots.isZero, let market = markets.byNative[row.symbol] else {
                    return nil
                }
                return Position(
                    symbol: market.symbol, size: KuCoinOrderMapping.base(lots, market: market),
                    entryPrice: Price(row.avgEntryPrice?.value ?? .zero), markPrice: row.markPrice?.value.map(Price.init),
                    unrealizedPnl: Amount(row.unrealisedPnl?.value ?? .zero),
                    liquidationPrice: row.liquidationPrice?.value.flatMap { $0.isZero ? nil : Price($0) },
                    leverage: (row.realLeverage ?? row.leverage)?.value,
                    marginMode: row.crossMode == true ? .cross : .isolated)
            }
        }
    }

    /// From `GET /api/v1/user/api-key` (kucoin.md §4): `permission` (`General` read, `Spot`, `Futures`; `Transfer` is
    /// the Withdrawal permission, `InnerTransfer` moves funds between accounts), `ipWhitelist` (masked, `""` = not
    /// bound). KuCoin reports no expiry.
    public func permissions() throws(SentinelError) -> VenueCall<KeyPermissions> {
        let endpoint = KuCoinEndpoint.keyInfo
        return VenueCall(endpoint) { body, _ throws(SentinelError) in
            KuCoinPermissions.map(try Self.data(KuCoinWire.KeyInfo.self, body, endpoint))
        }
    }
}
