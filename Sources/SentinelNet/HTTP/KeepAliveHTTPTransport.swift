import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// `HTTPTransport` on SwiftNIO's HTTP/1.1 codec: keep-alive connections pooled per origin (at most
/// `connectionsPerOrigin`, then requests queue), connect and answer deadlines, TLS with the system's trust roots and
/// full certificate verification, no redirects followed (an exchange API never redirects; a redirect means a wrong
/// host, and its answer is returned as it is).
///
/// It does what `AsyncHTTPTransport` does for Sentinel's requests with less work per request: one continuation per
/// request and no task of its own (AsyncHTTPClient 1.37 starts an unstructured task per request to register it for
/// cancellation, and streams the body through an async sequence), which on the order path cost more than the order's
/// own work.
public final class KeepAliveHTTPTransport: HTTPTransport {
    private struct State {
        var pool: ConnectionPoolState<KeepAliveConnection>
        var waiters: [UInt64: Waiter] = [:]
        var tls: NIOSSLContext?

        /// Takes a waiter out, with its deadline timer: the caller resumes it, and the timer is cancelled, so that
        /// a busy origin's waits leave no timers behind on the loop until their deadlines.
        mutating func removeWaiter(_ id: UInt64) -> CheckedContinuation<LeaseOutcome, Never>? {
            guard let waiter = waiters.removeValue(forKey: id) else { return nil }
            waiter.deadline?.cancel()
            return waiter.continuation
        }
    }

    private struct Waiter {
        var continuation: CheckedContinuation<LeaseOutcome, Never>
        var deadline: Scheduled<Void>?
    }

    private enum LeaseOutcome: Sendable {
        case granted(ConnectionPoolState<KeepAliveConnection>.Grant)
        case failed(TransportFailure)
    }

    private let state: Mutex<State>
    private let tickets = Atomic<UInt64>(0)
    /// Deadline timers of queued requests not yet fired or cancelled on the loop (tests).
    private let pendingDeadlineTimers = Atomic<Int>(0)
    private let connectTimeoutMs: Int64
    private let tlsConfiguration: TLSConfiguration
    private let loop = TransportEventLoop.loop
    private let poolLimit: Int

    /// `tlsConfiguration` is for a private trust root (a test server, a company's TLS proxy); the default verifies
    /// exchange certificates against the system's roots.
    public init(
        connectTimeoutMs: Int64 = 3_000, connectionsPerOrigin: Int = 8, idleTimeoutMs: Int64 = 60_000,
        tlsConfiguration: TLSConfiguration = .makeClientConfiguration()
    ) {
        self.connectTimeoutMs = connectTimeoutMs
        self.tlsConfiguration = tlsConfiguration
        poolLimit = max(1, connectionsPerOrigin)
        state = Mutex(State(pool: ConnectionPoolState(limit: poolLimit, idleTimeoutMs: idleTimeoutMs)))
    }

    public func send(_ request: SignedRequest, timeoutMs: Int64) async throws(TransportFailure) -> HTTPResponse {
        let (origin, target) = try HTTPOrigin.split(request.url)
        if Task.isCancelled { throw .notSent("cancelled before the request was sent") }
        let deadline = NIODeadline.now() + .milliseconds(timeoutMs)
        // Leasing, connecting and the exchange run on the connections' loop: each step resumes there at once,
        // even while the caller's executor is busy (a saturated global pool had held a request between its connect
        // and its write past its deadline).
        let outcome = await withTaskExecutorPreference(TransportEventLoop.executor) {
            () async -> Result<HTTPResponse, TransportFailure> in
            // A server may close a kept-alive connection right after an answer, without saying so; the close can be
            // read after the connection went back to the pool. Such a connection takes nothing in, so the request
            // moves to the next one (at worst past every stale idle connection, then onto a new one).
            var staleConnections = 0
            while true {
                let connection: KeepAliveConnection
                do throws(TransportFailure) {
                    connection = try await lease(origin, deadline: deadline)
                } catch {
                    return .failure(error)
                }
                let ticket = tickets.add(1, ordering: .relaxed).newValue
                let outcome = await connection.exchange(request, target: target, deadline: deadline, ticket: ticket)
                release(connection, reusable: outcome.reusable)
                if case .failure(KeepAliveConnection.closedBeforeTheRequest) = outcome.result,
                    staleConnections < poolLimit, NIODeadline.now() < deadline
                {
                    staleConnections += 1
                    continue
                }
                return outcome.result
            }
        }
        return try outcome.get()
    }

