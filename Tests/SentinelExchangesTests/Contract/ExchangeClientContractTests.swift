import SentinelCore
import SentinelSimulator
import Testing

@testable import SentinelExchanges

/// The contract every connector passes against its simulator dialect, written once: markets, balances, the order
/// lifecycle by exchange id and client id, batches, local refusals, and placements whose answer is lost.
@Suite(.serialized, .timeLimit(.minutes(5))) struct ExchangeClientContractTests {
    static func market(_ client: any ExchangeClient, _ symbol: UnifiedSymbol) async throws -> Market {
        try #require(try await client.markets().first { $0.symbol == symbol })
    }

    /// A post-only buy 3% under the market, of the smallest valid size: rests, never fills.
    static func restingBuy(_ client: any ExchangeClient, _ venue: ContractVenue) async throws -> OrderRequest {
        let market = try await market(client, venue.symbol)
        let reference = try #require(try await client.ticker(venue.symbol).reference)
        let price = try Price(reference.value.multiplied(by: ExactDecimal("0.97")))
            .rounded(toMultipleOf: market.rules.tickSize, .down)
        return OrderRequest(
            symbol: venue.symbol, side: .buy, type: .limit, quantity: try market.rules.smallestQuantity(at: price),
            price: price, postOnly: true)
    }

    /// A buy that fills at once: market, or a limit IOC 2% above the market.
    static func fillingBuy(_ client: any ExchangeClient, _ venue: ContractVenue, ioc: Bool) async throws -> OrderRequest {
        let market = try await market(client, venue.symbol)
        let reference = try #require(try await client.ticker(venue.symbol).reference)
        let above = try Price(reference.value.multiplied(by: ExactDecimal("1.02")))
            .rounded(toMultipleOf: market.rules.tickSize, .up)
        let quantity = try market.rules.smallestQuantity(at: above)
        return ioc
            ? OrderRequest(symbol: venue.symbol, side: .buy, type: .limit, quantity: quantity, price: above, timeInForce: .ioc)
            : OrderRequest(symbol: venue.symbol, side: .buy, type: .market, quantity: quantity)
    }

    /// How much of the bought asset the account holds (spot), or the position's size (derivatives).
    static func holding(_ client: any ExchangeClient, _ venue: ContractVenue) async throws -> ExactDecimal {
        if let asset = venue.boughtAsset {
            let balance = try await client.balances().first { $0.asset == asset }
            return try (balance?.free.value ?? .zero).adding(balance?.locked.value ?? .zero)
        }
        return try await client.positions().first { $0.symbol == venue.symbol }?.size ?? .zero
    }

    /// A holding that grew by one fill of `quantity`, less a fee of at most 1%.
    static func isOneFill(_ delta: ExactDecimal, of quantity: Quantity) throws -> Bool {
        let floor = try quantity.value.multiplied(by: ExactDecimal("0.99"))
        return delta <= quantity.value && delta >= floor
    }

    /// Where market buys are sized in the quote coin, the client refuses one before anything is sent.
    static func refusesMarketBuy(_ session: ContractVenue.Session, _ venue: ContractVenue) async throws {
        let request = try await fillingBuy(session.client, venue, ioc: false)
        do {
            _ = try await session.client.placeOrder(request)
            Issue.record("a market buy was placed on \(venue)")
        } catch { #expect(error.kind == .unsupported) }
        #expect(try session.journal.entry(clientOrderID: request.clientOrderID.rawValue)?.stageValue != .acknowledged)
        #expect(try await session.client.openOrders(symbol: venue.symbol).isEmpty)
    }

    @Test(arguments: ContractVenue.all)
    func marketsAndBalances(_ venue: ContractVenue) async throws {
        let session = try await venue.session()
        let client = session.client
        let market = try await Self.market(client, venue.symbol)
        #expect(market.rules.tickSize.isPositive && market.rules.stepSize.isPositive)
        #expect(market.product == venue.product)
        #expect(try await client.resolveSymbol(market.nativeSymbol) == venue.symbol)
        let balances = try await client.balances()
        #expect(balances.contains { $0.asset == "USDT" && $0.free.isPositive })
        await session.close()
    }

    /// The book snapshot: best levels first on each side, never crossed, within the depth asked, sizes in base units
    /// that the market's lot accepts.
    @Test(arguments: ContractVenue.all)
    func orderBookIsOrderedAndInBaseUnits(_ venue: ContractVenue) async throws {
        let session = try await venue.session()
        do {
            try await Self.checkOrderBook(session.client, venue)
        } catch {
            Issue.record(error, "\(venue)")
        }
        await session.close()
    }

    static func checkOrderBook(_ client: any ExchangeClient, _ venue: ContractVenue) async throws {
        let market = try await Self.market(client, venue.symbol)
        let book = try await client.orderBook(venue.symbol, depth: 5)
        #expect(book.symbol == venue.symbol)
        #expect((1...5).contains(book.bids.count) && (1...5).contains(book.asks.count))
        #expect(book.bids.map(\.price) == book.bids.map(\.price).sorted(by: >))
        #expect(book.asks.map(\.price) == book.asks.map(\.price).sorted())
        if let bid = book.bids.first?.price, let ask = book.asks.first?.price { #expect(bid < ask) }
        let reference = try #require(try await client.ticker(venue.symbol).reference)
        // Base units: a level near the market is worth a plausible amount of quote, not 100× off (contracts).
        for level in book.bids + book.asks {
            #expect(level.quantity.isPositive && level.price.isMultiple(of: market.rules.tickSize))
            let notional = try level.price.value.multiplied(by: level.quantity.value)
            #expect(notional < (try reference.value.multiplied(by: ExactDecimal(1000))), "\(level)")
        }
        await #expect(throws: SentinelError.self) { _ = try await client.orderBook(venue.symbol, depth: 0) }
    }

    @Test(arguments: ContractVenue.all)
    func placeShowListCancelByIDAndClientID(_ venue: ContractVenue) async throws {
        let session = try await venue.session()
        let client = session.client
        let request = try await Self.restingBuy(client, venue)
        let placed = try await client.placeOrder(request)
        #expect(placed.status == .new && placed.clientOrderID == request.clientOrderID.rawValue)
        #expect(try await client.order(symbol: venue.symbol, .exchangeID(placed.id)).id == placed.id)
        #expect(try await client.order(symbol: venue.symbol, .clientOrderID(request.clientOrderID.rawValue)).id == placed.id)
        #expect(try await client.openOrders(symbol: venue.symbol).map(\.id) == [placed.id])
        #expect(try await client.openOrders(symbol: nil).contains { $0.id == placed.id && $0.symbol == venue.symbol })
        let canceled = try await client.cancelOrder(symbol: venue.symbol, .clientOrderID(request.clientOrderID.rawValue))
        #expect(canceled.status == .canceled)
        #expect(try await client.openOrders(symbol: venue.symbol).isEmpty)
        #expect(try session.journal.entry(clientOrderID: request.clientOrderID.rawValue)?.stageValue == .acknowledged)
        await session.close()
    }

    @Test(arguments: ContractVenue.all)
    func batchesPlaceEachOrderOnce(_ venue: ContractVenue) async throws {
        let session = try await venue.session()
        let client = session.client
        let first = try await Self.restingBuy(client, venue)
        var second = first
        second.clientOrderID = .generate()
        var tooSmall = first
        tooSmall.clientOrderID = .generate()
        tooSmall.quantity = .zero
        let results = try await client.placeOrders([first, tooSmall, second])
        #expect(results.count == 3)
        #expect((try? results[0].get())?.clientOrderID == first.clientOrderID.rawValue)
        #expect((try? results[2].get())?.clientOrderID == second.clientOrderID.rawValue)
        guard case .failure(let refusal) = results[1] else { Issue.record("a zero quantity was accepted"); return }
        #expect(refusal.kind == .invalidOrder)
        #expect(try session.journal.entry(clientOrderID: tooSmall.clientOrderID.rawValue) == nil)
        #expect(try await client.openOrders(symbol: venue.symbol).count == 2)
        #expect(try await client.cancelAllOrders(symbol: venue.symbol) == 2)
        await session.close()
    }

    @Test(arguments: ContractVenue.all)
    func refusalsAreLocalAndTyped(_ venue: ContractVenue) async throws {
        let session = try await venue.session()
        let client = session.client
        var request = try await Self.restingBuy(client, venue)
        let market = try await Self.market(client, venue.symbol)
        request.price = try Price(request.price!.value.adding(market.rules.tickSize.value.divided(
            by: ExactDecimal(2), places: market.rules.tickSize.value.scale + 1, rounding: .halfEven)))
        await #expect(throws: SentinelError.self) { _ = try await client.placeOrder(request) }
        #expect(try session.journal.entry(clientOrderID: request.clientOrderID.rawValue) == nil)
        let unknown = UnifiedSymbol(base: "NOPE", quote: "USDT", settle: venue.symbol.settle)
        do {
            _ = try await client.order(symbol: unknown, .clientOrderID("sn-none"))
            Issue.record("an unknown market was accepted")
        } catch { #expect(error.kind == .invalidInput) }
        do {
            _ = try await client.order(symbol: venue.symbol, .clientOrderID("sn-never-placed"))
            Issue.record("an order that was never placed was found")
        } catch { #expect(error.kind == .orderNotFound) }
        await session.close()
    }

    /// The exchange keeps the order but the answer never comes: the client finds it by client id and never sends
    /// it twice — for resting limit orders, and for market and IOC orders that fill at once and so no longer block
    /// their client id on the exchange.
    @Test(arguments: ContractVenue.all, ["limit", "market", "ioc"])
    func anAcceptedOrderWhoseAnswerIsLostIsFoundNotDuplicated(_ venue: ContractVenue, _ kind: String) async throws {
        let session = try await venue.session(timeoutMs: 1_500)
        let client = session.client
        if kind == "market", !venue.marketBuys {
            try await Self.refusesMarketBuy(session, venue)
            await session.close()
            return
        }
        let request = kind == "limit"
            ? try await Self.restingBuy(client, venue) : try await Self.fillingBuy(client, venue, ioc: kind == "ioc")
        let before = try await Self.holding(client, venue)
        await session.simulator.addFault(
            SimulatedFault(exchange: venue.listener.rawValue, kind: "timeout-after-accept", path: venue.orderPath, count: 1,
                latencyMs: 4_000))
        let order = try await client.placeOrder(request)
        #expect(order.clientOrderID == request.clientOrderID.rawValue)
        let after = try await Self.holding(client, venue)
        if kind == "limit" {
            #expect(try await client.openOrders(symbol: venue.symbol).count == 1)
        } else {
            // Exactly one fill: spot pays its fee in the bought asset, so one fill adds a little less than the
            // quantity; a second order would have added nearly twice as much.
            #expect(try Self.isOneFill(after.subtracting(before), of: request.quantity))
        }
        #expect(try session.journal.entry(clientOrderID: request.clientOrderID.rawValue)?.stageValue == .acknowledged)
        await session.close()
    }

    /// A 5xx before the exchange processed the order: "no such order" is trusted only once the request's validity
    /// window has passed, then the order is sent again under the same client id — placed once.
    @Test(arguments: ContractVenue.all, ["limit", "market"])
    func aServerErrorIsLookedUpAndSentAgainOnlyPastTheWindow(_ venue: ContractVenue, _ kind: String) async throws {
        // A 1 s window, so that waiting it out stays short.
        let session = try await venue.session(recvWindow: 1_000)
        let client = session.client
        if kind == "market", !venue.marketBuys {
            try await Self.refusesMarketBuy(session, venue)
            await session.close()
            return
        }
        let request = kind == "limit"
            ? try await Self.restingBuy(client, venue) : try await Self.fillingBuy(client, venue, ioc: false)
        let before = try await Self.holding(client, venue)
        await session.simulator.addFault(
            SimulatedFault(exchange: venue.listener.rawValue, kind: "error5xx", path: venue.orderPath, count: 1))
        let order = try await client.placeOrder(request)
        #expect(order.clientOrderID == request.clientOrderID.rawValue)
        if kind == "limit" {
            #expect(try await client.openOrders(symbol: venue.symbol).count == 1)
        } else {
            #expect(try Self.isOneFill((try await Self.holding(client, venue)).subtracting(before), of: request.quantity))
        }
        await session.close()
    }
}
