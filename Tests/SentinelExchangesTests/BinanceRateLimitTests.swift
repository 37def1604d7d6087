import Foundation
import SentinelCore
import SentinelNet
import Synchronization
import Testing

@testable import SentinelExchanges

/// A wall clock for the client that a test moves by hand, and that counts how often it was read.
final class ManualTime: Sendable {
    private let state: Mutex<(now: Int64, reads: Int)>

    init(_ now: Int64) { state = Mutex((now, 0)) }

    var now: Int64 { state.withLock { $0.now } }
    var reads: Int { state.withLock { $0.reads } }

    func read() -> Int64 {
        state.withLock {
            $0.reads += 1
            return $0.now
        }
    }

    func advance(_ milliseconds: Int64) { state.withLock { $0.now += milliseconds } }
}

/// The client against the exchange's rate-limit signals, with a hand-moved clock: it resumes when `Retry-After` has
/// passed (not before), and takes `X-MBX-ORDER-COUNT-*` as the truth about the order windows.
@Suite(.timeLimit(.minutes(5))) struct BinanceRateLimitTests {
    static let exchangeInfo = String(decoding: try! Fixture.bytes("binance/exchange-info-spot.json"), as: UTF8.self)
    /// The reference price the client reads before a limit order (the price-band check).
    static let ticker = #"{"symbol":"BTCUSDT","lastPrice":"20000.00","bidPrice":"19999.99","askPrice":"20000.01"}"#

    func client(_ transport: ScriptedTransport, time: ManualTime) throws -> BinanceClient {
        try BinanceClient(
            venue: Venue(.binance, .spot, Environment(.live, customEndpoint: "http://127.0.0.1:1")),
            credentials: Credentials(apiKey: "key-0123456789abcdef", secret: SecretText("secret-0123456789")),
            transport: transport,
            configuration: ClientConfiguration(
                readRetry: RetryPolicy(maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 2), now: { time.read() },
                lookUpDelaysMs: [1]))
    }

    static func order(_ clientID: String) -> String {
        #"{"symbol":"BTCUSDT","orderId":42,"clientOrderId":"\#(clientID)","price":"20000.00","origQty":"0.00100","executedQty":"0.00000","cummulativeQuoteQty":"0","status":"NEW","timeInForce":"GTC","type":"LIMIT","side":"BUY","transactTime":1700000000000}"#
    }

    func limitOrder(_ id: String) throws -> OrderRequest {
        OrderRequest(
            symbol: UnifiedSymbol("BTC/USDT")!, side: .buy, type: .limit, quantity: try Quantity("0.001"),
            price: try Price("20000"), clientOrderID: try ClientOrderID(id))
    }

    @Test func afterRetryAfterHasPassedTheClientSendsAgain() async throws {
        let time = ManualTime(1_700_000_000_000)
        let sent = Mutex<[Int64]>([])
        let transport = ScriptedTransport { _ in
            let count = sent.withLock {
                $0.append(time.now)
                return $0.count
            }
            return count == 1
                ? .success(ScriptedTransport.json(
                    429, #"{"code":-1003,"msg":"Too much request weight used."}"#, headers: [("Retry-After", "30")]))
                : .success(ScriptedTransport.json(200, #"{"serverTime":1700000030000}"#))
        }
        let client = try client(transport, time: time)
        await #expect(throws: SentinelError.self) { try await client.serverTime() }
        // One millisecond before Retry-After ends: refused here, not sent.
        time.advance(29_999)
        do {
            _ = try await client.serverTime()
            Issue.record("sent before Retry-After had passed")
        } catch {
            #expect(error.kind == .rateLimited)
            #expect(error.retryAfterSeconds == 1)
        }
        #expect(sent.withLock { $0.count } == 1)
        // Retry-After has passed: the next call goes out and succeeds.
        time.advance(1)
        #expect(try await client.serverTime() == 1_700_000_030_000)
        #expect(sent.withLock { $0 } == [1_700_000_000_000, 1_700_000_030_000])
    }

    @Test func theExchangesTenSecondOrderCountHoldsTheNextOrderUntilTheWindowTurns() async throws {
        // 50 ms before a ten-second window ends (windows start at multiples of 10 s).
        let windowEnd: Int64 = 1_700_000_010_000
        let time = ManualTime(windowEnd - 50)
        let placedAt = Mutex<[Int64]>([])
        let transport = ScriptedTransport { request in
            if request.url.contains("exchangeInfo") { return .success(ScriptedTransport.json(200, Self.exchangeInfo)) }
            if request.url.contains("/ticker/") { return .success(ScriptedTransport.json(200, Self.ticker)) }
            let id = placedAt.withLock {
                $0.append(time.now)
                return $0.count
            }
            // The exchange counts 90 orders in this window (other programs on the account): the whole budget, 90% of
            // the 100 that exchangeInfo's rateLimits allow per 10 s.
            return .success(ScriptedTransport.json(
                200, Self.order("sn-count-\(id)"), headers: [("X-MBX-ORDER-COUNT-10S", "90"), ("X-MBX-ORDER-COUNT-1D", "90")]))
        }
        let client = try client(transport, time: time)
        _ = try await client.placeOrder(try limitOrder("sn-count-1"))
        let second = Task { try await client.placeOrder(try limitOrder("sn-count-2")) }
        // The second order waits: the clock is read again and again while nothing is sent.
        let readsBefore = time.reads
        // Bounded: an order that fails instead of waiting must fail this test, not hang the suite.
        for _ in 0..<2_000 where time.reads < readsBefore + 3 { try await Task.sleep(for: .milliseconds(5)) }
        #expect(time.reads >= readsBefore + 3, "the second order neither waited nor went out")
        #expect(placedAt.withLock { $0.count } == 1)
        time.advance(50)
        _ = try await second.value
        #expect(placedAt.withLock { $0 } == [windowEnd - 50, windowEnd], "the second order went out only in the next window")
    }

    @Test func theExchangesDailyOrderCountRefusesInsteadOfWaitingADay() async throws {
        let time = ManualTime(1_700_000_000_000)
        let placements = Counter()
        let transport = ScriptedTransport { request in
            if request.url.contains("exchangeInfo") { return .success(ScriptedTransport.json(200, Self.exchangeInfo)) }
            if request.url.contains("/ticker/") { return .success(ScriptedTransport.json(200, Self.ticker)) }
            _ = placements.next()
            // Our own count is 1; the exchange says the day's budget (90% of exchangeInfo's 200 000) is spent.
            return .success(ScriptedTransport.json(
                200, Self.order("sn-day-1"), headers: [("X-MBX-ORDER-COUNT-10S", "1"), ("X-MBX-ORDER-COUNT-1D", "180000")]))
        }
        let client = try client(transport, time: time)
        _ = try await client.placeOrder(try limitOrder("sn-day-1"))
        let second = try limitOrder("sn-day-2")
        do {
            _ = try await client.placeOrder(second)
            Issue.record("an order was sent past the exchange's daily order count")
        } catch {
            #expect(error.kind == .rateLimited)
            #expect(error.diagnosis.cause.hasPrefix("Sentinel is holding requests back"), "\(error.diagnosis.cause)")
        }
        #expect(placements.current == 1)
    }
}
