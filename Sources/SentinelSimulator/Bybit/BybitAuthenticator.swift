import SentinelCore

/// What a Bybit endpoint needs from the key.
enum BybitSecurity: Sendable, Equatable {
    case none
    /// Signed; any key that is valid may read.
    case read
    /// Signed; the key must be read-write with the product's trade permission.
    case trade
}

/// Checks a signed request as Bybit does: key known in this environment (10003), timestamp inside
/// `[now − recvWindow, now + 1000)` (10002), signature over the bytes received (10004), bound IP (10010), expiry
/// (33004, or -2015 on spot), then the permission (10005).
struct BybitAuthenticator {
    static let defaultRecvWindow = "5000"
    /// Unbound keys lapse 90 days after they were made or last re-saved (fact sheet §8).
    static let unboundLifetime: Int64 = 90 * 86_400_000

    let environment: EnvironmentKind

    func authenticate(
        _ request: SimulatorRequest, security: BybitSecurity, category: BybitCategory?, keys: KeyRegistry, now: Int64
    ) throws(BybitError) -> SimulatedAPIKey {
        guard let apiKey = request.header("x-bapi-api-key"), !apiKey.isEmpty,
            let key = keys.key(apiKey), key.exchange == .bybit, key.environment == environment
        else { throw .unknownKey }
        let timestamp = request.header("x-bapi-timestamp") ?? ""
        let recvWindow = request.header("x-bapi-recv-window")
        try checkTimestamp(timestamp, recvWindow: recvWindow, now: now)
        let origin = BybitSignature.originString(
            timestamp: timestamp, apiKey: apiKey, recvWindow: recvWindow ?? "",
            payload: BybitSignature.payload(method: request.method, query: request.rawQuery, body: request.body))
        guard let signature = request.header("x-bapi-sign"),
            BybitSignature.isValid(signature: signature, originString: origin, material: key.material)
        else { throw .signature(originString: origin) }
        guard key.allows(ip: request.clientIP) else { throw .unmatchedIP }
        if Self.expiry(of: key).map({ now >= $0 }) ?? false {
            throw category == .spot ? .expiredSpotKey : .expiredKey
        }
        if security == .trade, !Self.canTrade(key, category: category) { throw .permissionDenied }
        return key
    }

    func checkTimestamp(_ text: String, recvWindow: String?, now: Int64) throws(BybitError) {
        let window = recvWindow ?? Self.defaultRecvWindow
        guard text.utf8.count <= 16, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let timestamp = Int64(text),
            window.utf8.count <= 9, window.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let milliseconds = Int64(window)
        else { throw .timestamp(request: text, server: now, recvWindow: window) }
        guard now - milliseconds <= timestamp, timestamp < now + 1000 else {
            throw .timestamp(request: text, server: now, recvWindow: window)
        }
    }

    /// When the key stops working: its set expiry, or 90 days after creation for a key bound to no IP.
    static func expiry(of key: SimulatedAPIKey) -> Int64? {
        if let expiresAt = key.expiresAt { return expiresAt }
        return key.ipWhitelist.isEmpty ? key.createdAt + unboundLifetime : nil
    }

    /// Read-write keys trade spot with `trade`; derivatives also need `futures` (ContractTrade/Derivatives).
    static func canTrade(_ key: SimulatedAPIKey, category: BybitCategory?) -> Bool {
        guard key.permissions.contains(.trade) else { return false }
        return category == .spot || category == nil || key.permissions.contains(.futures)
    }
}
