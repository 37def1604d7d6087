import SentinelCore

/// Checks a private request in Bitget's order (bitget.md Simulator notes 1–3): the headers present, the key known,
/// its environment against `paptrading`, the passphrase, the timestamp's form and 30 s window, the signature over
/// the bytes received, the IP whitelist, the permission.
struct BitgetAuthenticator {
    static let windowMilliseconds: Int64 = 30_000

    let environment: EnvironmentKind

    func authenticate(
        _ request: SimulatorRequest, security: BitgetSecurity, keys: KeyRegistry, now: Int64
    ) throws(BitgetError) -> SimulatedAPIKey {
        guard let apiKey = nonEmpty(request.header("access-key")) else { throw .missingKey }
        guard let signature = nonEmpty(request.header("access-sign")) else { throw .missingSign }
        guard let timestamp = nonEmpty(request.header("access-timestamp")) else { throw .missingTimestamp }
        guard let passphrase = nonEmpty(request.header("access-passphrase")) else { throw .missingPassphrase }
        guard apiKey.utf8.count <= 64, apiKey.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) else { throw .invalidKey }
        guard let key = keys.key(apiKey), key.exchange == .bitget, !key.isExpired(at: now) else {
            throw .keyDoesNotExist
        }
        guard key.environment == environment else { throw .environmentMismatch }
        guard key.passphrase == passphrase else { throw .wrongPassphrase }
        guard timestamp.utf8.count <= 16, timestamp.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let sent = Int64(timestamp)
        else { throw .invalidTimestamp }
        // Wide arithmetic: the skew is admin-set and the timestamp comes from outside.
        guard abs(Int128(now) - Int128(sent)) <= Int128(Self.windowMilliseconds) else { throw .timestampExpired }
        guard BitgetSignature.isValid(signature, material: key.material, timestamp: timestamp, request: request) else {
            throw .invalidSignature
        }
        guard key.allows(ip: request.clientIP) else { throw .ipNotWhitelisted }
        guard key.permissions.contains(.read) || key.permissions.contains(.trade) else { throw .permission("read") }
        switch security {
        case .none, .read: break
        case .spotTrade:
            guard key.permissions.contains(.trade) else { throw .permission("spot trade") }
        case .futuresTrade:
            guard key.permissions.contains(.trade), key.permissions.contains(.futures) else {
                throw .permission("contract trade")
            }
        }
        return key
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
