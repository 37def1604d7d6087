import Foundation
import SentinelSimulator

/// A minimal Binance REST client for tests: public GETs and signed requests built by hand.
struct BinanceTestClient: Sendable {
    /// E.g. `http://127.0.0.1:PORT` or `http://127.0.0.1:PORT/demo`.
    var baseURL: String
    var apiKey: String
    var signer: BinanceTestSigner
    /// Added to the local clock for `timestamp`.
    var timestampOffset: Int64 = 0
    /// The simulator's manual clock, when it runs on one: timestamps are then read from it instead of the host's clock.
    var clock: SimulatorManualClock? = nil

    static func nowMilliseconds() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    func get(_ path: String, _ parameters: [(String, String)] = []) async throws -> HTTPAnswer {
        let query = FormEncoding.form(parameters)
        return try await TestHTTP.send("GET", baseURL + path + (query.isEmpty ? "" : "?" + query))
    }

    /// A signed request: parameters plus `timestamp` (and `recvWindow` when given) in the query, or in the body
    /// for `inBody`, with `signature` appended last.
    func signed(
        _ method: String, _ path: String, _ parameters: [(String, String)] = [], inBody: Bool = false,
        recvWindow: String? = nil, timestamp: Int64? = nil, tamper: Bool = false, timeoutSeconds: Int64 = 10
    ) async throws -> HTTPAnswer {
        var all = parameters
        if let recvWindow { all.append(("recvWindow", recvWindow)) }
        all.append(("timestamp", String(timestamp ?? ((clock?.milliseconds ?? Self.nowMilliseconds()) + timestampOffset))))
        let payload = FormEncoding.form(all)
        var signature = signer.signature(for: payload)
        if tamper { signature = String(signature.reversed()) }
        let signedText = payload + "&signature=" + signature
        let headers = ["X-MBX-APIKEY": apiKey]
        if inBody {
            return try await TestHTTP.send(method, baseURL + path, headers: headers, body: signedText, timeoutSeconds: timeoutSeconds)
        }
        return try await TestHTTP.send(method, baseURL + path + "?" + signedText, headers: headers, timeoutSeconds: timeoutSeconds)
    }
}
