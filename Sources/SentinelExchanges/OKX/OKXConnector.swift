import SentinelCore
import SentinelNet

/// OKX's part of the client: one host for live and demo (`x-simulated-trading: 1`), JSON bodies, answers judged by
/// their `code` and each order's `sCode`, limits per endpoint per 2 s.
public struct OKXConnector: VenueConnector {
    public let venue: Venue
    /// The base URL, resolved once: every request needs it.
    public let host: String
    let signer: OKXSigner
    let orderValidityMs: Int

    public init(venue: Venue, credentials: Credentials, orderValidityMs: Int = OKXEndpoints.defaultOrderValidityMs)
        throws(SentinelError)
    {
        guard venue.exchange == .okx else {
            throw SentinelError(.unsupported, Diagnosis(cause: "The OKX connector serves only OKX."))
        }
        self.venue = venue
        self.host = OKXEndpoints.restBase(for: venue)
        self.orderValidityMs = orderValidityMs
        self.signer = try OKXSigner(credentials: credentials, venue: venue)
    }

    public var initialPools: [RateLimitPool] { OKXEndpoint.pools }
    public var requestValidityMs: Int64 { Int64(orderValidityMs) }
    public var batchLimit: Int? { 20 }
    public var cancelListLimit: Int? { 20 }
    public var cancelAnswerIsAcknowledgement: Bool { true }

    var isDemo: Bool { venue.environment.kind == .demo }

    public func request(_ endpoint: VenueEndpoint, _ payload: VenuePayload, timestampMs: Int64) throws(SentinelError)
        -> SignedRequest
    {
        var query = QueryString.empty
        var body: String?
        switch payload {
        case .parameters(let parameters): query = QueryString(parameters)
        case .json(let text): body = text
        }
        guard endpoint.security == .signed else {
            let url = query.isEmpty ? host + endpoint.path : host + endpoint.path + "?" + query.encoded
            return SignedRequest(
                method: endpoint.method, url: url, headers: isDemo ? [.init("x-simulated-trading", "1")] : [], body: nil)
        }
        var request = try signer.sign(
            RequestDraft(connectorWritten: endpoint.method, path: endpoint.path, query: query, body: body), timestampMs: timestampMs)
        // expTime bounds how long OKX may still act on a placement: past it the order is dropped, so an unanswered
        // order that OKX does not know by then can be sent again safely.
        if endpoint == OKXEndpoint.placeOrder || endpoint == OKXEndpoint.batchOrders {
            request.headers.append(.init("expTime", String(timestampMs + requestValidityMs)))
        }
        return request
    }

    public func failure(in response: HTTPResponse, endpoint: VenueEndpoint, context: ErrorContext) -> SentinelError? {
        if (200..<300).contains(response.status), Self.succeeded(response) { return nil }
        guard let envelope = try? WireDecoding.decode(
            OKXWire.Envelope<OKXWire.ItemStatus>.self, from: response.body, exchange: .okx, endpoint: endpoint.path)
        else {
            if (200..<300).contains(response.status) { return nil }
            return HTTPFailure.unexpectedStatus(response, endpoint: endpoint, venue: venue, host: host)
        }
        if envelope.code == "0" { return nil }
        if envelope.code == "1" || envelope.code == "2" {
            if OKXEndpoint.perOrderPaths.contains(endpoint.path) { return nil }
            if let item = envelope.data?.first(where: { ($0.sCode ?? "0") != "0" }), let code = item.sCode {
                return OKXErrors.map(code: code, message: item.sMsg ?? "", context: context)
            }
        }
        return OKXErrors.map(code: envelope.code, message: envelope.msg ?? "", context: context)
    }

    /// OKX sends no usage headers (okx.md §5): only 429 or 50011 say to slow down, for the 2 s window.
    public func usage(in response: HTTPResponse, endpoint: VenueEndpoint) -> UsageReport {
        if response.status == 429 { return UsageReport(throttle: .rateLimited(retryAfterMs: 2_000)) }
        if Self.succeeded(response) { return UsageReport() }
        if let envelope = try? WireDecoding.decode(
            OKXWire.Envelope<OKXWire.ItemStatus>.self, from: response.body, exchange: .okx, endpoint: endpoint.path),
            envelope.code == "50011" || (envelope.data ?? []).contains(where: { $0.sCode == "50011" })
        {
            return UsageReport(throttle: .rateLimited(retryAfterMs: 2_000))
        }
        return UsageReport()
    }

    /// `code` "0": every item succeeded (a batch with a failed item says "1" or "2").
    static func succeeded(_ response: HTTPResponse) -> Bool {
        JSONPeek.topLevelScalar("code", in: response.body) == "0"
    }

    public func transportFailure(_ failure: TransportFailure, endpoint: VenueEndpoint) -> SentinelError {
        HTTPFailure.transport(failure, endpoint: endpoint, venue: venue, host: host)
    }

    /// The `data` of a successful answer. Static: a decoding closure that calls it captures no connector.
    static func data<T: Decodable>(_ type: T.Type, _ body: [UInt8], _ endpoint: VenueEndpoint) throws(SentinelError) -> [T] {
        try WireDecoding.decode(OKXWire.Envelope<T>.self, from: body, exchange: .okx, endpoint: endpoint.path).data ?? []
    }

    /// The first `data` item, or a `badResponse` saying it was missing.
    static func first<T: Decodable>(_ type: T.Type, _ body: [UInt8], _ endpoint: VenueEndpoint) throws(SentinelError) -> T {
        guard let item = try Self.data(type, body, endpoint).first else {
            throw SentinelError(
                .badResponse,
                Diagnosis(
                    cause: "OKX answered \(endpoint.path) with an empty data list.",
                    fix: ["Try again; if it persists, report it with this message."]))
        }
        return item
    }
}

extension OKXConnector {
    public init(venue: Venue, credentials: Credentials, configuration: ClientConfiguration) throws(SentinelError) {
        try self.init(venue: venue, credentials: credentials, orderValidityMs: configuration.recvWindow ?? OKXEndpoints.defaultOrderValidityMs)
    }
}
