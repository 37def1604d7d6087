import Crypto
import Foundation
import SentinelSimulator

/// A minimal KuCoin client for tests, written from the fact sheet independently of the client library: ms
/// timestamp, Base64(HMAC-SHA256(secret, ts + METHOD + path?query + body)), the passphrase HMAC'd with the secret
/// for key version 2/3 (plain for version 1).
struct KuCoinTestClient: Sendable {
    let baseURL: String
    var apiKey: String
    var secret: String
    var passphrase: String
    var version: String? = "2"
    var clock: SimulatorManualClock?

    static func sign(secret: String, _ text: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: Data(secret.utf8))))
            .base64EncodedString()
    }

    var nowMilliseconds: Int64 { clock?.milliseconds ?? BinanceTestClient.nowMilliseconds() }

    func get(_ pathAndQuery: String) async throws -> HTTPAnswer {
        try await TestHTTP.send("GET", baseURL + pathAndQuery)
    }

    /// A signed request. `timestamp` replaces the clock's; `signedPath` signs other bytes than those sent.
    func signed(
        _ method: String, _ pathAndQuery: String, body: String? = nil, timestamp: String? = nil,
        passphrase overridePassphrase: String? = nil, signedPath: String? = nil, tamper: Bool = false
    ) async throws -> HTTPAnswer {
        let stamp = timestamp ?? String(nowMilliseconds)
        var signature = Self.sign(secret: secret, stamp + method + (signedPath ?? pathAndQuery) + (body ?? ""))
        if tamper { signature = String(signature.reversed()) }
        let phrase = overridePassphrase ?? passphrase
        var headers = [
            "KC-API-KEY": apiKey, "KC-API-SIGN": signature, "KC-API-TIMESTAMP": stamp,
            "KC-API-PASSPHRASE": version == nil || version == "1" ? phrase : Self.sign(secret: secret, phrase),
        ]
        if let version { headers["KC-API-KEY-VERSION"] = version }
        if body != nil { headers["Content-Type"] = "application/json" }
        return try await TestHTTP.send(method, baseURL + pathAndQuery, headers: headers, body: body)
    }
}

extension HTTPAnswer {
    var kucoinCode: String? { object["code"] as? String }
    var kucoinData: Any? { object["data"] }
    var kucoinObject: [String: Any] { object["data"] as? [String: Any] ?? [:] }
    var kucoinArray: [[String: Any]] { object["data"] as? [[String: Any]] ?? [] }
}

extension RunningSimulator {
    func kucoinClient(
        futures: Bool = false, permissions: [String] = ["read", "trade", "futures"], ipWhitelist: [String] = [],
        expiresAt: Int64? = nil
    ) async throws -> KuCoinTestClient {
        let key = try await createKey(
            SimulatedKeyRequest(exchange: "kucoin", permissions: permissions, ipWhitelist: ipWhitelist, expiresAt: expiresAt))
        return KuCoinTestClient(
            baseURL: url(for: futures ? .kucoinFutures : .kucoin), apiKey: key.apiKey, secret: key.secret,
            passphrase: key.passphrase ?? "", clock: configuration.clock)
    }

    func kucoinClient(sameKeyAs client: KuCoinTestClient, futures: Bool) -> KuCoinTestClient {
        var other = client
        other = KuCoinTestClient(
            baseURL: url(for: futures ? .kucoinFutures : .kucoin), apiKey: client.apiKey, secret: client.secret,
            passphrase: client.passphrase, version: client.version, clock: client.clock)
        return other
    }
}