    deinit {
        // Idle connections would otherwise stay open on the shared loop for the life of the process.
        for connection in state.withLock({ $0.pool.shutDown().closing }) { connection.close() }
    }

    public func dropConnections() async {
        for connection in state.withLock({ $0.pool.dropAll() }) { connection.close() }
    }

    public func shutdown() async {
        let (closing, waiters) = state.withLock { state in
            let (closing, ids) = state.pool.shutDown()
            return (closing, ids.compactMap { state.removeWaiter($0) })
        }
        for connection in closing { connection.close() }
        for waiter in waiters { waiter.resume(returning: .failed(.notSent("the transport was shut down"))) }
    }

    /// Deadline timers of queued requests not yet fired or cancelled on the loop (tests).
    var armedDeadlines: Int { pendingDeadlineTimers.load(ordering: .relaxed) }

    /// Pool size figures for one origin, for tests and diagnostics.
    func counts(_ origin: HTTPOrigin) -> (open: Int, idle: Int, waiting: Int) {
        state.withLock { $0.pool.counts(origin) }
    }

    // MARK: leasing

    private func lease(_ origin: HTTPOrigin, deadline: NIODeadline) async throws(TransportFailure) -> KeepAliveConnection {
        var expired: [KeepAliveConnection] = []
        let lease = state.withLock { $0.pool.lease(origin, nowMs: Self.nowMs(), expired: &expired, mayWait: false) }
        for connection in expired { connection.close() }
        let grant: ConnectionPoolState<KeepAliveConnection>.Grant
        switch lease {
        case .use(let connection): return connection
        case .connect: grant = .connect
        case .shutDown: throw .notSent("the transport was shut down")
        case .wait, .full:
            switch await queue(origin, deadline: deadline) {
            case .granted(let granted): grant = granted
            case .failed(let failure): throw failure
            }
        }
        switch grant {
        case .use(let connection): return connection
        case .connect: return try await connect(origin, deadline: deadline)
        }
    }

