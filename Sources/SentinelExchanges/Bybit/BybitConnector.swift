import SentinelCore
import SentinelNet

/// Bybit V5's part of the client: one host per environment for every product, `category` per request, JSON
/// bodies, the `retCode` envelope and the `X-Bapi-Limit*` usage headers.
public struct BybitConnector: VenueConnector {
    public let venue: Venue
    /// The base URL, resolved once: every request needs it.
    public let host: String
    let signer: BybitSigner
    let recvWindow: Int
    /// The host's clock, for the time windows Bybit caps (withdrawal records).
    let now: @Sendable () -> Int64

    public init(
        venue: Venue, credentials: Credentials, recvWindow: Int = BybitEndpoints.defaultRecvWindow,
        now: @escaping @Sendable () -> Int64 = SystemClock.nowMs
    ) throws(SentinelError) {
        guard venue.exchange == .bybit else {
            throw SentinelError(.unsupported, Diagnosis(cause: "The Bybit connector serves only Bybit."))
        }
        self.venue = venue
        self.host = BybitEndpoints.restBase(for: venue)
        self.recvWindow = recvWindow
        self.now = now
        self.signer = try BybitSigner(credentials: credentials, venue: venue, recvWindow: recvWindow)
    }

    var category: String { BybitEndpoints.category(venue.product) }

    public var initialPools: [RateLimitPool] { BybitEndpoints.defaultPools(for: venue.product) }
    public var requestValidityMs: Int64 { Int64(recvWindow) }
    /// Batch orders: 10 on spot, 20 on derivatives (bybit.md §4).
    public var batchLimit: Int? { venue.product == .spot ? 10 : 20 }

    public func request(_ endpoint: VenueEndpoint, _ payload: VenuePayload, timestampMs: Int64) throws(SentinelError)
        -> SignedRequest
    {
        var query = QueryString.empty
        var body: String?
        switch (payload, endpoint.method) {
        case (.parameters(let parameters), .GET):
            query = QueryString(parameters)
        case (.parameters(let parameters), _):
            body = OrderedJSON.object(parameters.map { ($0.name, .string($0.value)) }).rendered
        case (.json, .GET):
            throw .invalidInput("Bybit GET requests carry no body.", fix: ["Send the parameters in the query."])
        case (.json(let text), _):
            body = text
        }
        guard endpoint.security == .signed else {
            let url = query.isEmpty ? host + endpoint.path : host + endpoint.path + "?" + query.encoded
            return SignedRequest(method: endpoint.method, url: url, headers: [], body: body)
        }
        return try signer.sign(
            RequestDraft(connectorWritten: endpoint.method, path: endpoint.path, query: query, body: body), timestampMs: timestampMs)
    }

    public func failure(in response: HTTPResponse, endpoint: VenueEndpoint, context: ErrorContext) -> SentinelError? {
        if (200..<300).contains(response.status), Self.succeeded(response) { return nil }
        if let head = try? WireDecoding.decode(
            BybitWire.Head.self, from: response.body, exchange: .bybit, endpoint: endpoint.path)
        {
            guard head.retCode.value != 0 else {
                return (200..<300).contains(response.status)
                    ? nil : HTTPFailure.unexpectedStatus(response, endpoint: endpoint, venue: venue, host: host)
            }
            return BybitErrors.map(code: Int(head.retCode.value), message: head.retMsg ?? "", context: context)
        }
        guard !(200..<300).contains(response.status) else { return nil }
        if response.status == 403 || response.status == 429 {
            return BybitErrors.map(code: 0, message: "HTTP \(response.status)", context: context)
        }
        return HTTPFailure.unexpectedStatus(response, endpoint: endpoint, venue: venue, host: host)
    }

    /// `X-Bapi-Limit` and `X-Bapi-Limit-Status` (remaining) per endpoint; 10006 waits until
    /// `X-Bapi-Limit-Reset-Timestamp`; HTTP 403 is the IP ban of at least 10 minutes.
    public func usage(in response: HTTPResponse, endpoint: VenueEndpoint) -> UsageReport {
        var report = UsageReport()
        if let limit = response.header("X-Bapi-Limit").flatMap(Int.init),
            let remaining = response.header("X-Bapi-Limit-Status").flatMap(Int.init)
        {
            report.observations.append(
                .init(meter: .endpoint(endpoint.path), windowMs: 1_000, used: max(0, limit - remaining)))
        }
        if response.status == 403 { report.throttle = .banned(forMs: 600_000) }
        if !Self.succeeded(response), let head = try? WireDecoding.decode(
            BybitWire.Head.self, from: response.body, exchange: .bybit, endpoint: endpoint.path),
            head.retCode.value == 10006
        {
            let reset = response.header("X-Bapi-Limit-Reset-Timestamp").flatMap(Int64.init)
            let wait = reset.flatMap { reset in head.time.map { reset - $0.value } } ?? 1_000
            report.throttle = .rateLimited(retryAfterMs: min(max(wait, 100), 60_000))
        }
        return report
    }

    /// `retCode` 0, as a number or a string.
    static func succeeded(_ response: HTTPResponse) -> Bool {
        JSONPeek.topLevelScalar("retCode", in: response.body) == "0"
    }

    public func transportFailure(_ failure: TransportFailure, endpoint: VenueEndpoint) -> SentinelError {
        HTTPFailure.transport(failure, endpoint: endpoint, venue: venue, host: host)
    }

    /// The `result` of a successful answer.
    /// Static: a decoding closure that calls it captures no connector.
    static func result<T: Decodable>(_ type: T.Type, _ body: [UInt8], _ endpoint: VenueEndpoint) throws(SentinelError) -> T {
        try WireDecoding.decode(BybitWire.Envelope<T>.self, from: body, exchange: .bybit, endpoint: endpoint.path).result
    }
}

extension BybitConnector {
    public init(venue: Venue, credentials: Credentials, configuration: ClientConfiguration) throws(SentinelError) {
        try self.init(
            venue: venue, credentials: credentials,
            recvWindow: configuration.recvWindow ?? BybitEndpoints.defaultRecvWindow, now: configuration.now)
    }
}
