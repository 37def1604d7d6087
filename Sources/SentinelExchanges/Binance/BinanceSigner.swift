import SentinelCore
import SentinelNet

/// Binance, Binance.US and USDⓈ-M request signing (binance.md §2).
///
/// The signed text is the query string followed directly by the form body, both exactly as sent. `timestamp` and
/// `recvWindow` are appended where the parameters travel (the body when there is one, else the query) unless the
/// caller set them; `signature` is appended last in the same place. HMAC keys sign as lowercase hex; Ed25519 and
/// RSA keys as Base64, percent-encoded.
public struct BinanceSigner: RequestSigner {
    public let venue: Venue
    /// The base URL, resolved once.
    let base: String
    let apiKey: String
    let key: SigningKey
    /// `recvWindow` in ms, or nil to leave it to Binance's default.
    public let recvWindow: Int?

    public init(credentials: Credentials, venue: Venue, recvWindow: Int? = BinanceEndpoints.defaultRecvWindow)
        throws(SentinelError)
    {
        guard venue.exchange == .binance || venue.exchange == .binanceUS else {
            throw SentinelError(.unsupported, Diagnosis(cause: "BinanceSigner signs only for Binance venues."))
        }
        if let recvWindow, recvWindow <= 0 || recvWindow > BinanceEndpoints.maxRecvWindow {
            throw .invalidInput(
                "recvWindow \(recvWindow) is outside 1…\(BinanceEndpoints.maxRecvWindow) ms.",
                fix: ["Use the default 5000 ms; raise it only while fixing a slow connection, never above 60000."])
        }
        self.venue = venue
        self.base = BinanceEndpoints.restBase(for: venue)
        self.apiKey = credentials.apiKey
        self.key = try SigningKey(credentials)
        self.recvWindow = recvWindow
    }

    /// The parameters the signer adds, in the order of `presence(of:)`'s bits.
    private static let addedNames = ["signature", "timestamp", "recvWindow"]

    public func sign(_ draft: RequestDraft, timestampMs: Int64) throws(SentinelError) -> SignedRequest {
        let query = draft.query
        // A connector's own form is already encoded and holds none of the added names.
        let form = try draft.body.map { (body) throws(SentinelError) in
            draft.isConnectorWritten ? QueryString(encoded: body) : try Self.formBody(body)
        }
        let set =
            draft.isConnectorWritten
            ? 0 : query.presence(of: Self.addedNames) | (form?.presence(of: Self.addedNames) ?? 0)
        if set & 1 != 0 {
            throw .invalidInput(
                "The request already has a signature parameter.", fix: ["Leave out `signature`; Sentinel adds it."])
        }
        // The text the parameters travel in (the form when there is one) is written once, into one buffer: the added
        // parameters, then the signature of the query and the form as they stand then.
        var carrier = Array((form ?? query).encoded.utf8)
        carrier.reserveCapacity(carrier.count + 128)
        func appendName(_ name: String) {
            if !carrier.isEmpty { carrier.append(UInt8(ascii: "&")) }
            carrier.append(contentsOf: name.utf8)
            carrier.append(UInt8(ascii: "="))
        }
        func append(_ name: String, _ value: String) {
            appendName(name)
            carrier.append(contentsOf: value.utf8)
        }
        if set & 2 == 0 { append("timestamp", String(timestampMs)) }
        if let recvWindow, set & 4 == 0 { append("recvWindow", String(recvWindow)) }
        let message = form != nil && !query.isEmpty ? Array(query.encoded.utf8) + carrier : carrier
        switch key.keyType {
        case .hmac:
            // The MAC's 32 bytes are kept on the stack: the hex cannot be appended from inside the MAC's closure,
            // where `message` may still be `carrier` itself.
            var mac: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            try withUnsafeMutableBytes(of: &mac) { (out) throws(SentinelError) in
                try key.withSignature(for: message) { mac in
                    precondition(mac.count == out.count, "an HMAC-SHA256 is 32 bytes")
                    out.copyMemory(from: mac)
                }
            }
            appendName("signature")
            withUnsafeBytes(of: &mac) { SignatureText.appendHex($0, to: &carrier) }
        case .ed25519, .rsa:
            let signature = try key.signature(for: message)
            append("signature", QueryString.encodeComponent(SignatureText.base64(signature)))
        }
        let carried = String(decoding: carrier, as: UTF8.self)

        let apiKey = SignedRequest.Header("X-MBX-APIKEY", apiKey)
        let headers = form != nil ? [apiKey, .init("Content-Type", "application/x-www-form-urlencoded")] : [apiKey]
        return SignedRequest(
            method: draft.method, url: url(base: base, path: draft.path, query: form != nil ? query.encoded : carried),
            headers: headers, body: form != nil ? carried : nil)
    }

    /// Signature for the WebSocket API (binance.md §2 vectors 4–5): parameters sorted by name with `apiKey`
    /// included, values as raw UTF-8; hex for HMAC, plain Base64 (no percent-encoding) for Ed25519 and RSA.
    public func webSocketSignature(params: [(name: String, value: String)]) throws(SentinelError) -> String {
        let sorted = params.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
        let payload = sorted.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
        let bytes = try key.signature(for: payload)
        return key.keyType == .hmac ? SignatureText.hex(bytes) : SignatureText.base64(bytes)
    }

    /// Binance bodies are forms (`a=1&b=2`), never JSON.
    static func formBody(_ body: String) throws(SentinelError) -> QueryString {
        let first = body.utf8.first { byte in
            byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r")
        }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            throw .invalidInput(
                "Binance takes request parameters as a form (name=value&name=value), not as JSON.",
                fix: [
                    "Write the body as a form, e.g. symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.001&price=30000.",
                    "Or pass the parameters in the query instead.",
                ])
        }
        return QueryString(body)
    }
}
