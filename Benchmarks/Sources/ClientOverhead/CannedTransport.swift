import Foundation
import SentinelNet

/// Answers every request from memory, by the request's path, with the recorded answers of `canned.json`. A path it
/// has no answer for is answered 404 and remembered, so that a run can say which request it did not expect.
final class CannedTransport: HTTPTransport {
    private let answers: [String: [UInt8]]
    private let unexpected = UnexpectedPaths()

    init(answers: [String: [UInt8]]) {
        self.answers = answers
    }

    var unexpectedPaths: [String] { unexpected.paths }

    func send(_ request: SignedRequest, timeoutMs: Int64) async throws(TransportFailure) -> HTTPResponse {
        let path = Self.path(of: request.url)
        guard let body = answers[path] else {
            unexpected.note(path)
            return HTTPResponse(status: 404, headers: [], body: Array(#"{"code":-1,"msg":"not canned"}"#.utf8))
        }
        return HTTPResponse(status: 200, headers: [], body: body)
    }

    func dropConnections() async {}
    func shutdown() async {}

    /// `http://host:port/api/v3/order?x=1` → `/api/v3/order`.
    static func path(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        let path = rest[slash...]
        return String(path.prefix { $0 != "?" })
    }
}

/// The paths a `CannedTransport` had no answer for.
final class UnexpectedPaths: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: Set<String> = []

    func note(_ path: String) { lock.withLock { _ = seen.insert(path) } }
    var paths: [String] { lock.withLock { seen.sorted() } }
}
