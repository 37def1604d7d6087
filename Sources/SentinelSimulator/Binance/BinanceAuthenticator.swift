import SentinelCore

/// What a signed endpoint needs from the key.
enum BinanceSecurity: Sendable, Equatable {
    /// Public: no key.
    case none
    /// The key in `X-MBX-APIKEY`, no signature (MARKET_DATA endpoints such as margin pairs).
    case apiKey
    /// Signed, reading.
    case userData
    /// Signed, trading.
    case trade
}

/// Checks a signed request in the order Binance does: key header and format, key known in this environment,
/// timestamp and recvWindow, signature, IP whitelist, permissions and expiry.
struct BinanceAuthenticator {
    let flavor: BinanceFlavor
    let environment: EnvironmentKind

    func authenticate(
        _ request: SimulatorRequest, parameters: BinanceParameters, security: BinanceSecurity, keys: KeyRegistry,
        now: Int64
    ) throws(BinanceError) -> SimulatedAPIKey {
        guard let apiKey = request.header("x-mbx-apikey") else { throw .apiKeyFormat }
        guard apiKey.utf8.count == 64, apiKey.utf8.allSatisfy({ Self.isAlphanumeric($0) }) else {
            throw .apiKeyFormat
        }
        guard let key = keys.key(apiKey), key.exchange == flavor.exchange, key.environment == environment else {
            throw flavor.unknownKeyError
        }
        if security == .apiKey {
            guard key.allows(ip: request.clientIP) else {
                throw BinanceError.rejectedKey(requestIP: flavor == .usdm ? request.clientIP : nil)
            }
            return key
        }
        try checkTimestamp(parameters, now: now)
        guard let signature = parameters["signature"] else { throw .mandatory("signature") }
        let payload = BinanceSignature.payload(query: request.rawQuery, body: request.body)
        guard BinanceSignature.isValid(signature: signature, payload: payload, material: key.material) else {
            throw .invalidSignature
        }
        // Built only when thrown: a request that passes does not pay for the error.
        var rejected: BinanceError { .rejectedKey(requestIP: flavor == .usdm ? request.clientIP : nil) }
        guard key.allows(ip: request.clientIP) else { throw rejected }
        guard key.permissions.contains(.read) else { throw rejected }
        if flavor == .usdm, !key.permissions.contains(.futures) { throw rejected }
        if security == .trade {
            if flavor != .usdm, !key.permissions.contains(.trade) { throw rejected }
            // An unrestricted key's trading authority lapses at its expiry — spot and margin only (binance.md §4,
            // tradingAuthorityExpirationTime); reading keeps working, and USDⓈ-M is not affected.
            if flavor != .usdm, key.isExpired(at: now) { throw rejected }
        }
        return key
    }

    /// Accept iff `timestamp < now + 1000` and `now - timestamp <= recvWindow` (default 5000, at most 60000).
    func checkTimestamp(_ parameters: BinanceParameters, now: Int64) throws(BinanceError) {
        guard let text = parameters["timestamp"], BinanceParameters.isDigits(text.utf8, count: 1...19),
            var timestamp = Int64(text)
        else { throw .mandatory("timestamp") }
        if timestamp >= 100_000_000_000_000 { timestamp /= 1000 }  // sent in microseconds
        var window = ExactDecimal(5000)
        if let text = parameters["recvWindow"] {
            guard BinanceParameters.isPlainNumber(text), let value = ExactDecimal(exactly: text),
                value.significantScale <= 3
            else { throw .mandatory("recvWindow") }
            guard value <= ExactDecimal(60_000) else { throw .recvWindowTooLarge }
            window = value
        }
        // Wide arithmetic: both numbers come from outside (the request, the admin-set skew) and must not overflow.
        if Int128(timestamp) >= Int128(now) + 1000 { throw .timestampAhead }
        guard let age = try? ExactDecimal(significand: Int128(now) - Int128(timestamp), scale: 0), age <= window else {
            throw .timestampOutsideWindow
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }
}
