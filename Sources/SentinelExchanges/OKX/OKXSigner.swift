import SentinelCore
import SentinelNet

/// OKX V5 request signing (okx.md §2): Base64(HMAC-SHA256(secret, isoTimestamp + METHOD + path?query + body)),
/// the passphrase in plain text, and `x-simulated-trading: 1` on demo.
public struct OKXSigner: RequestSigner {
    public let venue: Venue
    /// The base URL, resolved once.
    let base: String
    let apiKey: String
    let key: SigningKey
    let passphrase: SecretText

    public init(credentials: Credentials, venue: Venue) throws(SentinelError) {
        guard venue.exchange == .okx else {
            throw SentinelError(.unsupported, Diagnosis(cause: "OKXSigner signs only for OKX venues."))
        }
        guard let passphrase = credentials.passphrase, !passphrase.isEmpty else {
            throw .invalidInput(
                "OKX keys need the passphrase chosen when the key was created.",
                fix: ["Add the passphrase exactly as typed at key creation (case-sensitive)."])
        }
        self.venue = venue
        self.base = OKXEndpoints.restBase(for: venue)
        self.apiKey = credentials.apiKey
        self.key = try SigningKey(credentials)
        self.passphrase = passphrase
    }

    public func sign(_ draft: RequestDraft, timestampMs: Int64) throws(SentinelError) -> SignedRequest {
        try JSONBody.validate(bodyOf: draft, exchange: .okx)
        let timestamp = ISOTimestamp.milliseconds(timestampMs)
        let requestPath = draft.query.isEmpty ? draft.path : draft.path + "?" + draft.query.encoded
        let signature = try key.withSignature(
            forConcatenationOf: (timestamp, draft.method.rawValue, requestPath, draft.body ?? ""), SignatureText.base64)

        // Room for all six at once: a literal of four grew (a second allocation) for the body's Content-Type.
        var headers: [SignedRequest.Header] = []
        headers.reserveCapacity(6)
        headers.append(.init("OK-ACCESS-KEY", apiKey))
        headers.append(.init("OK-ACCESS-SIGN", signature))
        headers.append(.init("OK-ACCESS-TIMESTAMP", timestamp))
        headers.append(.init("OK-ACCESS-PASSPHRASE", passphrase.revealed()))
        if draft.body != nil { headers.append(.init("Content-Type", "application/json")) }
        if venue.environment.kind == .demo { headers.append(.init("x-simulated-trading", "1")) }
        return SignedRequest(
            method: draft.method,
            url: url(base: base, path: draft.path, query: draft.query.encoded),
            headers: headers, body: draft.body)
    }

    /// The WebSocket `login` argument: sign `seconds + "GET/users/self/verify"`.
    public func webSocketLogin(timestampSeconds: Int64) throws(SentinelError) -> [String: String] {
        let timestamp = String(timestampSeconds)
        let signature = SignatureText.base64(try key.signature(for: timestamp + "GET/users/self/verify"))
        return ["apiKey": apiKey, "passphrase": passphrase.revealed(), "timestamp": timestamp, "sign": signature]
    }
}
