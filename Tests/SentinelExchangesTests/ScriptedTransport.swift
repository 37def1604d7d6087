import SentinelNet
import Synchronization

/// A transport whose answers a test scripts, recording every request it was given.
final class ScriptedTransport: HTTPTransport {
    typealias Handler = @Sendable (SignedRequest) -> Result<HTTPResponse, TransportFailure>
    private let handler: Handler
    private let log = Mutex<[SignedRequest]>([])
    private let drops = Mutex(0)

    init(_ handler: @escaping Handler) {
        self.handler = handler
    }

    var requests: [SignedRequest] { log.withLock { $0 } }
    var dropCount: Int { drops.withLock { $0 } }

    func send(_ request: SignedRequest, timeoutMs: Int64) async throws(TransportFailure) -> HTTPResponse {
        log.withLock { $0.append(request) }
        return try handler(request).get()
    }

    func dropConnections() async { drops.withLock { $0 += 1 } }
    func shutdown() async {}

    static func json(_ status: Int, _ body: String, headers: [(String, String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers.map { (name: $0.0, value: $0.1) }, body: Array(body.utf8))
    }
}

/// A counter shared with a scripted handler.
final class Counter: Sendable {
    private let value = Mutex(0)
    func next() -> Int { value.withLock { $0 += 1; return $0 } }
    var current: Int { value.withLock { $0 } }
}
