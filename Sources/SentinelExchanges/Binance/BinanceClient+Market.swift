import SentinelCore
import SentinelNet

extension BinanceClient {
    public func serverTime() async throws(SentinelError) -> Int64 {
        try await performDecoding(BinanceWire.ServerTime.self, endpoints.time).serverTime.value
    }

    public func synchronizeClock() async throws(SentinelError) -> ClockEstimate {
        var machine = ClockSyncStateMachine()
        var action = machine.start()
        var lastError: SentinelError?
        while true {
            switch action {
            case .takeSample:
                let sent = configuration.now()
                do {
                    let server = try await serverTime()
                    action = machine.record(
                        .init(sentAtMs: sent, serverTimeMs: server, receivedAtMs: configuration.now()))
                } catch {
                    lastError = error
                    action = machine.sampleFailed()
                }
            case .finished(let estimate):
                await session.setClock(estimate)
                return estimate
            case .failed:
                throw lastError
                    ?? SentinelError(.network, Diagnosis(cause: "The exchange's clock could not be read."))
            }
        }
    }

    public func markets() async throws(SentinelError) -> [Market] {
        let info = try await performDecoding(BinanceWire.ExchangeInfo.self, endpoints.exchangeInfo)
        let markets = BinanceMarkets.markets(from: info, product: venue.product)
        if let limits = info.rateLimits {
            let pools = BinanceEndpoints.pools(from: limits)
            if !pools.isEmpty { await session.replacePools(pools) }
        }
        await session.store(markets: markets, nowMs: configuration.now())
        return markets.sorted { $0.symbol.description < $1.symbol.description }
    }

    /// The market for `symbol`, loading markets once if needed. Unknown symbols get a clear error.
    func market(_ symbol: UnifiedSymbol) async throws(SentinelError) -> Market {
        if let market = await session.market(symbol) { return market }
        _ = try await markets()
        if let market = await session.market(symbol) { return market }
        let known = await session.allMarkets.map(\.symbol.description).sorted().prefix(8)
        throw SentinelError(
            .invalidInput,
            Diagnosis(
                cause: "\(venue.exchange.displayName) \(venue.product) has no market \(symbol).",
                evidence: [.init("some markets", known.joined(separator: ", "))],
                fix: [
                    "Spot symbols look like BTC/USDT, USDⓈ-M perpetuals like BTC/USDT:USDT.",
                    "List them with `sentinel markets`.",
                ]))
    }

    /// The unified symbol of a native id, for answers that carry only the native id.
    func unifiedSymbol(native: String) async -> UnifiedSymbol {
        if let market = await session.market(native: native) { return market.symbol }
        _ = try? await markets()
        return await session.market(native: native)?.symbol ?? UnifiedSymbol(base: native, quote: "?")
    }

    public func ticker(_ symbol: UnifiedSymbol) async throws(SentinelError) -> Ticker {
        let market = try await market(symbol)
        if venue.product == .spot {
            let body = try await performDecoding(
                BinanceWire.Ticker24h.self, endpoints.ticker, [("symbol", market.nativeSymbol)])
            return Ticker(
                symbol: symbol, bid: body.bidPrice.map(Price.init), ask: body.askPrice.map(Price.init),
                last: body.lastPrice.map(Price.init))
        }
        let body = try await performDecoding(
            BinanceWire.TickerPrice.self, endpoints.ticker, [("symbol", market.nativeSymbol)])
        return Ticker(symbol: symbol, bid: nil, ask: nil, last: Price(body.price))
    }
}
