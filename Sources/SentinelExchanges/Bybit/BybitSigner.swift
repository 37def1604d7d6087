import SentinelCore
import SentinelNet

/// Bybit V5 request signing (bybit.md §2): `timestamp + apiKey + recvWindow + payload`, where the payload is the
/// query string as sent for GET and the raw JSON body otherwise. HMAC as lowercase hex, RSA as Base64.
public struct BybitSigner: RequestSigner {
    public let venue: Venue
    /// The base URL, resolved once.
    let base: String
    let apiKey: String
    let key: SigningKey
    public let recvWindow: Int

    public init(credentials: Credentials, venue: Venue, recvWindow: Int = BybitEndpoints.defaultRecvWindow)
        throws(SentinelError)
    {
        guard venue.exchange == .bybit else {
            throw SentinelError(.unsupported, Diagnosis(cause: "BybitSigner signs only for Bybit venues."))
        }
        guard recvWindow > 0 else {
            throw .invalidInput("recvWindow must be positive.", fix: ["Use the default 5000 ms."])
        }
        self.venue = venue
        self.base = BybitEndpoints.restBase(for: venue)
        self.apiKey = credentials.apiKey
        self.key = try SigningKey(credentials)
        self.recvWindow = recvWindow
    }

    public func sign(_ draft: RequestDraft, timestampMs: Int64) throws(SentinelError) -> SignedRequest {
        let usesBody = draft.method != .GET
        if draft.body != nil, !usesBody {
            throw .invalidInput("Bybit GET requests carry no body.", fix: ["Pass the parameters with --query instead."])
        }
        try JSONBody.validate(bodyOf: draft, exchange: .bybit)
        let payload = usesBody ? (draft.body ?? "") : draft.query.encoded
        let timestamp = String(timestampMs)
        let hex = key.keyType == .hmac
        let signature = try key.withSignature(forConcatenationOf: (timestamp, apiKey, String(recvWindow), payload)) {
            hex ? SignatureText.hex($0) : SignatureText.base64($0)
        }

        // Room for all six at once: a literal of five grew (a second allocation) for the body's Content-Type.
        var headers: [SignedRequest.Header] = []
        headers.reserveCapacity(6)
        headers.append(.init("X-BAPI-API-KEY", apiKey))
        headers.append(.init("X-BAPI-TIMESTAMP", timestamp))
        headers.append(.init("X-BAPI-RECV-WINDOW", String(recvWindow)))
        headers.append(.init("X-BAPI-SIGN", signature))
        headers.append(.init("X-BAPI-SIGN-TYPE", "2"))
        if usesBody { headers.append(.init("Content-Type", "application/json")) }
        return SignedRequest(
            method: draft.method,
            url: url(base: base, path: draft.path, query: draft.query.encoded),
            headers: headers, body: draft.body)
    }

    /// The private WebSocket `auth` arguments: `[apiKey, expires, signature]`, signing `GET/realtime` + expires.
    public func webSocketAuth(expiresMs: Int64) throws(SentinelError) -> [String] {
        let bytes = try key.signature(for: "GET/realtime" + String(expiresMs))
        let signature = key.keyType == .hmac ? SignatureText.hex(bytes) : SignatureText.base64(bytes)
        return [apiKey, String(expiresMs), signature]
    }
}