    /// Waits for a connection of a full origin; registers the waiter in the same lock as the lease that queued it,
    /// so a connection freed in between cannot miss it.
    private func queue(_ origin: HTTPOrigin, deadline: NIODeadline) async -> LeaseOutcome {
        let waiter = Mutex<UInt64?>(nil)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<LeaseOutcome, Never>) in
                var expired: [KeepAliveConnection] = []
                let lease = state.withLock { state in
                    let lease = state.pool.lease(origin, nowMs: Self.nowMs(), expired: &expired, mayWait: true)
                    if case .wait(let id) = lease { state.waiters[id] = Waiter(continuation: continuation) }
                    return lease
                }
                for connection in expired { connection.close() }
                switch lease {
                case .use(let connection): continuation.resume(returning: .granted(.use(connection)))
                case .connect: continuation.resume(returning: .granted(.connect))
                case .shutDown, .full: continuation.resume(returning: .failed(.notSent("the transport was shut down")))
                case .wait(let id):
                    waiter.withLock { $0 = id }
                    let timer = loop.scheduleTask(deadline: deadline) {
                        self.giveUp(id, of: origin, .notSent("no free connection to \(origin) before the deadline"))
                    }
                    pendingDeadlineTimers.add(1, ordering: .relaxed)
                    timer.futureResult.whenComplete { _ in self.pendingDeadlineTimers.subtract(1, ordering: .relaxed) }
                    // Kept with the waiter, to be cancelled when it is granted; already granted, it is not needed.
                    let granted = state.withLock { state in
                        guard state.waiters[id] != nil else { return true }
                        state.waiters[id]?.deadline = timer
                        return false
                    }
                    if granted { timer.cancel() }
                    // A cancellation that came before `waiter` was set found no waiter to release.
                    if Task.isCancelled { giveUp(id, of: origin, .notSent("cancelled while waiting for a connection")) }
                }
            }
        } onCancel: {
            if let id = waiter.withLock({ $0 }) { giveUp(id, of: origin, .notSent("cancelled while waiting for a connection")) }
        }
    }

    private func giveUp(_ waiter: UInt64, of origin: HTTPOrigin, _ failure: TransportFailure) {
        let continuation = state.withLock { state in
            state.pool.cancelWait(waiter, of: origin) ? state.removeWaiter(waiter) : nil
        }
        continuation?.resume(returning: .failed(failure))
    }

    private func release(_ connection: KeepAliveConnection, reusable: Bool) {
        var close = false
        handNext { pool in
            let released = pool.release(
                connection, of: connection.origin, generation: connection.generation,
                reusable: reusable && !connection.isClosed, nowMs: Self.nowMs())
            close = released.close
            return released.grant
        }
        if close { connection.close() }
    }

    /// Applies `step` to the pool and, in the same lock, takes the continuation of the waiter it grants something to;
    /// resumes that waiter outside the lock.
    private func handNext(
        _ step: (inout ConnectionPoolState<KeepAliveConnection>) -> (UInt64, ConnectionPoolState<KeepAliveConnection>.Grant)?
    ) {
        let next = state.withLock { state in
            step(&state.pool).flatMap { id, grant in state.removeWaiter(id).map { ($0, grant) } }
        }
        if let (waiter, grant) = next { waiter.resume(returning: .granted(grant)) }
    }

    // MARK: connecting

    /// Opens a connection in the place the pool reserved. Everything that fails here fails before the request is
    /// written: `notSent`.
    private func connect(_ origin: HTTPOrigin, deadline: NIODeadline) async throws(TransportFailure) -> KeepAliveConnection {
        var opened: (any Channel)?
        var made: KeepAliveConnection?
        do {
            let tls = try origin.secure ? tlsContext() : nil
            let generation = state.withLock { $0.pool.generation }
            let connection = KeepAliveConnection(origin: origin, generation: generation, loop: loop) { [weak self] in
                self?.connectionClosedWhileIdle($0)
            }
            made = connection
            // One deadline for the TCP connect and the TLS handshake together.
            let connectDeadline = min(.now() + .milliseconds(connectTimeoutMs), deadline)
            let remaining = connectDeadline - .now()
            let serverName = origin.hostIsAddress ? nil : origin.host
            let bootstrap = ClientBootstrap(group: loop)
                .connectTimeout(max(remaining, .milliseconds(1)))
                .channelOption(.tcpOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let tls {
                            try channel.pipeline.syncOperations.addHandler(
                                NIOSSLClientHandler(context: tls, serverHostname: serverName))
                        }
                        try channel.pipeline.syncOperations.addHTTPClientHandlers()
                        try channel.pipeline.syncOperations.addHandler(connection)
                    }
                }
            // An address needs no lookup: NIO runs every lookup of a loop on one serial queue, where an address
            // would wait behind any slow name (a test suite's or a bot's unreachable DNS held loopback for seconds).
            let channel =
                if let address = try? SocketAddress(ipAddress: origin.host, port: origin.port) {
                    try await bootstrap.connect(to: address).get()
                } else {
                    try await bootstrap.connect(host: origin.host, port: origin.port).get()
                }
            opened = channel
            // The TLS handshake must end by the connect deadline too.
            let handshakeLimit = loop.scheduleTask(deadline: connectDeadline) { connection.closeIfNotReady() }
            defer { handshakeLimit.cancel() }
            try await connection.readiness.get()
            return connection
        } catch {
            opened?.close(promise: nil)
            made?.abandon(error)
            handNext { $0.connectFailed(origin) }
            throw .notSent(Self.describe(error))
        }
    }

    private func tlsContext() throws -> NIOSSLContext {
        if let tls = state.withLock({ $0.tls }) { return tls }
        // Made outside the lock: it reads the system's trust store.
        let made = try NIOSSLContext(configuration: tlsConfiguration)
        return state.withLock { state in
            if let tls = state.tls { return tls }
            state.tls = made
            return made
        }
    }

    private func connectionClosedWhileIdle(_ connection: KeepAliveConnection) {
        handNext { $0.closedWhileIdle(connection, of: connection.origin) }
    }

    /// A connect failure in the words a person fixes it by: refused, timed out, unknown host, TLS.
    static func describe(_ error: any Error) -> String {
        if let failure = error as? TransportFailure { return failure.detail }
        if case ChannelError.connectTimeout = error { return "connect timeout" }
        if let error = error as? NIOConnectionError {
            if error.connectionErrors.isEmpty && (error.dnsAError != nil || error.dnsAAAAError != nil) {
                return "could not resolve host \(error.host)"
            }
            if error.connectionErrors.contains(where: { ($0.error as? IOError)?.errnoCode == ECONNREFUSED }) {
                return "connection refused"
            }
            if let first = error.connectionErrors.first { return describe(first.error) }
        }
        if let error = error as? IOError, error.errnoCode == ECONNREFUSED { return "connection refused" }
        if error is NIOSSLError || error is BoringSSLError { return "TLS handshake failed: \(error)" }
        return String(describing: error)
    }

    private static func nowMs() -> Int64 {
        Int64(NIODeadline.now().uptimeNanoseconds / 1_000_000)
    }
}
