import SentinelCore
import SentinelNet

/// Bitget's part of the client: one host for live and demo (`paptrading: 1`), spot or futures paths by product
/// (futures calls name their `productType`), JSON bodies, answers judged by their `code`, limits per endpoint per
/// second.
public struct BitgetConnector: VenueConnector {
    public let venue: Venue
    /// The base URL, resolved once: every request needs it.
    public let host: String
    let signer: BitgetSigner
    let orderValidityMs: Int
    /// The host's clock, for the time window withdrawal records need.
    let now: @Sendable () -> Int64

    public init(
        venue: Venue, credentials: Credentials, orderValidityMs: Int = BitgetEndpoints.defaultOrderValidityMs,
        now: @escaping @Sendable () -> Int64 = SystemClock.nowMs
    ) throws(SentinelError) {
        guard venue.exchange == .bitget else {
            throw SentinelError(.unsupported, Diagnosis(cause: "The Bitget connector serves only Bitget."))
        }
        guard (1..<60_000).contains(orderValidityMs) else {
            throw .invalidInput(
                "Bitget's receiveWindow must be between 1 and 59999 ms; \(orderValidityMs) was given.",
                fix: ["Use a recvWindow below 60000 ms (5000 is the default)."])
        }
        self.venue = venue
        self.host = BitgetEndpoints.restBase(for: venue)
        self.orderValidityMs = orderValidityMs
        self.now = now
        self.signer = try BitgetSigner(credentials: credentials, venue: venue)
    }

    public var initialPools: [RateLimitPool] { BitgetEndpoint.pools }
    public var requestValidityMs: Int64 { Int64(orderValidityMs) }
    /// 50 orders per batch on spot and futures (bitget.md §4).
    public var batchLimit: Int? { 50 }

    var isDemo: Bool { venue.environment.kind == .demo }
    var isSpot: Bool { venue.product == .spot }
    var productType: String { BitgetEndpoints.productType(venue.product) }

    public func request(_ endpoint: VenueEndpoint, _ payload: VenuePayload, timestampMs: Int64) throws(SentinelError)
        -> SignedRequest
    {
        if endpoint == BitgetEndpoint.spotMarketBuy { throw BitgetOrderMapping.spotMarketBuyRefusal }
        var query = QueryString.empty
        var body: String?
        switch payload {
        case .parameters(let parameters): query = QueryString(parameters)
        case .json(let text): body = text
        }
        guard endpoint.security == .signed else {
            let url = query.isEmpty ? host + endpoint.path : host + endpoint.path + "?" + query.encoded
            return SignedRequest(
                method: endpoint.method, url: url, headers: isDemo ? [.init("paptrading", "1")] : [], body: nil)
        }
        // requestTime + receiveWindow bound how long Bitget may still act on a placement: past it the order is
        // dropped (40078), so an unanswered order Bitget does not know by then can be sent again safely.
        if BitgetEndpoint.placements.contains(endpoint.path), let text = body, text.utf8.last == UInt8(ascii: "}"),
            text.utf8.count > 2
        {
            body = Self.addingValidity(to: text, requestTime: timestampMs, receiveWindow: orderValidityMs)
        }
        return try signer.sign(
            RequestDraft(connectorWritten: endpoint.method, path: endpoint.path, query: query, body: body), timestampMs: timestampMs)
    }

    public func failure(in response: HTTPResponse, endpoint: VenueEndpoint, context: ErrorContext) -> SentinelError? {
        if (200..<300).contains(response.status), JSONPeek.topLevelScalar("code", in: response.body) == "00000" {
            return nil
        }
        guard let head = try? WireDecoding.decode(
            BitgetWire.Head.self, from: response.body, exchange: .bitget, endpoint: endpoint.path)
        else {
            if (200..<300).contains(response.status) { return nil }
            if response.status == 429 { return BitgetErrors.map(code: "429", message: "Too Many Requests", context: context) }
            return HTTPFailure.unexpectedStatus(response, endpoint: endpoint, venue: venue, host: host)
        }
        if head.code == "00000" {
            return (200..<300).contains(response.status)
                ? nil : HTTPFailure.unexpectedStatus(response, endpoint: endpoint, venue: venue, host: host)
        }
        // An unknown path (a wrong host or base URL) gets the shared wrong-host guidance.
        if head.code == "40404", response.status == 404 {
            return HTTPFailure.unexpectedStatus(response, endpoint: endpoint, venue: venue, host: host)
        }
        return BitgetErrors.map(code: head.code, message: head.msg ?? "", context: context)
    }

