import Foundation
import SentinelCore
import SentinelNet

extension VenueClient {
    public func serverTime() async throws(SentinelError) -> Int64 {
        try await perform(connector.serverTime())
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
                session.setClock(estimate)
                return estimate
            case .failed:
                throw lastError
                    ?? SentinelError(.network, Diagnosis(cause: "The exchange's clock could not be read."))
            }
        }
    }

    public func markets() async throws(SentinelError) -> [Market] {
        let answer = try await perform(connector.markets())
        session.replacePools(answer.pools)
        session.store(markets: answer.markets, nowMs: configuration.now())
        return answer.markets.sorted { $0.symbol.description < $1.symbol.description }
    }

    /// The market for `symbol` — unified (`BTC/USDT:USDT`) or native (`BTCUSDT`, `BTC-USDT-SWAP`) — loading the
    /// markets once if needed. Unknown symbols get a clear error.
    public func market(_ symbol: UnifiedSymbol) async throws(SentinelError) -> Market {
        if let market = session.market(symbol) { return market }
        _ = try await markets()
        if let market = session.market(symbol) { return market }
        let known = session.directory.all.map(\.symbol.description).prefix(8)
        throw SentinelError(
            .invalidInput,
            Diagnosis(
                cause: "\(venue.exchange.displayName) \(venue.product) has no market \(symbol).",
                evidence: [.init("some markets", known.joined(separator: ", "))],
                fix: [
                    "Spot symbols look like BTC/USDT, linear perpetuals like BTC/USDT:USDT, inverse like BTC/USD:BTC.",
                    "List them with `sentinel markets`.",
                ]))
    }

    /// A symbol as a person typed it: unified (`BTC/USDT:USDT`) or the exchange's native id (`BTCUSDT`,
    /// `BTC-USDT-SWAP`, `XBTUSDTM`), resolved through the exchange's own market list.
    public func resolveSymbol(_ text: String) async throws(SentinelError) -> UnifiedSymbol {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let unified = UnifiedSymbol(trimmed) { return unified }
        let directory = try await loadedDirectory()
        if let market = directory.byNative[trimmed] ?? directory.byNative[trimmed.uppercased()] { return market.symbol }
        throw SentinelError(
            .invalidInput,
            Diagnosis(
                cause: "\"\(text.prefix(40))\" is not a symbol: neither unified nor \(withArticle(venue.exchange.displayName)) "
                    + "\(venue.product) market id.",
                evidence: [.init("some markets", directory.all.prefix(6).map { "\($0.symbol) (\($0.nativeSymbol))" }
                    .joined(separator: ", "))],
                fix: ["Write it as BTC/USDT (spot), BTC/USDT:USDT (linear) or BTC/USD:BTC (inverse), or as the "
                    + "exchange's own id; `sentinel markets` lists both."]))
    }

    /// The directory of loaded markets, loading them once for answers that carry only native ids.
    func loadedDirectory() async throws(SentinelError) -> MarketDirectory {
        let directory = session.directory
        if !directory.isEmpty { return directory }
        _ = try await markets()
        return session.directory
    }

    public func orderBook(_ symbol: UnifiedSymbol, depth: Int) async throws(SentinelError) -> OrderBook {
        guard (1...1000).contains(depth) else {
            throw .invalidInput("A book depth of \(depth) levels is outside 1…1000.", fix: ["Ask for 1 to 1000 levels a side."])
        }
        let market = try await market(symbol)
        guard let call = connector.orderBook(market, depth: depth) else {
            throw SentinelError(
                .unsupported, Diagnosis(cause: "Sentinel's \(venue.exchange.displayName) connector does not read order books yet."))
        }
        var book = try await perform(call)
        book.symbol = market.symbol
        return book
    }

    public func ticker(_ symbol: UnifiedSymbol) async throws(SentinelError) -> Ticker {
        let market = try await market(symbol)
        var ticker = try await perform(connector.ticker(market))
        ticker.symbol = market.symbol
        return ticker
    }
}
