import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// `HTTPTransport` on AsyncHTTPClient: one keep-alive connection pool per transport, connect and read timeouts,
/// redirects refused (an exchange API never redirects; a redirect means a wrong host), no tracing spans.
public final class AsyncHTTPTransport: HTTPTransport {
    private let client: Mutex<HTTPClient>
    private let connectTimeoutMs: Int64

    public init(connectTimeoutMs: Int64 = 3_000) {
        self.connectTimeoutMs = connectTimeoutMs
        client = Mutex(Self.makeClient(connectTimeoutMs: connectTimeoutMs))
    }

    /// Every transport's connections live on one event loop, and a request's task runs on that loop while it waits
    /// for its answer: the answer's head and body wake the task on the thread that read them. With the loop's
    /// threads and the task's apart, each request crossed threads four times or so (`strace`: 7 futex calls per
    /// request), which cost more than Sentinel's own work on the order path.
    private static let loop = MultiThreadedEventLoopGroup(numberOfThreads: 1).next()
    private static let executor = EventLoopTaskExecutor(loop)

    /// The executor of the transports' event loop. A bot whose loop sends one request after another may run that loop
    /// on it (`Task(executorPreference: AsyncHTTPTransport.taskExecutor) { … }`): its requests then never change
    /// threads. Its own work then runs on the thread that also reads every answer, so keep it short.
    public static var taskExecutor: any TaskExecutor { executor }

    private static func makeClient(connectTimeoutMs: Int64) -> HTTPClient {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(connectTimeoutMs), read: nil))
        configuration.connectionPool = .init(idleTimeout: .seconds(60))
        // A refused or failed connection is reported at once (the client's own retry policy decides what to retry);
        // AsyncHTTPClient would otherwise keep reconnecting until the connect timeout, for every request.
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.httpVersion = .http1Only
        // No swift-distributed-tracing spans: even with no tracer bootstrapped, AsyncHTTPClient parses each request's
        // URL again to fill the attributes of a span nobody records (about a twentieth of a round trip's client CPU).
        configuration.tracing.tracer = nil
        return HTTPClient(eventLoopGroupProvider: .shared(loop), configuration: configuration)
    }

    public func send(_ request: SignedRequest, timeoutMs: Int64) async throws(TransportFailure) -> HTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue)
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(string: body)) }
        let current = client.withLock { $0 }
        do {
            return try await withTaskExecutorPreference(Self.executor) {
                let response = try await current.execute(outgoing, timeout: .milliseconds(timeoutMs))
                let body = try await response.body.collect(upTo: 64 * 1024 * 1024)
                return HTTPResponse(
                    status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
                    body: Array(body.readableBytesView))
            }
        } catch {
            throw Self.classify(error)
        }
    }

    /// Connection failures mean nothing was sent; everything after the connection was up may have arrived.
    static func classify(_ error: any Error) -> TransportFailure {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .invalidURL, .emptyHost, .emptyScheme, .alreadyShutdown,
                .getConnectionFromPoolTimeout, .tlsHandshakeTimeout:
                return .notSent(String(describing: error))
            default:
                return .noAnswer(String(describing: error))
            }
        }
        let text = String(describing: error)
        if text.contains("connectionRefused") || text.contains("Connection refused") {
            return .notSent("connection refused")
        }
        return .noAnswer(text)
    }

    public func dropConnections() async {
        let fresh = Self.makeClient(connectTimeoutMs: connectTimeoutMs)
        let old = client.withLock { current in
            let old = current
            current = fresh
            return old
        }
        try? await old.shutdown()
    }

    public func shutdown() async {
        let current = client.withLock { $0 }
        try? await current.shutdown()
    }
}
