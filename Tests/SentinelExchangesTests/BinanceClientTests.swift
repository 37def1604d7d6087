import Foundation
import SentinelCore
import SentinelNet
import Testing

@testable import SentinelExchanges

/// The Binance client's logic against scripted answers: clock recovery, rate limits, orders that never duplicate.
@Suite(.timeLimit(.minutes(5))) struct BinanceClientTests {
    static let exchangeInfo = String(decoding: try! Fixture.bytes("binance/exchange-info-spot.json"), as: UTF8.self)
    static let btc = UnifiedSymbol("BTC/USDT")!

    static func orderJSON(_ clientID: String, status: String = "NEW") -> String {
        #"{"symbol":"BTCUSDT","orderId":42,"clientOrderId":"\#(clientID)","price":"20000.00","origQty":"0.00100","executedQty":"0.00000","cummulativeQuoteQty":"0","status":"\#(status)","timeInForce":"GTC","type":"LIMIT","side":"BUY","transactTime":1700000000000}"#
    }

    func client(_ transport: ScriptedTransport, journal: OrderJournal? = nil, now: Int64 = 1_700_000_000_000) throws
        -> BinanceClient
    {
        try BinanceClient(
            venue: Venue(.binance, .spot, Environment(.live, customEndpoint: "http://127.0.0.1:1")),
            credentials: Credentials(apiKey: "key-0123456789abcdef", secret: SecretText("secret-0123456789")),
            transport: transport,
            configuration: ClientConfiguration(
                readRetry: RetryPolicy(maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2), journal: journal,
                now: { now }, lookUpDelaysMs: [1, 1, 1]))
    }

    func path(_ request: SignedRequest) -> String {
        String(request.url.dropFirst("http://127.0.0.1:1".count).split(separator: "?")[0])
    }

    func limitOrder(_ id: String = "sn-test-1") throws -> OrderRequest {
        OrderRequest(
            symbol: Self.btc, side: .buy, type: .limit, quantity: try Quantity("0.001"), price: try Price("20000"),
            clientOrderID: try ClientOrderID(id))
    }

    @Test func rejectedTimestampResyncsTheClockOnceAndRetries() async throws {
        let attempts = Counter()
        let transport = ScriptedTransport { request in
            if request.url.contains("/api/v3/time") {
                return .success(ScriptedTransport.json(200, #"{"serverTime":1700000002500}"#))
            }
            if attempts.next() == 1 {
                return .success(ScriptedTransport.json(
                    400, #"{"code":-1021,"msg":"Timestamp for this request was 1000ms ahead of the server's time."}"#))
            }
            return .success(ScriptedTransport.json(200, #"{"balances":[{"asset":"USDT","free":"10.5","locked":"0"}]}"#))
        }
        let client = try client(transport)
        let balances = try await client.balances()
        #expect(balances == [Balance(asset: "USDT", free: try Amount("10.5"), locked: .zero)])
        #expect(await client.clock.offsetMs == 2_500)
        // The retried request carries the corrected timestamp.
        let last = try #require(transport.requests.last)
        #expect(last.url.contains("timestamp=1700000002500"))
    }

    @Test func aSecondTimestampRejectionFailsWithTheMeasuredOffset() async throws {
        let transport = ScriptedTransport { request in
            if request.url.contains("/api/v3/time") {
                return .success(ScriptedTransport.json(200, #"{"serverTime":1700000009000}"#))
            }
            return .success(ScriptedTransport.json(400, #"{"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."}"#))
        }
        let client = try client(transport)
        do {
            _ = try await client.balances()
            Issue.record("expected a timestamp error")
        } catch {
            #expect(error.kind == .invalidTimestamp)
            #expect(error.diagnosis.evidence.contains { $0.value.contains("+9000 ms") })
        }
    }

    @Test func after429TheClientWaitsInsteadOfKnocking() async throws {
        let transport = ScriptedTransport { _ in
            .success(ScriptedTransport.json(
                429, #"{"code":-1003,"msg":"Too much request weight used."}"#, headers: [("Retry-After", "30")]))
        }
        let client = try client(transport)
        await #expect(throws: SentinelError.self) { try await client.serverTime() }
        let sent = transport.requests.count
        do {
            _ = try await client.serverTime()
            Issue.record("expected a refusal")
        } catch {
            #expect(error.kind == .rateLimited)
            #expect(error.retryAfterSeconds == 30)
        }
        #expect(transport.requests.count == sent, "a rate-limited client must not send")
    }

    @Test func after418NothingIsSentUntilTheBanEnds() async throws {
        let transport = ScriptedTransport { _ in
            .success(ScriptedTransport.json(
                418, #"{"code":-1003,"msg":"Way too much request weight used; IP banned until 1700000120000."}"#,
                headers: [("Retry-After", "120")]))
        }
        let client = try client(transport)
        await #expect(throws: SentinelError.self) { try await client.serverTime() }
        for _ in 0..<5 {
            do { _ = try await client.serverTime() } catch { #expect(error.kind == .ipBanned) }
        }
        #expect(transport.requests.count == 1)
    }

    @Test func usageHeadersDrivePacing() async throws {
        let transport = ScriptedTransport { _ in
            .success(ScriptedTransport.json(200, #"{"serverTime":1}"#, headers: [("X-MBX-USED-WEIGHT-1M", "5999")]))
        }
        let client = try client(transport)
        _ = try await client.serverTime()
        // 5999 of 6000 used (above the 90% budget) with the window ending 60 s away at most: waits or refuses, never sends.
        // The clock stands 40 s before the window ends: the client must wait. Cancelled, the waiting call fails with the
        // pacing's own error; a call that had been sent instead would have succeeded.
        let task = Task { try await client.serverTime() }
        task.cancel()
        switch await task.result {
        case .success: Issue.record("the request was sent although the weight budget was used up")
        case .failure(let error):
            #expect((error as? SentinelError)?.diagnosis.cause == "Cancelled while waiting for the rate limit to allow the request.")
        }
        #expect(transport.requests.count == 1)
    }

    @Test func aTimeoutAfterAcceptanceIsResolvedByClientIDWithoutASecondOrder() async throws {
        let placements = Counter()
        let journal = try OrderJournal(path: nil)
        let transport = ScriptedTransport { request in
            if request.url.contains("exchangeInfo") { return .success(ScriptedTransport.json(200, Self.exchangeInfo)) }
            if request.method == .POST {
                _ = placements.next()
                return .failure(.noAnswer("read timeout"))
            }
            // GET /api/v3/order?origClientOrderId=…: the exchange has it.
            return .success(ScriptedTransport.json(200, Self.orderJSON("sn-test-1")))
        }
        let client = try client(transport, journal: journal)
        let order = try await client.placeOrder(try limitOrder())
        #expect(order.id == "42")
        #expect(placements.current == 1)
        let entry = try #require(try journal.entry(clientOrderID: "sn-test-1"))
        #expect(entry.stageValue == .acknowledged)
        #expect(entry.exchangeOrderID == "42")
        let lookUp = try #require(transport.requests.last)
        #expect(lookUp.url.contains("origClientOrderId=sn-test-1"))
    }

    @Test func anOrderTheExchangeNeverSawIsSentAgainUnderTheSameID() async throws {
        let placements = Counter()
        let transport = ScriptedTransport { request in
            if request.url.contains("exchangeInfo") { return .success(ScriptedTransport.json(200, Self.exchangeInfo)) }
            if request.method == .POST {
                if placements.next() == 1 {
                    return .success(ScriptedTransport.json(503, "Service Unavailable"))
                }
                return .success(ScriptedTransport.json(200, Self.orderJSON("sn-test-2")))
            }
            return .success(ScriptedTransport.json(400, #"{"code":-2013,"msg":"Order does not exist."}"#))
        }
        // Each reading of the clock is a second later, so the first request's validity window (recvWindow 5 s)
        // passes while the client keeps asking.
        let ticks = Counter()
        let client = try BinanceClient(
            venue: Venue(.binance, .spot, Environment(.live, customEndpoint: "http://127.0.0.1:1")),
            credentials: Credentials(apiKey: "key-0123456789abcdef", secret: SecretText("secret-0123456789")),
            transport: transport,
            configuration: ClientConfiguration(
                readRetry: RetryPolicy(maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2),
                now: { 1_700_000_000_000 + Int64(ticks.next()) * 1_000 }, lookUpDelaysMs: [1, 1, 1]))
        let order = try await client.placeOrder(try limitOrder("sn-test-2"))
        #expect(order.clientOrderID == "sn-test-2")
        #expect(placements.current == 2)
        let posts = transport.requests.filter { $0.method == .POST }
        #expect(posts.allSatisfy { $0.body?.contains("newClientOrderId=sn-test-2") == true })
        // Sent again only once "no such order" was said past the first request's timestamp + recvWindow.
        let stamps = posts.compactMap { $0.body.flatMap { parameter("timestamp", in: $0) }.flatMap { Int64($0) } }
        #expect(stamps.count == 2 && stamps[1] > stamps[0] + 5_000)
    }

    @Test func invalidOrdersAreRefusedWithoutARequest() async throws {
        let transport = ScriptedTransport { request in
            .success(ScriptedTransport.json(200, Self.exchangeInfo))
        }
        let client = try client(transport)
        let bad = OrderRequest(
            symbol: Self.btc, side: .buy, type: .limit, quantity: try Quantity("0.000015"), price: try Price("20000"))
        await #expect(throws: SentinelError.self) { try await client.placeOrder(bad) }
        #expect(transport.requests.allSatisfy { $0.method == .GET })
    }

    @Test func journalReconciliationSettlesWhatAnEarlierRunLeftOpen() async throws {
        let journal = try OrderJournal(path: nil)
        let venue = try Venue(.binance, .spot, Environment(.live, customEndpoint: "http://127.0.0.1:1"))
        try journal.recordPending(try limitOrder("sn-left-1"), venue: venue, nowMs: 1)
        try journal.recordPending(try limitOrder("sn-left-2"), venue: venue, nowMs: 2)
        let transport = ScriptedTransport { request in
            if request.url.contains("exchangeInfo") { return .success(ScriptedTransport.json(200, Self.exchangeInfo)) }
            if request.url.contains("sn-left-1") { return .success(ScriptedTransport.json(200, Self.orderJSON("sn-left-1"))) }
            return .success(ScriptedTransport.json(400, #"{"code":-2013,"msg":"Order does not exist."}"#))
        }
        let settled = try await client(transport, journal: journal).reconcileJournal()
        #expect(settled.map(\.stageValue) == [.acknowledged, .rejected])
        #expect(try journal.unsettled(venue: venue).isEmpty)
    }

    @Test func postsCarryAFormBodyAndReadsAQuery() async throws {
        let transport = ScriptedTransport { request in
            if request.url.contains("exchangeInfo") { return .success(ScriptedTransport.json(200, Self.exchangeInfo)) }
            return .success(ScriptedTransport.json(200, Self.orderJSON("sn-test-3")))
        }
        _ = try await client(transport).placeOrder(try limitOrder("sn-test-3"))
        let post = try #require(transport.requests.first { $0.method == .POST })
        #expect(post.body?.hasPrefix("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&price=20000") == true)
        #expect(post.header("Content-Type") == "application/x-www-form-urlencoded")
        #expect(!post.url.contains("?"))
    }
}

@Suite(.timeLimit(.minutes(5))) struct OrderJournalTests {
    @Test func persistsAcrossReopeningAndRefusesReusedIDs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = OrderJournal.path(home: folder.path)
        let venue = try Venue(.binance, .spot, .live)
        let request = OrderRequest(
            symbol: UnifiedSymbol("BTC/USDT")!, side: .sell, type: .limit, quantity: try Quantity("1"),
            price: try Price("2"), clientOrderID: try ClientOrderID("sn-journal-1"))
        do {
            let journal = try OrderJournal(path: path)
            try journal.recordPending(request, venue: venue, nowMs: 10)
            #expect(throws: SentinelError.self) { try journal.recordPending(request, venue: venue, nowMs: 11) }
        }
        let reopened = try OrderJournal(path: path)
        #expect(try reopened.unsettled(venue: venue).map(\.clientOrderID) == ["sn-journal-1"])
        try reopened.update(clientOrderID: "sn-journal-1", stage: .acknowledged, nowMs: 12)
        #expect(try reopened.unsettled(venue: venue).isEmpty)
        #expect(try reopened.entry(clientOrderID: "sn-journal-1")?.updatedAtMs == 12)
    }

    @Test func clientOrderIDsAreValidated() throws {
        #expect(throws: SentinelError.self) { try ClientOrderID("") }
        #expect(throws: SentinelError.self) { try ClientOrderID(String(repeating: "a", count: 37)) }
        #expect(throws: SentinelError.self) { try ClientOrderID("has space") }
        let generated = ClientOrderID.generate()
        #expect(generated.rawValue.count == 29)
        #expect(generated != ClientOrderID.generate())
    }
}
