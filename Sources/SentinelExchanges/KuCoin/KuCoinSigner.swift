import SentinelCore
import SentinelNet

/// KuCoin request signing (kucoin.md §2): Base64(HMAC-SHA256(secret, ms + METHOD + path?rawQuery + body)) with the
/// query's values decoded (`abc%21` is signed as `abc!`), and the passphrase itself HMAC'd with the secret
/// (key versions 2 and 3).
public struct KuCoinSigner: RequestSigner {
    public let venue: Venue
    /// The base URL, resolved once.
    let base: String
    let apiKey: String
    let key: SigningKey
    let encodedPassphrase: String

    public init(credentials: Credentials, venue: Venue) throws(SentinelError) {
        guard venue.exchange == .kucoin else {
            throw SentinelError(.unsupported, Diagnosis(cause: "KuCoinSigner signs only for KuCoin venues."))
        }
        guard let passphrase = credentials.passphrase, !passphrase.isEmpty else {
            throw .invalidInput(
                "KuCoin keys need the API passphrase chosen when the key was created.",
                fix: ["Add the API passphrase (not your login or trading password)."])
        }
        let key = try SigningKey(credentials)
        guard let mac = key.hmac(passphrase.revealed()) else {
            throw .invalidInput("KuCoin keys are HMAC keys.", fix: ["Use the secret KuCoin showed for this key."])
        }
        self.venue = venue
        self.base = KuCoinEndpoints.restBase(for: venue)
        self.apiKey = credentials.apiKey
        self.key = key
        self.encodedPassphrase = SignatureText.base64(mac)
    }

    public func sign(_ draft: RequestDraft, timestampMs: Int64) throws(SentinelError) -> SignedRequest {
        try JSONBody.validate(bodyOf: draft, exchange: .kucoin)
        let timestamp = String(timestampMs)
        let endpoint = draft.query.isEmpty ? draft.path : draft.path + "?" + draft.query.decoded
        let signature = try key.withSignature(
            forConcatenationOf: (timestamp, draft.method.rawValue, endpoint, draft.body ?? ""), SignatureText.base64)
        let headers: [SignedRequest.Header] = [
            .init("KC-API-KEY", apiKey),
            .init("KC-API-SIGN", signature),
            .init("KC-API-TIMESTAMP", timestamp),
            .init("KC-API-PASSPHRASE", encodedPassphrase),
            .init("KC-API-KEY-VERSION", KuCoinEndpoints.keyVersion),
            .init("Content-Type", "application/json"),
        ]
        return SignedRequest(
            method: draft.method,
            url: url(base: base, path: draft.path, query: draft.query.encoded),
            headers: headers, body: draft.body)
    }
}
