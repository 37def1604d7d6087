import SentinelCore
import SentinelNet

/// Bitget V2 request signing (bitget.md §2): Base64 of HMAC-SHA256 (or SHA256withRSA for RSA keys) over
/// `ms + METHOD + path + "?" + query + body`. The query is sorted by name, as Bitget's own sample code and ccxt do,
/// and signed with raw values; the URL carries the same sorted query.
public struct BitgetSigner: RequestSigner {
    public let venue: Venue
    /// The base URL, resolved once.
    let base: String
    let apiKey: String
    let key: SigningKey
    let passphrase: SecretText

    public init(credentials: Credentials, venue: Venue) throws(SentinelError) {
        guard venue.exchange == .bitget else {
            throw SentinelError(.unsupported, Diagnosis(cause: "BitgetSigner signs only for Bitget venues."))
        }
        guard let passphrase = credentials.passphrase, !passphrase.isEmpty else {
            throw .invalidInput(
                "Bitget keys need the passphrase chosen when the key was created.",
                fix: ["Add the passphrase exactly as typed at key creation (case-sensitive)."])
        }
        self.venue = venue
        self.base = BitgetEndpoints.restBase(for: venue)
        self.apiKey = credentials.apiKey
        self.key = try SigningKey(credentials)
        self.passphrase = passphrase
    }

    public func sign(_ draft: RequestDraft, timestampMs: Int64) throws(SentinelError) -> SignedRequest {
        try JSONBody.validate(bodyOf: draft, exchange: .bitget)
        let timestamp = String(timestampMs)
        let query = draft.query.sortedByName()
        let signedPath = query.isEmpty ? draft.path : draft.path + "?" + query.decoded
        let signature = try key.withSignature(
            forConcatenationOf: (timestamp, draft.method.rawValue, signedPath, draft.body ?? ""), SignatureText.base64)

        var headers: [SignedRequest.Header] = [
            .init("ACCESS-KEY", apiKey),
            .init("ACCESS-SIGN", signature),
            .init("ACCESS-TIMESTAMP", timestamp),
            .init("ACCESS-PASSPHRASE", passphrase.revealed()),
            .init("Content-Type", "application/json"),
        ]
        if venue.environment.kind == .demo { headers.append(.init("paptrading", "1")) }
        return SignedRequest(
            method: draft.method,
            url: url(base: base, path: draft.path, query: query.encoded),
            headers: headers, body: draft.body)
    }

    /// The WebSocket `login` argument: sign `seconds + "GET/user/verify"` (RSA keys sign the same text).
    public func webSocketLogin(timestampSeconds: Int64) throws(SentinelError) -> [String: String] {
        let timestamp = String(timestampSeconds)
        let signature = SignatureText.base64(try key.signature(for: timestamp + "GET/user/verify"))
        return ["apiKey": apiKey, "passphrase": passphrase.revealed(), "timestamp": timestamp, "sign": signature]
    }
}