    /// Bitget's `x-mbx-used-remain-limit` has no documented format (bitget.md §5): only a 429 says to slow down, for
    /// the one-second window.
    public func usage(in response: HTTPResponse, endpoint: VenueEndpoint) -> UsageReport {
        response.status == 429 ? UsageReport(throttle: .rateLimited(retryAfterMs: 1_000)) : UsageReport()
    }

    public func transportFailure(_ failure: TransportFailure, endpoint: VenueEndpoint) -> SentinelError {
        HTTPFailure.transport(failure, endpoint: endpoint, venue: venue, host: host)
    }

    /// The `data` of a successful answer, or a `badResponse` saying it was missing.
    /// Static: a decoding closure that calls it captures no connector.
    static func data<T: Decodable>(_ type: T.Type, _ body: [UInt8], _ endpoint: VenueEndpoint) throws(SentinelError) -> T {
        guard let data = try WireDecoding.decode(
            BitgetWire.Envelope<T>.self, from: body, exchange: .bitget, endpoint: endpoint.path).data
        else {
            throw SentinelError(
                .badResponse,
                Diagnosis(
                    cause: "Bitget answered \(endpoint.path) without data.",
                    fix: ["Try again; if it persists, report it with this message."]))
        }
        return data
    }

    func context(_ endpoint: VenueEndpoint) -> ErrorContext {
        ErrorContext(venue: venue, httpStatus: 200, path: endpoint.path, clockSummary: nil, retryAfterSeconds: nil)
    }
}

extension BitgetConnector {
    public init(venue: Venue, credentials: Credentials, configuration: ClientConfiguration) throws(SentinelError) {
        try self.init(
            venue: venue, credentials: credentials,
            orderValidityMs: configuration.recvWindow ?? BitgetEndpoints.defaultOrderValidityMs, now: configuration.now)
    }
}

extension BitgetConnector {
    /// `body` (a JSON object) with `requestTime` and `receiveWindow` added before its closing brace, written over the
    /// bytes into one new string: `}` is ASCII, and Character-level `dropLast` and `+` walked grapheme clusters and
    /// allocated per piece. The added values are digits: nothing needs escaping.
    static func addingValidity(to body: String, requestTime: Int64, receiveWindow: Int) -> String {
        var body = body
        var time = String(requestTime)
        var window = String(receiveWindow)
        let requestTimeName: StaticString = #","requestTime":""#
        let receiveWindowName: StaticString = #"","receiveWindow":""#
        let end: StaticString = #""}"#
        return body.withUTF8 { head in
            precondition(head.last == UInt8(ascii: "}"), "the body is a JSON object")
            return time.withUTF8 { time in
                window.withUTF8 { window in
                    let pieces = [
                        UnsafeBufferPointer(rebasing: head[..<(head.count - 1)]),
                        UnsafeBufferPointer(start: requestTimeName.utf8Start, count: requestTimeName.utf8CodeUnitCount),
                        time,
                        UnsafeBufferPointer(start: receiveWindowName.utf8Start, count: receiveWindowName.utf8CodeUnitCount),
                        window,
                        UnsafeBufferPointer(start: end.utf8Start, count: end.utf8CodeUnitCount),
                    ]
                    return String(unsafeUninitializedCapacity: pieces.reduce(0) { $0 + $1.count }) { out in
                        var count = 0
                        for piece in pieces where !piece.isEmpty {
                            (out.baseAddress! + count).initialize(from: piece.baseAddress!, count: piece.count)
                            count += piece.count
                        }
                        return count
                    }
                }
            }
        }
    }
}
