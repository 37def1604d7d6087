import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import Synchronization

/// One running HTTP listener.
struct Listener: Sendable {
    let name: String
    let port: Int
    let task: Task<Void, Never>

    /// Binds `host:port` (0 = ephemeral) and returns once the listener accepts connections, or throws a
    /// `SimulatorError` naming the port.
    static func start(
        name: String, host: String, port: Int, responder: VenueResponder, limits: ConnectionLimits
    ) async throws(SimulatorError) -> Listener {
        let outcome = OneShot()
        let dialect = responder.dialect
        let engine = responder.engine
        // Idle keep-alive connections are closed after `idleTimeout`; HTTPConnectionStateHandler does that once a
        // first request head has arrived, HeadDeadlineHandler before it (a client that never finishes its head).
        let http1 = HTTP1Channel.Configuration(idleTimeout: .milliseconds(Int64(limits.idleTimeoutMilliseconds)))
        let headDeadline = min(limits.idleTimeoutMilliseconds, 20_000)
        let server: HTTPServerBuilder
        if responder.appliesFaults {
            server = HTTPServerBuilder { httpResponder in
                GuardedChildChannel(
                    base: HTTP1WebSocketUpgradeChannel(
                        responder: httpResponder, configuration: .init(http1: http1),
                        shouldUpgrade: { request, channel, _ in
                            let target = (request.path ?? "/").split(
                                separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
                            let path = String(target.first ?? "/")
                            guard
                                let stream = dialect.stream(
                                    path: path, query: target.count > 1 ? String(target[1]) : "")
                            else {
                                return .dontUpgrade
                            }
                            let pump = StreamPump(
                                listener: name, exchange: dialect.exchangeName, path: path, stream: stream,
                                engine: engine, closeConnection: { channel.close(promise: nil) })
                            return .upgrade([:]) { inbound, outbound, _ in
                                try await pump.run(inbound: inbound, outbound: outbound)
                            }
                        }),
                    headDeadlineMilliseconds: headDeadline)
            }
        } else {
            server = HTTPServerBuilder { httpResponder in
                GuardedChildChannel(
                    base: HTTP1Channel(responder: httpResponder, configuration: http1),
                    headDeadlineMilliseconds: headDeadline)
            }
        }
        let application = Application(
            responder: responder,
            server: server,
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: port), serverName: nil,
                availableConnectionsDelegate: MaximumAvailableConnections(limits.maximumConnections)),
            onServerRunning: { channel in outcome.resolve(.success(channel.localAddress?.port ?? port)) },
            logger: Logger(label: "sentinel.simulator.\(name)", factory: { _ in SwiftLogNoOpLogHandler() }))
        let task = Task {
            do {
                try await application.runService(gracefulShutdownSignals: [])
            } catch {
                outcome.resolve(.failure(error))
            }
            outcome.resolve(.failure(CancellationError()))
        }
        do {
            let bound = try await outcome.value()
            return Listener(name: name, port: bound, task: task)
        } catch {
            task.cancel()
            let text = String(describing: error)
            if text.contains("already in use") || text.contains("EADDRINUSE") || text.contains("errno: 98") {
                throw .portInUse(port: port, listener: name)
            }
            throw .cannotListen(port: port, listener: name, reason: text)
        }
    }

    func stop() async {
        task.cancel()
        await task.value
    }
}

/// A result delivered once, from whichever of "server running" and "server failed" happens first.
private final class OneShot: Sendable {
    private let state = Mutex<(result: Result<Int, any Error>?, waiter: CheckedContinuation<Int, any Error>?)>((nil, nil))

    func resolve(_ result: Result<Int, any Error>) {
        let waiter = state.withLock { current -> CheckedContinuation<Int, any Error>? in
            guard current.result == nil else { return nil }
            current.result = result
            defer { current.waiter = nil }
            return current.waiter
        }
        waiter?.resume(with: result)
    }

    func value() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            let ready = state.withLock { current -> Result<Int, any Error>? in
                if let result = current.result { return result }
                current.waiter = continuation
                return nil
            }
            if let ready { continuation.resume(with: ready) }
        }
    }
}
