import Crypto
import Foundation

/// OKX request signatures (okx.md §2): Base64(HMAC-SHA256(secret, timestamp + METHOD + path[?query] + body)) over
/// the bytes received.
enum OKXSignature {
    /// The prehash strings a request may have been signed over: with its query, and for an empty query also with the
    /// bare `?` some clients leave on the path.
    static func prehashes(timestamp: String, request: SimulatorRequest) -> [String] {
        let head = timestamp + request.method.uppercased() + request.path
        if request.rawQuery.isEmpty { return [head + request.body, head + "?" + request.body] }
        return [head + "?" + request.rawQuery + request.body]
    }

    static func isValid(_ signature: String, secret: HMACSecret, timestamp: String, request: SimulatorRequest) -> Bool {
        prehashes(timestamp: timestamp, request: request).contains { secret.base64(of: $0) == signature }
    }
}
