import Hummingbird
import Logging
import Synchronization

/// The console's HTTP server on 127.0.0.1 only: the guard in front of every route, and the port it got.
struct ConsoleServer: Sendable {
    let port: Int
    private let task: Task<Void, Never>

    /// The port the listener got, known once it is bound; the guard and the pages read it.
    final class BoundPort: Sendable {
        private let value = Mutex(0)
        var port: Int { value.withLock { $0 } }
        func set(_ port: Int) { value.withLock { $0 = port } }
    }

    /// Binds 127.0.0.1:`port` (0: a free port) and returns once it accepts connections.
    static func start(
        port requested: Int, state: ConsoleState, routes: @escaping @Sendable (BoundPort) throws -> ConsoleRoutes
    ) async throws -> ConsoleServer {
        let bound = BoundPort()
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: ConsoleGuard(state: state, bound: bound))
        try routes(bound).register(on: router)
        let ready = AsyncStream<Result<Int, any Error>>.makeStream()
        let application = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: requested), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? requested
                bound.set(port)
                ready.continuation.yield(.success(port))
            },
            logger: Logger(label: "sentinel.console", factory: { _ in SwiftLogNoOpLogHandler() }))
        let task = Task {
            do {
                try await application.runService(gracefulShutdownSignals: [])
            } catch {
                ready.continuation.yield(.failure(error))
            }
            ready.continuation.finish()
        }
        for await result in ready.stream {
            switch result {
            case .success(let port): return ConsoleServer(port: port, task: task)
            case .failure(let error): throw error
            }
        }
        throw CancellationError()
    }

    private init(port: Int, task: Task<Void, Never>) {
        self.port = port
        self.task = task
    }

    func stop() async {
        task.cancel()
        await task.value
    }
}
