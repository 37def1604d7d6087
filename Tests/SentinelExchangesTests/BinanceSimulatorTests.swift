import Foundation
import SentinelCore
import SentinelNet
import SentinelSimulator
import Testing

@testable import SentinelExchanges

/// The Binance connector against the in-process simulator: every call, and each injected fault — never a duplicate
/// order, never an order missing from the journal, never a ban.
@Suite(.serialized, .timeLimit(.minutes(5))) struct BinanceSimulatorTests {
    static let btc = UnifiedSymbol("BTC/USDT")!
    static let btcPerp = UnifiedSymbol("BTC/USDT:USDT")!

    struct Harness {
        let simulator: RunningSimulator
        let key: SimulatedKey
        let journal: OrderJournal
        /// The simulator's clock when a test moves time itself; the client then reads the same clock.
        var clock: SimulatorManualClock? = nil

        func client(
            _ product: Product = .spot, venue simulatorVenue: SimulatorVenue? = nil, timeoutMs: Int64 = 10_000,
            journal: OrderJournal? = nil
        ) throws -> BinanceClient {
            let port = simulatorVenue ?? (product == .spot ? .binance : .binanceUSDM)
            let exchange: ExchangeID = port == .binanceUS ? .binanceUS : .binance
            let now: @Sendable () -> Int64
            if let clock { now = { clock.milliseconds } } else { now = SystemClock.nowMs }
            return try BinanceClient(
                venue: Venue(exchange, product, Environment(.live, customEndpoint: simulator.url(for: port))),
                credentials: Credentials(apiKey: key.apiKey, secret: SecretText(key.secret)),
                configuration: ClientConfiguration(
                    requestTimeoutMs: timeoutMs, readRetry: RetryPolicy(maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 50),
                    journal: journal ?? self.journal, now: now,
                    lookUpDelaysMs: [100, 200, 400, 800]))
        }
    }

    static func harness(
        exchange: String = "binance", permissions: [String] = ["read", "trade", "futures"],
        clock: SimulatorManualClock? = nil
    ) async throws -> Harness {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration(clock: clock))
        let key = try await simulator.createKey(SimulatedKeyRequest(exchange: exchange, permissions: permissions))
        return Harness(simulator: simulator, key: key, journal: try OrderJournal(path: nil), clock: clock)
    }

    func farBuy(_ client: BinanceClient, _ symbol: UnifiedSymbol, id: String? = nil) async throws -> OrderRequest {
        let market = try await client.markets().first { $0.symbol == symbol }!
        let reference = try await client.ticker(symbol).reference!
        let price = try Price(reference.value.multiplied(by: ExactDecimal("0.97"))).rounded(toMultipleOf: market.rules.tickSize, .down)
        return OrderRequest(
            symbol: symbol, side: .buy, type: .limit, quantity: try market.rules.smallestQuantity(at: price), price: price,
            postOnly: true, clientOrderID: try id.map { try ClientOrderID($0) } ?? .generate())
    }

    @Test func spotMarketsBalancesAndTheOrderLifecycle() async throws {
        let h = try await Self.harness()
        defer { Task { await h.simulator.shutdown() } }
        let client = try h.client()
        let clock = try await client.synchronizeClock()
        #expect(abs(clock.offsetMs) < 1_000)
        let markets = try await client.markets()
        #expect(markets.contains { $0.symbol == Self.btc })
        let balances = try await client.balances()
        #expect(balances.contains { $0.asset == "USDT" && $0.free.isPositive })

        let request = try await farBuy(client, Self.btc, id: "sn-sim-lifecycle")
        let placed = try await client.placeOrder(request)
        #expect(placed.status == .new)
        #expect(placed.clientOrderID == "sn-sim-lifecycle")
        let shown = try await client.order(symbol: Self.btc, .clientOrderID("sn-sim-lifecycle"))
        #expect(shown.id == placed.id)
        #expect(try await client.openOrders(symbol: Self.btc).map(\.id) == [placed.id])
        #expect(try await client.openOrders(symbol: nil).count == 1)
        let cancelled = try await client.cancelOrder(symbol: Self.btc, .exchangeID(placed.id))
        #expect(cancelled.status == .canceled)
        #expect(try await client.openOrders(symbol: Self.btc).isEmpty)
        #expect(try h.journal.entry(clientOrderID: "sn-sim-lifecycle")?.stageValue == .acknowledged)

        let permissions = try await client.permissions()
        #expect(permissions.read && permissions.spotTrade && !permissions.withdraw)
        await client.shutdown()
    }

    /// A bot placing on several tasks at once with the default durability (entries flushed before their orders leave,
    /// placements during a flush sharing the next): every order is placed once and its entry is on the file, settled.
    @Test func concurrentPlacementsWithAFileJournalAreEachJournalledAndPlacedOnce() async throws {
        let h = try await Self.harness()
        defer { Task { await h.simulator.shutdown() } }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sentinel-conc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("journal.sqlite").path
        let journal = try OrderJournal(path: path, durability: .machineCrash)
        let client = try h.client(journal: journal)
        var requests: [OrderRequest] = []
        for index in 0..<12 { requests.append(try await farBuy(client, Self.btc, id: "sn-sim-conc-\(index)")) }
        let placed = try await withThrowingTaskGroup(of: Order.self) { group in
            for request in requests { group.addTask { try await client.placeOrder(request) } }
            return try await group.reduce(into: [Order]()) { $0.append($1) }
        }
        #expect(Set(placed.compactMap(\.clientOrderID)) == Set(requests.map(\.clientOrderID.rawValue)))
        let open = try await client.openOrders(symbol: Self.btc)
        #expect(open.count == 12, "each order placed once")
        await client.shutdown()
        try journal.flush()
        let reopened = try OrderJournal(path: path)
        let entries = try reopened.allEntries()
        #expect(entries.count == 12)
        #expect(entries.allSatisfy { $0.stageValue == .acknowledged })
    }

    @Test func theExchangesOwnErrorsComeBackTyped() async throws {
        let h = try await Self.harness()
        defer { Task { await h.simulator.shutdown() } }
        let client = try h.client()
        // Post-only that would take: a buy above the market.
        let market = try await client.markets().first { $0.symbol == Self.btc }!
        let reference = try await client.ticker(Self.btc).reference!
        let crossing = try Price(reference.value.multiplied(by: ExactDecimal("1.02"))).rounded(toMultipleOf: market.rules.tickSize, .up)
        do {
            _ = try await client.placeOrder(OrderRequest(
                symbol: Self.btc, side: .buy, type: .limit, quantity: try market.rules.smallestQuantity(at: crossing),
                price: crossing, postOnly: true))
            Issue.record("a crossing post-only order was accepted")
        } catch let error as SentinelError {
            #expect(error.kind == .invalidOrder)
            #expect(error.exchangeCode == "-2010")
        }
        // Unknown order.
        await #expect(throws: SentinelError.self) { try await client.order(symbol: Self.btc, .clientOrderID("sn-none")) }
        do { _ = try await client.order(symbol: Self.btc, .clientOrderID("sn-none")) } catch { #expect(error.kind == .orderNotFound) }
        // Insufficient balance.
        let price = try Price(reference.value.multiplied(by: ExactDecimal("0.97"))).rounded(toMultipleOf: market.rules.tickSize, .down)
        do {
            _ = try await client.placeOrder(OrderRequest(symbol: Self.btc, side: .buy, type: .limit, quantity: try Quantity("100"), price: price))
            Issue.record("an order above the balance was accepted")
        } catch let error as SentinelError {
            #expect(error.kind == .insufficientFunds)
        }
        await client.shutdown()
    }

    @Test func futuresPositionsOpenAndClose() async throws {
        let h = try await Self.harness()
        defer { Task { await h.simulator.shutdown() } }
        let client = try h.client(.linear)
        let market = try await client.markets().first { $0.symbol == Self.btcPerp }!
        let reference = try await client.ticker(Self.btcPerp).reference!
        let quantity = try market.rules.smallestQuantity(at: Price(reference.value.multiplied(by: ExactDecimal("0.9"))))
        _ = try await client.placeOrder(OrderRequest(symbol: Self.btcPerp, side: .buy, type: .market, quantity: quantity))
        let position = try #require(try await client.positions().first { $0.symbol == Self.btcPerp })
        #expect(position.size == quantity.value)
        #expect(position.entryPrice.isPositive)
        _ = try await client.placeOrder(OrderRequest(
            symbol: Self.btcPerp, side: .sell, type: .market, quantity: quantity, reduceOnly: true))
        #expect(try await client.positions().isEmpty)
        #expect(try await client.balances().contains { $0.asset == "USDT" })
        await client.shutdown()
    }

    @Test func futuresBatchPlacesUpToFivePerRequestAndCancelAllClears() async throws {
        let h = try await Self.harness()
        defer { Task { await h.simulator.shutdown() } }
        let client = try h.client(.linear)
        var requests: [OrderRequest] = []
        for i in 0..<6 { requests.append(try await farBuy(client, Self.btcPerp, id: "sn-batch-\(i)")) }
        let results = try await client.placeOrders(requests)
        #expect(results.count == 6)
        for result in results { #expect((try? result.get()) != nil, "\(result)") }
        #expect(try await client.openOrders(symbol: Self.btcPerp).count == 6)
        #expect(try await client.cancelAllOrders(symbol: Self.btcPerp) == 6)
        #expect(try await client.openOrders(symbol: Self.btcPerp).isEmpty)
        await client.shutdown()
    }

    /// An order the exchange accepted but whose answer was lost (held, reset, or a 5xx after acceptance) ends with
    /// exactly one order on the exchange, reported as placed.
    @Test(arguments: ["timeout-after-accept", "error5xx-after-accept", "reset-after-accept"])
    func anAcceptedOrderWhoseAnswerIsLostIsFoundNotSentAgain(kind: String) async throws {
        let h = try await Self.harness()
        defer { Task { await h.simulator.shutdown() } }
        let client = try h.client(timeoutMs: 1_500)
        let request = try await farBuy(client, Self.btc, id: "sn-fault-\(kind)")
        await h.simulator.addFault(SimulatedFault(exchange: "binance", kind: kind, path: "/api/v3/order", count: 1))
        let order = try await client.placeOrder(request)
        #expect(order.clientOrderID == request.clientOrderID.rawValue)
        await h.simulator.clearFaults()
        let open = try await client.openOrders(symbol: Self.btc)
        #expect(open.map(\.clientOrderID) == [request.clientOrderID.rawValue], "exactly one order: \(open.map(\.id))")
        #expect(open.first?.id == order.id)
        let entry = try #require(try h.journal.entry(clientOrderID: request.clientOrderID.rawValue))
        #expect(entry.stageValue == .acknowledged)
        await client.shutdown()
    }

    /// A 5xx or a reset before the order reached the engine: the client may not know that, but it must end with
    /// exactly one order — found by client id or placed by one resend — never two.
    @Test(arguments: ["error5xx", "reset"])
    func anOrderThatNeverArrivedIsPlacedOnce(kind: String) async throws {
        let h = try await Self.harness()
        defer { Task { await h.simulator.shutdown() } }
        let client = try h.client(timeoutMs: 1_500)
        let request = try await farBuy(client, Self.btc, id: "sn-lost-\(kind)")
        await h.simulator.addFault(SimulatedFault(exchange: "binance", kind: kind, path: "/api/v3/order", count: 1))
        var placed: Order?
        do {
            placed = try await client.placeOrder(request)
        } catch {
            // Reported as not placed: then nothing may be on the exchange.
            #expect(error.kind != .invalidOrder, "\(error)")
        }
        await h.simulator.clearFaults()
        let open = try await client.openOrders(symbol: Self.btc)
        #expect(open.map(\.clientOrderID) == (placed == nil ? [] : [request.clientOrderID.rawValue]), "\(open.map(\.id))")
        await client.shutdown()
    }

    @Test func clockSkewIsMeasuredAndCorrected() async throws {
        let h = try await Self.harness()
        defer { Task { await h.simulator.shutdown() } }
        await h.simulator.setClockSkew(milliseconds: 7_000)
        let client = try h.client()
        // The first signed request is rejected (-1021); the client re-syncs and retries once.
        let balances = try await client.balances()
        #expect(!balances.isEmpty)
        let offset = await client.clock.offsetMs
        #expect(offset > 6_000 && offset < 8_000)
        await client.shutdown()
    }

    @Test func rateLimitBurstsAreObeyedWithoutABan() async throws {
        // One clock for the simulator and the client, moved by the test: a loaded machine that stalls for more than
        // Retry-After between the two calls below cannot end the hold early.
        let h = try await Self.harness(clock: SimulatorManualClock(startingAt: SystemClock.nowMs()))
        defer { Task { await h.simulator.shutdown() } }
        let client = try h.client()
        await h.simulator.addFault(SimulatedFault(exchange: "binance", kind: "rate-limit", count: 1))
        do {
            _ = try await client.balances()
            Issue.record("the injected 429 did not surface")
        } catch {
            #expect(error.kind == .rateLimited)
            #expect(error.retryAfterSeconds == 1)
        }
        // While Retry-After runs, the client refuses by itself instead of knocking (which would earn a 418): the
        // refusal is Sentinel's own, made before anything is sent.
        do {
            _ = try await client.balances()
            Issue.record("the client sent a request while told to wait")
        } catch {
            #expect(error.kind == .rateLimited)
            #expect(error.diagnosis.cause.hasPrefix("Sentinel is holding requests back"), "\(error.diagnosis.cause)")
        }
        // Once Retry-After (1 s) has passed, the client resumes by itself.
        h.clock?.advance(milliseconds: 1_100)
        #expect(try await !client.balances().isEmpty)
        // Without a ban: this IP is not refused by the exchange.
        let ping = try await HTTPProbe.get(h.simulator.url(for: .binance) + "/api/v3/ping")
        #expect(ping == 200)
        await client.shutdown()
    }

    @Test func binanceUSHasItsOwnPortAndKeys() async throws {
        let h = try await Self.harness(exchange: "binance-us")
        defer { Task { await h.simulator.shutdown() } }
        let us = try h.client(venue: .binanceUS)
        #expect(try await !us.balances().isEmpty)
        let global = try h.client(venue: .binance)
        do {
            _ = try await global.balances()
            Issue.record("a Binance.US key worked on binance.com")
        } catch {
            #expect(error.kind == .authentication)
            #expect(error.diagnosis.fix[0].contains("binance.us"))
        }
        await us.shutdown()
        await global.shutdown()
    }
}
