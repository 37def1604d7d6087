import Crypto
import Foundation
import SentinelSimulator

/// A minimal OKX V5 client for tests, written from the fact sheet independently of the client library: ISO-ms
/// timestamp, Base64(HMAC-SHA256(secret, ts + METHOD + path?query + body)), the passphrase in plain text, and the
/// `x-simulated-trading` header when `simulatedTrading` is set.
struct OKXTestClient: Sendable {
    let baseURL: String
    var apiKey: String
    var secret: String
    var passphrase: String
    /// The `x-simulated-trading` value to send, or nil for none.
    var simulatedTrading: String?
    var clock: SimulatorManualClock?

    static func sign(secret: String, _ prehash: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(prehash.utf8), using: SymmetricKey(data: Data(secret.utf8))))
            .base64EncodedString()
    }

    /// `2020-12-08T09:08:57.715Z` for Unix milliseconds.
    static func isoTimestamp(_ milliseconds: Int64) -> String {
        let days = milliseconds / 86_400_000
        let rest = milliseconds % 86_400_000
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(year), Int(month), Int(day), Int(rest / 3_600_000),
            Int(rest / 60_000 % 60), Int(rest / 1000 % 60), Int(rest % 1000))
    }

    var nowMilliseconds: Int64 { clock?.milliseconds ?? BinanceTestClient.nowMilliseconds() }

    func get(_ pathAndQuery: String, headers: [String: String] = [:]) async throws -> HTTPAnswer {
        var all = headers
        if let simulatedTrading { all["x-simulated-trading"] = simulatedTrading }
        return try await TestHTTP.send("GET", baseURL + pathAndQuery, headers: all)
    }

    /// A signed request. `timestamp` replaces the clock's; `signedPath` signs other bytes than those sent.
    func signed(
        _ method: String, _ pathAndQuery: String, body: String? = nil, timestamp: String? = nil,
        passphrase overridePassphrase: String? = nil, signedPath: String? = nil, headers: [String: String] = [:]
    ) async throws -> HTTPAnswer {
        let stamp = timestamp ?? Self.isoTimestamp(nowMilliseconds)
        let signature = Self.sign(secret: secret, stamp + method + (signedPath ?? pathAndQuery) + (body ?? ""))
        var all = headers
        all["OK-ACCESS-KEY"] = apiKey
        all["OK-ACCESS-SIGN"] = signature
        all["OK-ACCESS-TIMESTAMP"] = stamp
        all["OK-ACCESS-PASSPHRASE"] = overridePassphrase ?? passphrase
        if body != nil { all["Content-Type"] = "application/json" }
        if let simulatedTrading { all["x-simulated-trading"] = simulatedTrading }
        return try await TestHTTP.send(method, baseURL + pathAndQuery, headers: all, body: body)
    }
}

extension RunningSimulator {
    /// An OKX client with a fresh key; demo keys send `x-simulated-trading: 1`.
    func okxClient(
        permissions: [String] = ["read", "trade"], ipWhitelist: [String] = [], environment: String = "live"
    ) async throws -> OKXTestClient {
        let key = try await createKey(
            SimulatedKeyRequest(exchange: "okx", permissions: permissions, ipWhitelist: ipWhitelist, environment: environment))
        return OKXTestClient(
            baseURL: url(for: .okx), apiKey: key.apiKey, secret: key.secret, passphrase: key.passphrase ?? "",
            simulatedTrading: environment == "demo" ? "1" : nil, clock: configuration.clock)
    }
}

extension HTTPAnswer {
    /// OKX codes are strings.
    var okxCode: String? { object["code"] as? String }
    var okxData: [[String: Any]] { object["data"] as? [[String: Any]] ?? [] }
}
