import SentinelCore

/// What a private endpoint needs from the key.
enum OKXSecurity: Sendable, Equatable {
    case none
    case read
    case trade
}

/// Checks a private request in OKX's order (okx.md §2, Simulator notes 1–3): the four headers present, the timestamp
/// form and window, the key known, its environment against `x-simulated-trading`, passphrase, signature, IP
/// whitelist, permission.
struct OKXAuthenticator {
    static let windowMilliseconds: Int64 = 30_000

    let environment: EnvironmentKind

    func authenticate(
        _ request: SimulatorRequest, security: OKXSecurity, keys: KeyRegistry, now: Int64
    ) throws(OKXError) -> SimulatedAPIKey {
        guard let apiKey = nonEmpty(request.header("ok-access-key")) else {
            throw .missingHeader("OK-ACCESS-KEY", code: "50103")
        }
        guard let passphrase = nonEmpty(request.header("ok-access-passphrase")) else {
            throw .missingHeader("OK-ACCESS-PASSPHRASE", code: "50104")
        }
        guard let signature = nonEmpty(request.header("ok-access-sign")) else {
            throw .missingHeader("OK-ACCESS-SIGN", code: "50106")
        }
        guard let timestamp = nonEmpty(request.header("ok-access-timestamp")) else {
            throw .missingHeader("OK-ACCESS-TIMESTAMP", code: "50107")
        }
        guard let sent = OKXTimestamp.milliseconds(timestamp) else { throw .invalidTimestamp }
        // Wide arithmetic: the skew is admin-set and the timestamp comes from outside.
        guard abs(Int128(now) - Int128(sent)) <= Int128(Self.windowMilliseconds) else { throw .timestampExpired }
        guard apiKey.utf8.count <= 64, apiKey.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) else { throw .invalidKey }
        guard let key = keys.key(apiKey), key.exchange == .okx, !key.isExpired(at: now) else {
            throw .keyDoesNotExist
        }
        guard key.environment == environment else { throw .environmentMismatch }
        guard key.passphrase == passphrase else { throw .wrongPassphrase }
        guard case .hmac(let secret) = key.material,
            OKXSignature.isValid(signature, secret: secret, timestamp: timestamp, request: request)
        else { throw .invalidSignature }
        guard key.allows(ip: request.clientIP) else { throw .ipNotWhitelisted(request.clientIP) }
        guard key.permissions.contains(.read) else { throw .noPermission }
        if security == .trade, !key.permissions.contains(.trade) { throw .noPermission }
        return key
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
