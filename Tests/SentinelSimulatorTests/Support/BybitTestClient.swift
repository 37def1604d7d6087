import Crypto
import CryptoExtras
import Foundation
@testable import SentinelSimulator

/// A minimal Bybit V5 client for tests, signing from the fact sheet's rules independently of the client library:
/// `timestamp + apiKey + recvWindow + (raw query | raw body)`, HMAC-SHA256 lowercase hex or RSA base64.
struct BybitTestClient: Sendable {
    enum Signer: Sendable {
        case hmac(secret: String)
        case rsa(_RSA.Signing.PrivateKey)

        func sign(_ text: String) -> String {
            switch self {
            case .hmac(let secret):
                let mac = HMAC<SHA256>.authenticationCode(
                    for: Data(text.utf8), using: SymmetricKey(data: Data(secret.utf8)))
                return mac.map { String(format: "%02x", $0) }.joined()
            case .rsa(let key):
                let signature = try! key.signature(for: Data(text.utf8), padding: .insecurePKCS1v1_5)
                return signature.rawRepresentation.base64EncodedString()
            }
        }
    }

    /// E.g. `http://127.0.0.1:PORT` or `http://127.0.0.1:PORT/demo`.
    let baseURL: String
    var apiKey: String
    var signer: Signer
    var clock: SimulatorManualClock?
    var timestampOffset: Int64 = 0
    var recvWindow: String? = "5000"

    var timestamp: String {
        String((clock?.milliseconds ?? Int64(Date().timeIntervalSince1970 * 1000)) + timestampOffset)
    }

    func get(_ path: String, query: String = "") async throws -> HTTPAnswer {
        try await TestHTTP.send("GET", baseURL + path + (query.isEmpty ? "" : "?" + query))
    }

    /// A signed GET with `query` exactly as given (`?` added when `trailingMark` or the query is not empty).
    func signedGet(_ path: String, query: String = "", trailingMark: Bool = false, tamper: Bool = false)
        async throws -> HTTPAnswer
    {
        let url = baseURL + path + (query.isEmpty && !trailingMark ? "" : "?" + query)
        return try await TestHTTP.send("GET", url, headers: headers(payload: query, tamper: tamper))
    }

    /// A signed POST of `body` exactly as given.
    func signedPost(_ path: String, body: String, tamper: Bool = false) async throws -> HTTPAnswer {
        var headers = headers(payload: body, tamper: tamper)
        headers["Content-Type"] = "application/json"
        return try await TestHTTP.send("POST", baseURL + path, headers: headers, body: body)
    }

    func headers(payload: String, tamper: Bool) -> [String: String] {
        let time = timestamp
        var signature = signer.sign(time + apiKey + (recvWindow ?? "") + payload)
        if tamper { signature = String(signature.reversed()) }
        var headers = ["X-BAPI-API-KEY": apiKey, "X-BAPI-TIMESTAMP": time, "X-BAPI-SIGN": signature]
        if let recvWindow { headers["X-BAPI-RECV-WINDOW"] = recvWindow }
        return headers
    }
}

extension HTTPAnswer {
    var retCode: Int? { object["retCode"] as? Int }
    var retMsg: String? { object["retMsg"] as? String }
    var result: [String: Any] { object["result"] as? [String: Any] ?? [:] }
    var list: [[String: Any]] { result["list"] as? [[String: Any]] ?? [] }
}

extension RunningSimulator {
    func bybitClient(
        permissions: [String] = ["read", "trade", "futures"], ipWhitelist: [String] = [], environment: String = "live",
        prefix: String = "", expiresAt: Int64? = nil
    ) async throws -> BybitTestClient {
        let key = try await createKey(
            SimulatedKeyRequest(
                exchange: "bybit", permissions: permissions, ipWhitelist: ipWhitelist, expiresAt: expiresAt,
                environment: environment))
        return BybitTestClient(
            baseURL: url(for: .bybit) + prefix, apiKey: key.apiKey, signer: .hmac(secret: key.secret),
            clock: configuration.clock)
    }
}
