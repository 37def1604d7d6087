import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// `HTTPTransport` on AsyncHTTPClient: one keep-alive connection pool per transport, connect and read timeouts,
/// redirects refused (an exchange API never redirects; a redirect means a wrong host), no tracing spans. The default
/// transport is `KeepAliveHTTPTransport`, which does the same with less work per request; this one stays as the
/// reference it is measured and tested against.
public final class AsyncHTTPTransport: HTTPTransport {
    private let client: Mutex<HTTPClient>
    private let connectTimeoutMs: Int64

    public init(connectTimeoutMs: Int64 = 3_000) {
        self.connectTimeoutMs = connectTimeoutMs
        client = Mutex(Self.makeClient(connectTimeoutMs: connectTimeoutMs))
    }

    private static let loop = TransportEventLoop.loop
    private static let executor = TransportEventLoop.executor

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
