import Foundation
import Logging
import Synchronization
import Testing
import WSClient
@testable import SentinelSimulator

private final class Received: Sendable {
    let texts = Mutex<[String]>([])
    /// Set when the WebSocket upgrade succeeded and the handler ran.
    let connected = Atomic<Bool>(false)
}

/// How a stream read ended.
enum StreamEnd: Sendable {
    /// The wanted number of events arrived, or the server ended the stream.
    case ended
    /// The connection failed (could not be made, or broke) with this error.
    case failed(String)
    /// Nothing ended it within the test's deadline.
    case timedOut
}

/// The diff-depth WebSocket streams, and the two stream faults.
@Suite(.timeLimit(.minutes(5))) struct DepthStreamTests {
    /// Collects up to `count` events from `path` while the market is moved every 120 ms; returns the events, whether
    /// the WebSocket was connected, and how the read ended (a failed connect is reported, never taken for an empty
    /// stream).
    func events(
        _ simulator: RunningSimulator, venue: SimulatorVenue, path: String, symbol: String, count: Int,
        afterFirstEvent: @escaping @Sendable () async -> Void = {}
    ) async throws -> (events: [[String: Any]], connected: Bool, end: StreamEnd) {
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
        let end = try await withThrowingTaskGroup(of: StreamEnd.self) { group in
            group.addTask {
                do {
                    _ = try await WebSocketClient.connect(url: url, logger: logger) { inbound, _, _ in
                        received.connected.store(true, ordering: .relaxed)
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
                    return .ended
                } catch {
                    return .failed(String(describing: error))
                }
            }
            // A deadline for a stream that neither delivers nor ends; generous, since only a broken simulator hits it.
            group.addTask {
                try await Task.sleep(for: .seconds(30))
                return .timedOut
            }
            let first = try await group.next() ?? .timedOut
            group.cancelAll()
            return first
        }
        let texts = received.texts.withLock { $0 }
        return (
            texts.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] },
            received.connected.load(ordering: .relaxed), end
        )
    }

    @Test func spotEventsChain() async throws {
        try await withSimulator { simulator in
            try await simulator.setPrice(exchange: "binance", symbol: "BTC/USDT", price: "65000")
            let (list, _, end) = try await events(simulator, venue: .binance, path: "/ws/btcusdt@depth@100ms", symbol: "BTC/USDT", count: 4)
            #expect(list.count == 4, "\(end)")
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
            let (list, _, end) = try await events(
                simulator, venue: .binanceUSDM, path: "/public/ws/btcusdt@depth@100ms", symbol: "BTC/USDT:USDT", count: 3)
            #expect(list.count == 3, "\(end)")
            for (previous, next) in zip(list, list.dropFirst()) {
                #expect(next["pu"] as? Int64 == previous["u"] as? Int64)
            }
        }
    }

    @Test func sequenceGapLosesAnEvent() async throws {
        try await withSimulator { simulator in
            let (list, _, end) = try await events(
                simulator, venue: .binance, path: "/ws/btcusdt@depth@100ms", symbol: "BTC/USDT", count: 4,
                afterFirstEvent: { await simulator.addFault(SimulatedFault(exchange: "binance", kind: "seq-gap", count: 1)) })
            #expect(list.count == 4, "\(end)")
            let gaps = zip(list, list.dropFirst()).filter { previous, next in
                next["U"] as? Int64 != (previous["u"] as? Int64).map { $0 + 1 }
            }
            #expect(gaps.count == 1, "exactly one event was lost")
        }
    }

    @Test func wsDropClosesTheStream() async throws {
        try await withSimulator { simulator in
            await simulator.addFault(SimulatedFault(exchange: "binance", kind: "ws-drop", count: 1))
            let (list, connected, end) = try await events(
                simulator, venue: .binance, path: "/ws/btcusdt@depth@100ms", symbol: "BTC/USDT", count: 5)
            // Connected, then the server ended the stream at its first event: no event, and no waiting for a deadline.
            #expect(connected)
            #expect(list.isEmpty, "the connection drops at the first event")
            if case .timedOut = end { Issue.record("the stream was never closed") }
            // The fault is used up: the next stream delivers.
            let (again, _, _) = try await events(
                simulator, venue: .binance, path: "/ws/btcusdt@depth@100ms", symbol: "BTC/USDT", count: 2)
            #expect(again.count == 2)
        }
    }

    @Test func unknownStreamsAreNotUpgraded() async throws {
        try await withSimulator { simulator in
            let answer = try await TestHTTP.send("GET", simulator.url(for: .binance) + "/ws/btcusdt@kline_1m")
            #expect(answer.status == 404)
        }
    }
}
