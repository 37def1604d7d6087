import Foundation
import Logging
import Synchronization
import Testing
import WSClient
@testable import SentinelSimulator

private final class Received: Sendable {
    let texts = Mutex<[String]>([])
}

/// The diff-depth WebSocket streams, and the two stream faults.
@Suite struct DepthStreamTests {
    /// Collects up to `count` events from `path` while the market is moved every 120 ms; returns the events and
    /// whether the server closed the stream first.
    func events(
        _ simulator: RunningSimulator, venue: SimulatorVenue, path: String, symbol: String, count: Int,
        afterFirstEvent: @escaping @Sendable () async -> Void = {}
    ) async throws -> [[String: Any]] {
        let url = simulator.url(for: venue).replacingOccurrences(of: "http://", with: "ws://") + path
        let mover = Task {
            var up = false
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(120))
                up.toggle()
                try? await simulator.setPrice(exchange: "binance", symbol: symbol, price: up ? "65010" : "65000")
            }
        }
        defer { mover.cancel() }
        let received = Received()
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let client = try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                _ = try? await WebSocketClient.connect(url: url, logger: logger) { inbound, _, _ in
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        guard case .text(let text) = message else { continue }
                        let (first, done) = received.texts.withLock { list -> (Bool, Bool) in
                            list.append(text)
                            return (list.count == 1, list.count >= count)
                        }
                        if first { await afterFirstEvent() }
                        if done { return }
                    }
                }
            }
            group.addTask { try await Task.sleep(for: .seconds(8)) }
            _ = try await group.next()
            group.cancelAll()
            return received.texts.withLock { $0 }
        }
        return client.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    @Test func spotEventsChain() async throws {
        try await withSimulator { simulator in
            try await simulator.setPrice(exchange: "binance", symbol: "BTC/USDT", price: "65000")
            let list = try await events(simulator, venue: .binance, path: "/ws/btcusdt@depth@100ms", symbol: "BTC/USDT", count: 4)
            #expect(list.count == 4)
            #expect(list.allSatisfy { $0["e"] as? String == "depthUpdate" && $0["s"] as? String == "BTCUSDT" })
            for (previous, next) in zip(list, list.dropFirst()) {
                #expect(next["U"] as? Int64 == (previous["u"] as? Int64).map { $0 + 1 })
            }
            let depth = try await TestHTTP.send("GET", simulator.url(for: .binance) + "/api/v3/depth?symbol=BTCUSDT")
            let snapshotID = try #require(depth.object["lastUpdateId"] as? Int64)
            #expect(snapshotID >= (list.last?["u"] as? Int64 ?? .max))
        }
    }

    @Test func futuresEventsCarryPreviousUpdateID() async throws {
        try await withSimulator { simulator in
            let list = try await events(
                simulator, venue: .binanceUSDM, path: "/public/ws/btcusdt@depth@100ms", symbol: "BTC/USDT:USDT", count: 3)
            #expect(list.count == 3)
            for (previous, next) in zip(list, list.dropFirst()) {
                #expect(next["pu"] as? Int64 == previous["u"] as? Int64)
            }
        }
    }

    @Test func sequenceGapLosesAnEvent() async throws {
        try await withSimulator { simulator in
            let list = try await events(
                simulator, venue: .binance, path: "/ws/btcusdt@depth@100ms", symbol: "BTC/USDT", count: 4,
                afterFirstEvent: { await simulator.addFault(SimulatedFault(exchange: "binance", kind: "seq-gap", count: 1)) })
            #expect(list.count == 4)
            let gaps = zip(list, list.dropFirst()).filter { previous, next in
                next["U"] as? Int64 != (previous["u"] as? Int64).map { $0 + 1 }
            }
            #expect(gaps.count == 1, "exactly one event was lost")
        }
    }

    @Test func wsDropClosesTheStream() async throws {
        try await withSimulator { simulator in
            await simulator.addFault(SimulatedFault(exchange: "binance", kind: "ws-drop", count: 1))
            let start = ContinuousClock.now
            let list = try await events(simulator, venue: .binance, path: "/ws/btcusdt@depth@100ms", symbol: "BTC/USDT", count: 5)
            #expect(list.isEmpty, "the connection drops at the first event")
            #expect(ContinuousClock.now - start < .seconds(6))
        }
    }

    @Test func unknownStreamsAreNotUpgraded() async throws {
        try await withSimulator { simulator in
            let answer = try await TestHTTP.send("GET", simulator.url(for: .binance) + "/ws/btcusdt@kline_1m")
            #expect(answer.status == 404)
        }
    }
}
