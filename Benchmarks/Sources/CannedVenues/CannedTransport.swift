import Foundation
import SentinelNet

/// Answers every request from memory, by the request's path, with the recorded answers of `canned.json`. A path it
/// has no answer for is answered 404 and remembered, so that a run can say which request it did not expect.
public final class CannedTransport: HTTPTransport {
    private let answers: [String: [UInt8]]
    private let unexpected = UnexpectedPaths()

    public init(answers: [String: [UInt8]]) {
        self.answers = answers
    }

    public var unexpectedPaths: [String] { unexpected.paths }

    public func send(_ request: SignedRequest, timeoutMs: Int64) async throws(TransportFailure) -> HTTPResponse {
        let path = Self.path(of: request.url)
        guard let body = answers[path] else {
            unexpected.note(path)
            return HTTPResponse(status: 404, headers: [], body: Array(#"{"code":-1,"msg":"not canned"}"#.utf8))
        }
        return HTTPResponse(status: 200, headers: [], body: body)
    }

    public func dropConnections() async {}
    public func shutdown() async {}

    /// `http://host:port/api/v3/order?x=1` → `/api/v3/order`, over the bytes: Foundation's string search would cost
    /// this harness more than some of the work it measures.
    public static func path(of url: String) -> String {
        var url = url
        return url.withUTF8 { bytes in
            var start = 0
            if let colon = bytes.firstIndex(of: UInt8(ascii: ":")), bytes[colon...].starts(with: "://".utf8) {
                start = colon + 3
            }
            guard let slash = bytes[start...].firstIndex(of: UInt8(ascii: "/")) else { return "/" }
            let end = bytes[slash...].firstIndex(of: UInt8(ascii: "?")) ?? bytes.endIndex
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[slash..<end]), as: UTF8.self)
        }
    }
}

/// The paths a `CannedTransport` had no answer for.
final class UnexpectedPaths: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: Set<String> = []

    func note(_ path: String) { lock.withLock { _ = seen.insert(path) } }
    var paths: [String] { lock.withLock { seen.sorted() } }
}
