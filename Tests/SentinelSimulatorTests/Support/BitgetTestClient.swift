import Crypto
import Foundation
import SentinelSimulator

/// A minimal Bitget V2 client for tests, written from the fact sheet independently of the client library: ms
/// timestamp, Base64(HMAC-SHA256(secret, ts + METHOD + path?query + body)), the passphrase in plain text, and
/// `paptrading: 1` when `demo` is set.
struct BitgetTestClient: Sendable {
    let baseURL: String
    var apiKey: String
    var secret: String
    var passphrase: String
    var demo: Bool
    var clock: SimulatorManualClock?

    static func sign(secret: String, _ prehash: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(prehash.utf8), using: SymmetricKey(data: Data(secret.utf8))))
            .base64EncodedString()
    }

    var nowMilliseconds: Int64 { clock?.milliseconds ?? BinanceTestClient.nowMilliseconds() }

    func get(_ pathAndQuery: String, headers: [String: String] = [:]) async throws -> HTTPAnswer {
        var all = headers
        if demo { all["PAPTRADING"] = "1" }
        return try await TestHTTP.send("GET", baseURL + pathAndQuery, headers: all)
    }

    /// A signed request. `timestamp` replaces the clock's; `signedPath` signs other bytes than those sent.
    func signed(
        _ method: String, _ pathAndQuery: String, body: String? = nil, timestamp: String? = nil,
        passphrase overridePassphrase: String? = nil, signedPath: String? = nil, headers: [String: String] = [:],
        signature overrideSignature: String? = nil
    ) async throws -> HTTPAnswer {
        let stamp = timestamp ?? String(nowMilliseconds)
        let signature = overrideSignature
            ?? Self.sign(secret: secret, stamp + method + (signedPath ?? pathAndQuery) + (body ?? ""))
        var all = headers
        all["ACCESS-KEY"] = apiKey
        all["ACCESS-SIGN"] = signature
        all["ACCESS-TIMESTAMP"] = stamp
        all["ACCESS-PASSPHRASE"] = overridePassphrase ?? passphrase
        all["locale"] = "en-US"
        if body != nil { all["Content-Type"] = "application/json" }
        if demo { all["paptrading"] = "1" }
        return try await TestHTTP.send(method, baseURL + pathAndQuery, headers: all, body: body)
    }
}

extension RunningSimulator {
    /// A Bitget client with a fresh key; demo keys send `paptrading: 1`.
    func bitgetClient(
        permissions: [String] = ["read", "trade", "futures"], ipWhitelist: [String] = [], environment: String = "live"
    ) async throws -> BitgetTestClient {
        let key = try await createKey(
            SimulatedKeyRequest(
                exchange: "bitget", permissions: permissions, ipWhitelist: ipWhitelist, environment: environment))
        return BitgetTestClient(
            baseURL: url(for: .bitget), apiKey: key.apiKey, secret: key.secret, passphrase: key.passphrase ?? "",
            demo: environment == "demo", clock: configuration.clock)
    }
}

extension HTTPAnswer {
    /// Bitget codes are strings; `data` is an object or a list.
    var bitgetCode: String? { object["code"] as? String }
    var bitgetList: [[String: Any]] { object["data"] as? [[String: Any]] ?? [] }
    var bitgetObject: [String: Any] { object["data"] as? [String: Any] ?? [:] }
}
