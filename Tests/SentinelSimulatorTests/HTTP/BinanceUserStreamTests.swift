import Foundation
import Logging
import Synchronization
import Testing
import WSClient
@testable import SentinelSimulator

private final class Collected: Sendable {
    let texts = Mutex<[String]>([])
}

/// Listen keys and the private event stream they open (USDⓈ-M and Binance.US), issue 15.
@Suite(.timeLimit(.minutes(5))) struct BinanceUserStreamTests {
    /// Connects to `path`, runs `actions` once the stream is up, and collects `count` events (or what came within
    /// 20 s).
    func events(
        _ simulator: RunningSimulator, venue: SimulatorVenue, path: String, count: Int,
        actions: @escaping @Sendable () async throws -> Void
    ) async throws -> [[String: Any]] {
        let url = simulator.url(for: venue).replacingOccurrences(of: "http://", with: "ws://") + path
        let collected = Collected()
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                _ = try await WebSocketClient.connect(url: url, logger: logger) { inbound, _, _ in
                    // The stream took its baseline before the handshake ended: what is done from here on is an event.
                    let acting = Task { try await actions() }
                    defer { acting.cancel() }
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        guard case .text(let text) = message else { continue }
                        if collected.texts.withLock({ $0.append(text); return $0.count >= count }) { return }
                    }
                }
            }
            group.addTask { try await Task.sleep(for: .seconds(20)) }
            _ = try await group.next()
            group.cancelAll()
        }
        return collected.texts.withLock { $0 }.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    func keyHeader(_ client: BinanceTestClient) -> [String: String] { ["X-MBX-APIKEY": client.apiKey] }

    @Test func futuresListenKeyLifecycleAndOrderEvents() async throws {
        let clock = SimulatorManualClock.startingNow()
        try await withSimulator(clock: clock) { simulator in
            try await simulator.setPrice(exchange: "binance", symbol: "BTCUSDT", price: "65000")
            let futures = try await simulator.futuresClient()
            let url = futures.baseURL + "/fapi/v1/listenKey"
            let opened = try await TestHTTP.send("POST", url, headers: keyHeader(futures))
            let token = try #require(opened.object["listenKey"] as? String)
            #expect(token.count == 64)
            let again = try await TestHTTP.send("POST", url, headers: keyHeader(futures))
            #expect(again.object["listenKey"] as? String == token, "an active key is returned again, extended")
            let anonymous = try await TestHTTP.send("POST", url)
            #expect(anonymous.status == 401 && anonymous.code == -2014)

            let list = try await events(simulator, venue: .binanceUSDM, path: "/private/ws?listenKey=\(token)", count: 5) {
                let resting = try await futures.signed(
                    "POST", "/fapi/v1/order", BinanceFuturesTests.order("BUY", "LIMIT", "0.002", price: "60000", tif: "GTC", id: "rest-1"))
                let id = try #require(resting.object["orderId"] as? Int64)
                _ = try await futures.signed("DELETE", "/fapi/v1/order", [("symbol", "BTCUSDT"), ("orderId", String(id))])
                _ = try await futures.signed("POST", "/fapi/v1/order", BinanceFuturesTests.order("BUY", "MARKET", "0.002"))
            }
            let orders = list.compactMap { $0["o"] as? [String: Any] }
            #expect(orders.map { "\($0["x"] ?? "")/\($0["X"] ?? "")" } == ["NEW/NEW", "CANCELED/CANCELED", "NEW/NEW", "TRADE/FILLED"])
            #expect(orders.first?["c"] as? String == "rest-1")
            #expect(orders.last?["l"] as? String == "0.002" && orders.last?["L"] as? String == "65000.50")
            let account = try #require(list.last?["a"] as? [String: Any])
            #expect(list.last?["e"] as? String == "ACCOUNT_UPDATE")
            #expect((account["P"] as? [[String: Any]])?.map { $0["pa"] as? String } == ["0.002"])

            // Keep-alive extends; an hour without one ends the stream with listenKeyExpired.
            let kept = try await TestHTTP.send("PUT", url, headers: keyHeader(futures))
            #expect(kept.status == 200)
            clock.advance(milliseconds: 61 * 60_000)
            let expired = try await events(simulator, venue: .binanceUSDM, path: "/ws/\(token)", count: 1) {}
            #expect(expired.first?["e"] as? String == "listenKeyExpired")
            let late = try await TestHTTP.send("PUT", url, headers: keyHeader(futures))
            #expect(late.status == 400 && late.code == -1125)
        }
    }

    @Test func binanceUSUserDataStreamSendsExecutionReports() async throws {
        try await withSimulator { simulator in
            try await simulator.setPrice(exchange: "binance-us", symbol: "BTCUSDT", price: "65000")
            let us = try await simulator.binanceClient(
                venue: .binanceUS, SimulatedKeyRequest(exchange: "binance-us", permissions: ["read", "trade"]))
            let url = us.baseURL + "/api/v3/userDataStream"
            let opened = try await TestHTTP.send("POST", url, headers: keyHeader(us))
            let token = try #require(opened.object["listenKey"] as? String)
            let list = try await events(simulator, venue: .binanceUS, path: "/ws/\(token)", count: 3) {
                _ = try await us.signed(
                    "POST", "/api/v3/order",
                    [("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "MARKET"), ("quantity", "0.001")], inBody: true)
            }
            #expect(list.map { $0["e"] as? String } == ["executionReport", "executionReport", "outboundAccountPosition"])
            #expect(list.compactMap { $0["x"] as? String } == ["NEW", "TRADE"])
            let closed = try await TestHTTP.send("DELETE", url + "?listenKey=\(token)", headers: keyHeader(us))
            #expect(closed.status == 200)
            let spot = try await TestHTTP.send("POST", simulator.url(for: .binance) + "/api/v3/userDataStream", headers: keyHeader(us))
            #expect(spot.status == 404, "binance.com spot retired its REST listen keys")
        }
    }
}
