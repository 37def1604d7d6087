import NIOSSL
import Synchronization
@testable import SentinelNet
import Testing

/// `KeepAliveHTTPTransport` over real loopback connections to a scripted server: the bytes it puts on the wire, how it
/// reuses, limits and replaces connections, and how each way of failing is classified.
@Suite(.timeLimit(.minutes(2))) struct KeepAliveHTTPTransportTests {
    static let ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: application/json\r\n\r\n{}"

    func send(
        _ transport: KeepAliveHTTPTransport, _ method: HTTPMethod, _ url: String, headers: [SignedRequest.Header] = [],
        body: String? = nil, timeoutMs: Int64 = 30_000
    ) async -> Result<HTTPResponse, TransportFailure> {
        do {
            return .success(
                try await transport.send(
                    SignedRequest(method: method, url: url, headers: headers, body: body), timeoutMs: timeoutMs))
        } catch {
            return .failure(error)
        }
    }

    @Test func theRequestGoesOnTheWireExactlyAsSigned() async throws {
        let server = try await ScriptedHTTPServer.start { _ in .send(Self.ok) }
        let transport = KeepAliveHTTPTransport()
        let posted = await send(
            transport, .POST, server.url("/api/v3/order?symbol=BTCUSDT"),
            headers: [.init("X-MBX-APIKEY", "key"), .init("Content-Type", "application/x-www-form-urlencoded")],
            body: "side=BUY&signature=ab")
        #expect(try posted.get().status == 200)
        #expect(try posted.get().bodyText == "{}")
        #expect(try posted.get().header("content-type") == "application/json")
        _ = await send(transport, .GET, server.url("/api/v3/time"))
        _ = await send(transport, .DELETE, server.url("/api/v3/order?orderId=1"), headers: [.init("X-MBX-APIKEY", "key")])
        _ = await send(transport, .POST, server.url("/api/v3/userDataStream"))
        let host = "127.0.0.1:\(server.port)"
        #expect(
            server.requests == [
                "POST /api/v3/order?symbol=BTCUSDT HTTP/1.1\r\nHost: \(host)\r\nX-MBX-APIKEY: key\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 21\r\n\r\nside=BUY&signature=ab",
                "GET /api/v3/time HTTP/1.1\r\nHost: \(host)\r\n\r\n",
                "DELETE /api/v3/order?orderId=1 HTTP/1.1\r\nHost: \(host)\r\nX-MBX-APIKEY: key\r\n\r\n",
                "POST /api/v3/userDataStream HTTP/1.1\r\nHost: \(host)\r\nContent-Length: 0\r\n\r\n",
            ])
        // All four on one kept-alive connection.
        #expect(server.connections == 1)
        await transport.shutdown()
        await server.stop()
    }

    @Test func anAnswerThatClosesTheConnectionIsNotReused() async throws {
        // The server says it will close but leaves the connection open: the client must not reuse it all the same.
        let server = try await ScriptedHTTPServer.start { _ in
            .send("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}", thenClose: false)
        }
        let transport = KeepAliveHTTPTransport()
        for _ in 0..<3 { #expect(try await send(transport, .GET, server.url("/")).get().status == 200) }
        #expect(server.connections == 3)
        await transport.shutdown()
        await server.stop()
    }

    @Test func aConnectionTheServerClosesRightAfterItsAnswerIsNotLentAgain() async throws {
        // No `Connection: close`: the client learns of the close only from the socket, possibly after the answer's
        // exchange has ended and before the next request leases the connection. Such a stale connection takes
        // nothing in, so the request moves on to a new one instead of failing. (A request written in the instant
        // before the close is read can still end "no answer": the race every keep-alive client has with a server
        // that closes without saying so.)
        let server = try await ScriptedHTTPServer.start { _ in .send(Self.ok, thenClose: true) }
        let transport = KeepAliveHTTPTransport()
        var answered = 0
        for index in 0..<40 {
            switch await send(transport, .GET, server.url("/\(index)")) {
            case .success: answered += 1
            case .failure(let failure): #expect(failure.mayHaveArrived, "request \(index): \(failure)")
            }
        }
        #expect(answered >= 20)
        #expect(server.requests.count >= answered)
        await transport.shutdown()
        await server.stop()
    }

    @Test func anAnswerEndedByTheCloseLeavesNoDeadConnectionInThePool() async throws {
        let server = try await ScriptedHTTPServer.start { _ in .send("HTTP/1.1 200 OK\r\n\r\n{\"a\":1}", thenClose: true) }
        let transport = KeepAliveHTTPTransport()
        let origin = try HTTPOrigin.split(server.url("/")).origin
        for _ in 0..<5 {
            #expect(try await send(transport, .GET, server.url("/")).get().bodyText == #"{"a":1}"#)
            let counts = transport.counts(origin)
            #expect(counts.open == 0 && counts.idle == 0, "\(counts)")
        }
        #expect(server.connections == 5)
        await transport.shutdown()
        await server.stop()
    }

    @Test func nothingIsWrittenOnceTheDeadlineHasPassed() async throws {
        let server = try await ScriptedHTTPServer.start { _ in .send(Self.ok) }
        let transport = KeepAliveHTTPTransport()
        #expect(try await send(transport, .GET, server.url("/")).get().status == 200)
        // The pooled connection is ready at once, but the deadline is already over.
        guard case .failure(let failure) = await send(transport, .POST, server.url("/late"), body: "a=1", timeoutMs: 0)
        else {
            Issue.record("a request past its deadline was answered")
            return
        }
        #expect(!failure.mayHaveArrived, "\(failure)")
        #expect(server.requests.count == 1)
        #expect(try await send(transport, .GET, server.url("/")).get().status == 200)
        #expect(server.connections == 1)
        await transport.shutdown()
        await server.stop()
    }

    @Test func aChunkedAnswerIsAssembled() async throws {
        let server = try await ScriptedHTTPServer.start { _ in
            .send("HTTP/1.1 418 I'm a teapot\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n{\"a\r\n4\r\n\":1}\r\n0\r\n\r\n")
        }
        let transport = KeepAliveHTTPTransport()
        let response = try await send(transport, .GET, server.url("/")).get()
        #expect(response.status == 418)
        #expect(response.bodyText == #"{"a":1}"#)
        await transport.shutdown()
        await server.stop()
    }

    @Test func concurrentRequestsQueueForTheOriginsConnections() async throws {
        let server = try await ScriptedHTTPServer.start { _ in .send(Self.ok) }
        let transport = KeepAliveHTTPTransport(connectionsPerOrigin: 2)
        let outcomes = await withTaskGroup(of: String.self) { group in
            for _ in 0..<24 {
                group.addTask {
                    switch await send(transport, .GET, server.url("/"), timeoutMs: 30_000) {
                    case .success(let response): "\(response.status)"
                    case .failure(let failure): "\(failure)"
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes == Array(repeating: "200", count: 24))
        #expect(server.connections <= 2)
        #expect(transport.counts(try HTTPOrigin.split(server.url("/")).origin).waiting == 0)
        // Cancelled on the loop at once, not left to fire in 30 s.
        for _ in 0..<2_000 where transport.armedDeadlines > 0 { try await Task.sleep(for: .milliseconds(5)) }
        #expect(transport.armedDeadlines == 0, "a granted wait's deadline timer is cancelled")
        await transport.shutdown()
        await server.stop()
    }

    @Test func aRequestHeldByTheServerMayHaveArrivedAndOneThatFoundNoConnectionWasNotSent() async throws {
        let server = try await ScriptedHTTPServer.start { _ in .hold }
        let transport = KeepAliveHTTPTransport(connectionsPerOrigin: 1)
        async let held = send(transport, .POST, server.url("/held"), body: "a=1", timeoutMs: 3_000)
        // The held request has the only connection before the second one asks (a fixed sleep is not enough on a
        // loaded machine).
        for _ in 0..<1_000 where server.requests.isEmpty { try await Task.sleep(for: .milliseconds(2)) }
        let queued = await send(transport, .GET, server.url("/queued"), timeoutMs: 300)
        guard case .failure(let queuedFailure) = queued else { Issue.record("queued got an answer"); return }
        #expect(!queuedFailure.mayHaveArrived, "\(queuedFailure)")
        guard case .failure(let heldFailure) = await held else { Issue.record("held got an answer"); return }
        #expect(heldFailure.mayHaveArrived, "\(heldFailure)")
        #expect(server.requests.count == 1)
        await transport.shutdown()
        await server.stop()
    }

    @Test func aConnectionClosedWithoutAnAnswerMayHaveArrivedAndTheNextRequestReconnects() async throws {
        let count = Counter()
        let server = try await ScriptedHTTPServer.start { _ in count.next() == 2 ? .close : .send(Self.ok) }
        let transport = KeepAliveHTTPTransport()
        #expect(try await send(transport, .GET, server.url("/")).get().status == 200)
        guard case .failure(let failure) = await send(transport, .POST, server.url("/"), body: "a=1") else {
            Issue.record("a closed connection gave an answer")
            return
        }
        #expect(failure.mayHaveArrived, "\(failure)")
        #expect(try await send(transport, .GET, server.url("/")).get().status == 200)
        #expect(server.connections == 2)
        await transport.shutdown()
        await server.stop()
    }

    @Test func aCancelledWaitEndsAtOnceAsNoAnswer() async throws {
        let server = try await ScriptedHTTPServer.start { _ in .hold }
        let transport = KeepAliveHTTPTransport()
        let task = Task { await send(transport, .POST, server.url("/"), body: "a=1", timeoutMs: 60_000) }
        for _ in 0..<3_000 where server.requests.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        #expect(server.requests.count == 1)
        task.cancel()
        guard case .failure(let failure) = await task.value else { Issue.record("got an answer"); return }
        #expect(failure.mayHaveArrived, "\(failure)")
        // Ended by the cancellation, not by the deadline a minute later.
        #expect(failure.detail.contains("cancelled"), "\(failure)")
        await transport.shutdown()
        await server.stop()
    }

    @Test func aRequestCancelledBeforeItLeftIsNotSent() async throws {
        let server = try await ScriptedHTTPServer.start { _ in .hold }
        let transport = KeepAliveHTTPTransport(connectionsPerOrigin: 1)
        // A first request holds the only connection, so the second waits for one; both are cancelled.
        let holding = Task { await send(transport, .POST, server.url("/held"), body: "a=1", timeoutMs: 60_000) }
        for _ in 0..<3_000 where server.requests.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        let waiting = Task { await send(transport, .GET, server.url("/waiting"), timeoutMs: 60_000) }
        for _ in 0..<3_000 where transport.counts(try HTTPOrigin.split(server.url("/")).origin).waiting == 0 {
            try await Task.sleep(for: .milliseconds(10))
        }
        waiting.cancel()
        guard case .failure(let failure) = await waiting.value else { Issue.record("got an answer"); return }
        #expect(failure == .notSent("cancelled while waiting for a connection"))
        for _ in 0..<2_000 where transport.armedDeadlines > 0 { try await Task.sleep(for: .milliseconds(5)) }
        #expect(transport.armedDeadlines == 0, "the cancelled wait's deadline timer went with it")
        // Cancelled before it starts: nothing is sent.
        let early = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await send(transport, .GET, server.url("/early"), timeoutMs: 60_000)
        }
        guard case .failure(let earlyFailure) = await early.value else { Issue.record("got an answer"); return }
        #expect(!earlyFailure.mayHaveArrived, "\(earlyFailure)")
        holding.cancel()
        _ = await holding.value
        #expect(server.requests.count == 1)
        await transport.shutdown()
        await server.stop()
    }

    @Test(arguments: [
        ("X-Injected", "value\r\nX-Evil: 1"), ("Bad Name", "value"), ("X-Null", "a\u{0}b"), ("Host", "evil.example"),
        ("content-length", "0"), ("Transfer-Encoding", "chunked"), ("Connection", "close"),
    ])
    func aHeaderThatWouldSplitTheRequestIsNotSent(name: String, value: String) async throws {
        let server = try await ScriptedHTTPServer.start { _ in .send(Self.ok) }
        let transport = KeepAliveHTTPTransport()
        guard case .failure(let failure) = await send(transport, .GET, server.url("/"), headers: [.init(name, value)]) else {
            Issue.record("a malformed header was sent")
            return
        }
        #expect(!failure.mayHaveArrived, "\(failure)")
        #expect(server.requests.isEmpty)
        // The transport goes on working.
        #expect(try await send(transport, .GET, server.url("/")).get().status == 200)
        await transport.shutdown()
        await server.stop()
    }

    @Test func tlsVerifiesTheServerAgainstTheTrustRoots() async throws {
        let server = try await ScriptedHTTPServer.start(tls: true) { _ in .send(Self.ok) }
        let trusting = KeepAliveHTTPTransport(tlsConfiguration: try TestCertificate.trustingClient())
        let url = server.url("/api/v3/time", secure: true, host: "localhost")
        #expect(try await send(trusting, .GET, url).get().bodyText == "{}")
        #expect(server.requests == ["GET /api/v3/time HTTP/1.1\r\nHost: localhost:\(server.port)\r\n\r\n"])
        // The system's roots do not know this certificate: the handshake fails before anything is sent.
        let strict = KeepAliveHTTPTransport()
        guard case .failure(let failure) = await send(strict, .GET, url) else {
            Issue.record("an unknown certificate was accepted")
            return
        }
        #expect(!failure.mayHaveArrived, "\(failure)")
        #expect(failure.detail.contains("TLS"), "\(failure)")
        #expect(server.requests.count == 1)
        await trusting.shutdown()
        await strict.shutdown()
        await server.stop()
    }

    @Test func aRefusedConnectionIsNotSentAndNamedSo() async throws {
        let transport = KeepAliveHTTPTransport()
        guard case .failure(let failure) = await send(transport, .GET, "http://127.0.0.1:9/") else {
            Issue.record("port 9 answered")
            return
        }
        #expect(failure == .notSent("connection refused"))
        await transport.shutdown()
    }

    @Test func aTransportLetGoWithoutShutdownClosesItsIdleConnections() async throws {
        let server = try await ScriptedHTTPServer.start { _ in .send(Self.ok) }
        var transport: KeepAliveHTTPTransport? = KeepAliveHTTPTransport()
        #expect(try await send(transport!, .GET, server.url("/")).get().status == 200)
        #expect(server.closedConnections == 0)
        transport = nil
        for _ in 0..<1_000 where server.closedConnections == 0 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(server.closedConnections == 1)
        await server.stop()
    }

    @Test func droppedAndShutDownPools() async throws {
        let server = try await ScriptedHTTPServer.start { _ in .send(Self.ok) }
        let transport = KeepAliveHTTPTransport()
        #expect(try await send(transport, .GET, server.url("/")).get().status == 200)
        await transport.dropConnections()
        #expect(try await send(transport, .GET, server.url("/")).get().status == 200)
        #expect(server.connections == 2)
        await transport.shutdown()
        guard case .failure(let failure) = await send(transport, .GET, server.url("/")) else {
            Issue.record("a shut-down transport sent a request")
            return
        }
        #expect(!failure.mayHaveArrived)
        await server.stop()
    }
}

final class Counter: Sendable {
    private let value = Mutex(0)
    func next() -> Int { value.withLock { $0 += 1; return $0 } }
}
