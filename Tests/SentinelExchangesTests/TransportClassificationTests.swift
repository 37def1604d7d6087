import Foundation
import SentinelNet
import SentinelSimulator
import Testing

/// One plain GET through the production transport; the status, or a failure.
enum HTTPProbe {
    static func get(_ url: String) async throws -> Int {
        let transport = KeepAliveHTTPTransport()
        defer { Task { await transport.shutdown() } }
        return try await transport.send(SignedRequest(method: .GET, url: url, headers: [], body: nil), timeoutMs: 10_000)
            .status
    }
}

/// Both transports end to end, over real loopback connections to the simulator: a request that cannot have left
/// ("not sent", safe to send again) is told apart from one that may have arrived ("no answer", to be looked up before
/// anything is sent again).
@Suite(.timeLimit(.minutes(5))) struct TransportClassificationTests {
    enum Kind: String, CaseIterable, Sendable {
        case keepAlive, asyncHTTPClient

        func make() -> any HTTPTransport {
            switch self {
            case .keepAlive: KeepAliveHTTPTransport()
            case .asyncHTTPClient: AsyncHTTPTransport()
            }
        }
    }

    func send(_ transport: any HTTPTransport, _ url: String, timeoutMs: Int64 = 10_000) async
        -> Result<HTTPResponse, TransportFailure>
    {
        do {
            return .success(
                try await transport.send(SignedRequest(method: .GET, url: url, headers: [], body: nil), timeoutMs: timeoutMs))
        } catch {
            return .failure(error)
        }
    }

    func failureOf(_ result: Result<HTTPResponse, TransportFailure>) -> TransportFailure? {
        if case .failure(let failure) = result { return failure }
        return nil
    }

    @Test(arguments: Kind.allCases) func aRefusedConnectionIsNotSent(kind: Kind) async throws {
        // Port 9 (discard), where nothing listens: outside the kernel's ephemeral range, so unlike a port a shut-down
        // simulator gave back, no listener of a test running alongside can take it in the meantime.
        let url = "http://127.0.0.1:9/api/v3/time"
        let transport = kind.make()
        let result = await send(transport, url)
        await transport.shutdown()
        let failure = try #require(failureOf(result), "a request to a closed port got an answer")
        #expect(!failure.mayHaveArrived, "\(failure)")
        #expect(failure == .notSent(failure.detail))
        // Named as the refusal it is, not as a connect timeout after reconnecting until the deadline.
        #expect(failure.detail == "connection refused", "\(failure)")
    }

    @Test(arguments: Kind.allCases, ["reset", "reset-after-accept"])
    func aConnectionClosedBeforeTheAnswerMayHaveArrived(transportKind: Kind, kind: String) async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        let transport = transportKind.make()
        let base = simulator.url(for: .binance)
        // A first request opens the pooled connection, so the reset hits a request that certainly went out.
        #expect(try await send(transport, base + "/api/v3/time").get().status == 200)
        await simulator.addFault(SimulatedFault(exchange: "binance", kind: kind, path: "/api/v3/time", count: 1))
        let failure = try #require(failureOf(await send(transport, base + "/api/v3/time")))
        #expect(failure.mayHaveArrived, "\(failure)")
        #expect(failure == .noAnswer(failure.detail))
        // And the transport recovers on a new connection.
        #expect(try await send(transport, base + "/api/v3/time").get().status == 200)
        await transport.shutdown()
        await simulator.shutdown()
    }

    @Test(arguments: Kind.allCases) func aTimeoutWhileTheServerHoldsTheAnswerMayHaveArrived(kind: Kind) async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        let transport = kind.make()
        // The connection is opened first, so that the short deadline below is spent waiting for the answer only.
        #expect(try await send(transport, simulator.url(for: .binance) + "/api/v3/time").get().status == 200)
        await simulator.addFault(
            SimulatedFault(exchange: "binance", kind: "timeout-after-accept", path: "/api/v3/time", count: 1, latencyMs: 60_000))
        let failure = try #require(failureOf(await send(transport, simulator.url(for: .binance) + "/api/v3/time", timeoutMs: 1_500)))
        #expect(failure.mayHaveArrived, "\(failure)")
        #expect(failure == .noAnswer(failure.detail))
        await transport.shutdown()
        await simulator.shutdown()
    }

    @Test(arguments: Kind.allCases) func aDroppedPoolReconnects(kind: Kind) async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        let transport = kind.make()
        let url = simulator.url(for: .binance) + "/api/v3/ping"
        #expect(try await send(transport, url).get().status == 200)
        await transport.dropConnections()
        #expect(try await send(transport, url).get().status == 200)
        await transport.shutdown()
        // After shutdown nothing can be sent, and the transport says so.
        let failure = try #require(failureOf(await send(transport, url)))
        #expect(!failure.mayHaveArrived, "\(failure)")
        await simulator.shutdown()
    }
}
