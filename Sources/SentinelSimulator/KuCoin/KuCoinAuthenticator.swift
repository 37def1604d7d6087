import SentinelCore

/// What an endpoint needs from the key (kucoin.md §4 `x-api-permission`).
enum KuCoinSecurity: Sendable, Equatable {
    case none
    /// `General`: reading.
    case general
    /// `Spot`: spot order entry.
    case spot
    /// `Futures`: futures order entry, positions and the futures account.
    case futures
}

/// Checks a private request in KuCoin's order (kucoin.md, Simulator notes 1): the four headers, the key known on
/// this host, the passphrase (HMAC'd for key versions 2/3), the 5 s timestamp window, the signature over the bytes
/// received, the IP whitelist, the endpoint's permission. A key without the Futures permission does not exist for
/// the futures host (400003), as legacy and spot-only keys there.
struct KuCoinAuthenticator {
    static let windowMilliseconds: Int64 = 5_000

    let futuresHost: Bool

    func authenticate(
        _ request: SimulatorRequest, security: KuCoinSecurity, keys: KeyRegistry, now: Int64
    ) throws(KuCoinError) -> SimulatedAPIKey {
        guard let apiKey = nonEmpty(request.header("kc-api-key")),
            let signature = nonEmpty(request.header("kc-api-sign")),
            let timestamp = nonEmpty(request.header("kc-api-timestamp")),
            let passphrase = nonEmpty(request.header("kc-api-passphrase"))
        else { throw .missingHeaders }
        guard let key = keys.key(apiKey), key.exchange == .kucoin, key.environment == .live, !key.isExpired(at: now),
            !futuresHost || key.permissions.contains(.futures)
        else { throw .keyNotExists }
        guard case .hmac(let secret) = key.material, let expected = key.passphrase,
            KuCoinSignature.passphraseMatches(
                passphrase, passphrase: expected, secret: secret, version: request.header("kc-api-key-version"))
        else { throw .invalidPassphrase }
        // Whole seconds (legacy SDK) and milliseconds are both numbers of milliseconds; anything else is refused.
        guard timestamp.utf8.count <= 16, let sent = Int64(timestamp),
            abs(Int128(now) - Int128(sent)) <= Int128(Self.windowMilliseconds)
        else { throw .invalidTimestamp }
        guard KuCoinSignature.isValid(signature, secret: secret, timestamp: timestamp, request: request) else {
            throw .invalidSignature
        }
        guard key.allows(ip: request.clientIP) else { throw .invalidIP }
        switch security {
        case .none, .general: guard key.permissions.contains(.read) else { throw .noPermission }
        case .spot: guard key.permissions.contains(.trade) else { throw .noPermission }
        case .futures: guard key.permissions.contains(.futures) else { throw .noPermission }
        }
        return key
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
