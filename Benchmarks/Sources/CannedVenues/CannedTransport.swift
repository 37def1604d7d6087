import Foundation
import SentinelNet

/// Answers every request from memory, by the request's path, with the recorded answers of `canned.json`. A path it
/// has no answer for is answered 404 and remembered, so that a run can say which request it did not expect.
public final class CannedTransport: HTTPTransport {
    /// Few routes (three per exchange), compared by their bytes: a dictionary keyed by `String` would make each
    /// request pay for a path `String` and its hash, a cost of this harness, not of the client it measures.
    private let routes: [(path: [UInt8], body: [UInt8])]
    private let unexpected = UnexpectedPaths()

    public init(answers: [String: [UInt8]]) {
        routes = answers.map { (Array($0.key.utf8), $0.value) }
    }

    public var unexpectedPaths: [String] { unexpected.paths }

    public func send(_ request: SignedRequest, timeoutMs: Int64) async throws(TransportFailure) -> HTTPResponse {
        var url = request.url
        let body = url.withUTF8 { bytes -> [UInt8]? in
            let range = Self.pathRange(of: bytes)
            let path = UnsafeBufferPointer(rebasing: bytes[range])
            guard !range.isEmpty else { return routes.first { $0.path == [UInt8(ascii: "/")] }?.body }
            return routes.first { Self.equal($0.path, path) }?.body
        }
        guard let body else {
            unexpected.note(Self.path(of: request.url))
            return HTTPResponse(status: 404, headers: [], body: Array(#"{"code":-1,"msg":"not canned"}"#.utf8))
        }
        return HTTPResponse(status: 200, headers: [], body: body)
    }

    /// Lengths, then one `memcmp`: a generic byte-by-byte comparison was a hundredth of an OKX order.
    private static func equal(_ route: [UInt8], _ path: UnsafeBufferPointer<UInt8>) -> Bool {
        guard route.count == path.count, let wanted = path.baseAddress else { return route.count == path.count }
        return route.withUnsafeBufferPointer { memcmp($0.baseAddress!, wanted, path.count) == 0 }
    }

    public func dropConnections() async {}
    public func shutdown() async {}

    /// `http://host:port/api/v3/order?x=1` → `/api/v3/order`.
    public static func path(of url: String) -> String {
        var url = url
        return url.withUTF8 { bytes in
            let range = pathRange(of: bytes)
            return range.isEmpty ? "/" : String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
    }

    /// Where the path lies in a URL's bytes, over the bytes: Foundation's string search would cost this harness more
    /// than some of the work it measures.
    static func pathRange(of bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = 0
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")), bytes[colon...].starts(with: "://".utf8) {
            start = colon + 3
        }
        guard let slash = bytes[start...].firstIndex(of: UInt8(ascii: "/")) else { return 0..<0 }
        let end = bytes[slash...].firstIndex(of: UInt8(ascii: "?")) ?? bytes.endIndex
        return slash..<end
    }
}

/// The paths a `CannedTransport` had no answer for.
final class UnexpectedPaths: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: Set<String> = []

    func note(_ path: String) { lock.withLock { _ = seen.insert(path) } }
    var paths: [String] { lock.withLock { seen.sorted() } }
}
