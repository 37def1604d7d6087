import Crypto
import Foundation

/// OKX request signatures (okx.md §2): Base64(HMAC-SHA256(secret, timestamp + METHOD + path[?query] + body)) over
/// the bytes received.
enum OKXSignature {
    static func sign(secret: String, prehash: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(prehash.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return Data(mac).base64EncodedString()
    }

    /// The prehash strings a request may have been signed over: with its query, and for an empty query also with the
    /// bare `?` some clients leave on the path.
    static func prehashes(timestamp: String, request: SimulatorRequest) -> [String] {
        let head = timestamp + request.method.uppercased() + request.path
        if request.rawQuery.isEmpty { return [head + request.body, head + "?" + request.body] }
        return [head + "?" + request.rawQuery + request.body]
    }

    static func isValid(_ signature: String, secret: String, timestamp: String, request: SimulatorRequest) -> Bool {
        prehashes(timestamp: timestamp, request: request).contains { sign(secret: secret, prehash: $0) == signature }
    }
}
