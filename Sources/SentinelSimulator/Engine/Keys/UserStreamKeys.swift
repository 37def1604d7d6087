/// Listen keys: tokens that open an account's private event stream without a signature, valid for a while and
/// extended by keep-alives (Binance USDⓈ-M and Binance.US).
struct UserStreamKey: Sendable, Equatable {
    static let lifetimeMs: Int64 = 60 * 60_000

    let token: String
    let accountID: Int
    /// The listener that issued it; its stream is served there only.
    let listener: String
    var expiresAt: Int64
}

struct UserStreamKeys: Sendable {
    private(set) var keys: [String: UserStreamKey] = [:]

    func valid(_ token: String, at now: Int64) -> UserStreamKey? {
        guard let key = keys[token], key.expiresAt > now else { return nil }
        return key
    }

    /// The account's live key on `listener`, extended; or a new one.
    mutating func open(accountID: Int, listener: String, now: Int64, generator: inout SeededGenerator) -> UserStreamKey {
        if var key = keys.values.first(where: { $0.accountID == accountID && $0.listener == listener && $0.expiresAt > now }) {
            key.expiresAt = now + UserStreamKey.lifetimeMs
            keys[key.token] = key
            return key
        }
        let token = generator.string(count: 64, alphabet: SeededGenerator.alphanumerics)
        let key = UserStreamKey(
            token: token, accountID: accountID, listener: listener, expiresAt: now + UserStreamKey.lifetimeMs)
        keys[token] = key
        return key
    }

    /// Extends the key named by `token`, or the account's live key on `listener` when no token is given.
    mutating func keepAlive(token: String?, accountID: Int, listener: String, now: Int64) -> UserStreamKey? {
        let found = token.flatMap { keys[$0] }
            ?? keys.values.first { $0.accountID == accountID && $0.listener == listener }
        guard var key = found, key.accountID == accountID, key.listener == listener, key.expiresAt > now else {
            return nil
        }
        key.expiresAt = now + UserStreamKey.lifetimeMs
        keys[key.token] = key
        return key
    }

    mutating func close(token: String?, accountID: Int, listener: String) {
        for key in keys.values where key.accountID == accountID && key.listener == listener {
            if token == nil || token == key.token { keys[key.token] = nil }
        }
    }
}
