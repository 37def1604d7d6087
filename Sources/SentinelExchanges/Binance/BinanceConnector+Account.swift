import SentinelCore
import SentinelNet

extension BinanceConnector {
    public func serverTime() -> VenueCall<Int64> {
        let endpoint = endpoints.time
        return VenueCall(endpoint) { body, _ throws(SentinelError) in
            try decode(BinanceWire.ServerTime.self, body, endpoint).serverTime.value
        }
    }

    public func markets() -> VenueCall<MarketsAnswer> {
        let endpoint = endpoints.exchangeInfo
        let product = venue.product
        return VenueCall(endpoint) { body, _ throws(SentinelError) in
            let info = try decode(BinanceWire.ExchangeInfo.self, body, endpoint)
            return MarketsAnswer(
                markets: BinanceMarkets.markets(from: info, product: product),
                pools: BinanceEndpoints.pools(from: info.rateLimits ?? []))
        }
    }

    public func ticker(_ market: Market) -> VenueCall<Ticker> {
        let endpoint = endpoints.ticker
        let symbol = market.symbol
        let parameters = VenuePayload.pairs([("symbol", market.nativeSymbol)])
        if venue.product == .spot {
            return VenueCall(endpoint, parameters) { body, _ throws(SentinelError) in
                let answer = try decode(BinanceWire.Ticker24h.self, body, endpoint)
                return Ticker(
                    symbol: symbol, bid: answer.bidPrice.map(Price.init), ask: answer.askPrice.map(Price.init),
                    last: answer.lastPrice.map(Price.init))
            }
        }
        return VenueCall(endpoint, parameters) { body, _ throws(SentinelError) in
            Ticker(symbol: symbol, bid: nil, ask: nil, last: Price(try decode(BinanceWire.TickerPrice.self, body, endpoint).price))
        }
    }

    /// `depth`: spot takes any limit up to 5000 and charges by it; USDⓈ-M takes 5, 10, 20, 50, 100, 500 or 1000.
    public func orderBook(_ market: Market, depth: Int) -> VenueCall<OrderBook>? {
        let spot = venue.product == .spot
        let limit = spot ? depth : [5, 10, 20, 50, 100, 500, 1000].first { $0 >= depth } ?? 1000
        let weight: Int
        if spot {
            weight = limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250
        } else {
            weight = limit <= 50 ? 2 : limit <= 100 ? 5 : limit <= 500 ? 10 : 20
        }
        let endpoint = VenueEndpoint(.GET, spot ? "/api/v3/depth" : "/fapi/v1/depth", .none, weight: weight)
        return VenueCall(endpoint, .pairs([("symbol", market.nativeSymbol), ("limit", String(limit))])) {
            body, _ throws(SentinelError) in
            let book = try decode(BookSides.self, body, endpoint)
            return try OrderBook.from(book, market: market, depth: depth, path: endpoint.path)
        }
    }

    public func balances() -> VenueCall<[Balance]> {
        let endpoint = endpoints.balances
        if venue.product == .spot {
            return VenueCall(endpoint, .pairs([("omitZeroBalances", "true")])) { body, _ throws(SentinelError) in
                try decode(BinanceWire.SpotAccount.self, body, endpoint).balances
                    .filter { !$0.free.isZero || !$0.locked.isZero }
                    .map { Balance(asset: $0.asset, free: Amount($0.free), locked: Amount($0.locked)) }
            }
        }
        return VenueCall(endpoint) { body, _ throws(SentinelError) in
            try decode([BinanceWire.FuturesBalance].self, body, endpoint).filter { !$0.balance.isZero }.map { row in
                let locked = (try? row.balance.subtracting(row.availableBalance)) ?? .zero
                return Balance(
                    asset: row.asset, free: Amount(row.availableBalance), locked: Amount(locked.isNegative ? .zero : locked))
            }
        }
    }

    public func positions() -> VenueCall<[Position]>? {
        guard let endpoint = endpoints.positions else { return nil }
        return VenueCall(endpoint) { body, markets throws(SentinelError) in
            try decode([BinanceWire.PositionRisk].self, body, endpoint).filter { !$0.positionAmt.isZero }.map { row in
                Position(
                    symbol: markets.symbol(native: row.symbol), size: row.positionAmt,
                    entryPrice: Price(row.entryPrice), markPrice: row.markPrice.map(Price.init),
                    unrealizedPnl: Amount(row.unRealizedProfit),
                    liquidationPrice: row.liquidationPrice.flatMap { $0.isZero ? nil : Price($0) },
                    leverage: row.leverage)
            }
        }
    }

    /// From `/sapi/v1/account/apiRestrictions` (binance.md §4). Binance.US and the spot testnet have no such
    /// endpoint: that is `unsupported`, and the doctor reports the permissions as unknown.
    public func permissions() throws(SentinelError) -> VenueCall<KeyPermissions> {
        if venue.exchange == .binanceUS || (venue.environment.kind == .testnet && venue.environment.customEndpoint == nil) {
            throw SentinelError(
                .unsupported,
                Diagnosis(
                    cause: "\(venue.exchange.displayName) \(venue.environment.kind) does not report a key's permissions.",
                    fix: ["Check the key's permissions on the exchange's API Management page."]))
        }
        let endpoint = endpoints.apiRestrictions
        return VenueCall(endpoint) { body, _ throws(SentinelError) in
            let answer = try decode(BinanceWire.APIRestrictions.self, body, endpoint)
            return KeyPermissions(
                read: answer.enableReading.value, spotTrade: answer.enableSpotAndMarginTrading.value,
                futuresTrade: answer.enableFutures?.value ?? false, withdraw: answer.enableWithdrawals.value,
                transfer: (answer.enableInternalTransfer?.value ?? false)
                    || (answer.permitsUniversalTransfer?.value ?? false),
                ipRestricted: answer.ipRestrict.value, ipWhitelist: nil,
                expiresAt: answer.tradingAuthorityExpirationTime?.value, createdAt: answer.createTime?.value)
        }
    }
}

extension BinanceConnector {
    /// `/sapi/v1/capital/withdraw/history` on binance.com's spot host (Binance.US and the testnets have none). The
    /// exchange answers at most 90 days; older `sinceMs` is moved up to that.
    public func withdrawals(sinceMs: Int64) -> VenueCall<[Withdrawal]>? {
        guard venue.exchange == .binance, venue.product == .spot,
            venue.environment.kind == .live || venue.environment.customEndpoint != nil
        else { return nil }
        let endpoint = VenueEndpoint(.GET, "/sapi/v1/capital/withdraw/history", .signed, weight: 1)
        return VenueCall(endpoint, .pairs([("startTime", String(sinceMs))])) { body, _ throws(SentinelError) in
            try decode([BinanceWire.WithdrawRecord].self, body, endpoint).map { row throws(SentinelError) in
                guard let time = BinanceWithdrawals.milliseconds(utc: row.applyTime) else {
                    throw SentinelError(
                        .badResponse,
                        Diagnosis(
                            cause: "Binance sent a withdrawal time Sentinel cannot read.",
                            evidence: [.init("applyTime", String(row.applyTime.prefix(40)))],
                            fix: ["Check the withdrawal history on Binance's website."]))
                }
                return Withdrawal(
                    id: row.id, asset: row.coin, amount: Amount(row.amount), fee: row.transactionFee.map(Amount.init),
                    address: row.address, network: row.network, status: BinanceWithdrawals.status(row.status.value),
                    time: time, transactionID: row.txId)
            }
        }
    }
}
