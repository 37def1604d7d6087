import SentinelCore
import SentinelNet

/// Binance's part of the client: hosts, signing, answers, usage headers and weights.
public struct BinanceConnector: VenueConnector {
    public let venue: Venue
    /// The base URL, resolved once: every request needs it.
    public let host: String
    let signer: BinanceSigner
    let endpoints: BinanceEndpoint.Set
    let recvWindow: Int

    public init(venue: Venue, credentials: Credentials, recvWindow: Int = BinanceEndpoints.defaultRecvWindow)
        throws(SentinelError)
    {
        guard venue.exchange == .binance || venue.exchange == .binanceUS else {
            throw SentinelError(.unsupported, Diagnosis(cause: "The Binance connector serves only Binance and Binance.US."))
        }
        self.venue = venue
        self.host = BinanceEndpoints.restBase(for: venue)
        self.recvWindow = recvWindow
        self.signer = try BinanceSigner(credentials: credentials, venue: venue, recvWindow: recvWindow)
        self.endpoints = venue.product == .spot ? BinanceEndpoint.spot : BinanceEndpoint.usdm
    }

    public var initialPools: [RateLimitPool] { BinanceEndpoints.defaultPools(for: venue) }
    public var requestValidityMs: Int64 { Int64(recvWindow) }
    public var batchLimit: Int? { endpoints.batchOrders == nil ? nil : 5 }

    public func request(_ endpoint: VenueEndpoint, _ payload: VenuePayload, timestampMs: Int64) throws(SentinelError)
        -> SignedRequest
    {
        let query: QueryString
        switch payload {
        case .parameters(let parameters): query = QueryString(parameters)
        case .json:
            throw SentinelError(.unsupported, Diagnosis(cause: "Binance's REST API takes no JSON bodies."))
        }
        let base = endpoint.path.hasPrefix("/sapi/") ? BinanceEndpoints.restBase(for: venue, path: endpoint.path) : host
        guard endpoint.security == .signed else {
            let url = query.isEmpty ? base + endpoint.path : base + endpoint.path + "?" + query.encoded
            return SignedRequest(method: endpoint.method, url: url, headers: [], body: nil)
        }
        // Orders travel as a form body, everything else in the query, as Binance's own examples do.
        let inBody = endpoint.method == .POST || endpoint.method == .PUT
        let draft = RequestDraft(
            connectorWritten: endpoint.method, path: endpoint.path, query: inBody ? .empty : query,
            body: inBody ? query.encoded : nil)
        var request = try signer.sign(draft, timestampMs: timestampMs)
        if base != host { request.url = base + request.url.dropFirst(host.count) }
        return request
    }

    public func failure(in response: HTTPResponse, endpoint: VenueEndpoint, context: ErrorContext) -> SentinelError? {
        guard !(200..<300).contains(response.status) else { return nil }
        if let body = try? WireDecoding.decode(
            BinanceWire.ErrorBody.self, from: response.body, exchange: venue.exchange, endpoint: endpoint.path)
        {
            return BinanceErrors.map(code: body.code, message: body.msg, context: context)
        }
        if response.status == 429 || response.status == 418 {
            return BinanceErrors.map(code: -1003, message: "HTTP \(response.status)", context: context)
        }
        return HTTPFailure.unexpectedStatus(response, endpoint: endpoint, venue: venue, host: host)
    }

    /// `X-MBX-USED-WEIGHT-1M`, `X-MBX-ORDER-COUNT-10S` and friends; 429 and 418 with `Retry-After`.
    public func usage(in response: HTTPResponse, endpoint: VenueEndpoint) -> UsageReport {
        var report = UsageReport()
        // Names compared without lower-casing a copy of each (an allocation per header of every answer).
        let weight = "x-mbx-used-weight-"
        let orders = "x-mbx-order-count-"
        for header in response.headers {
            let meter: RateLimitPool.Meter
            if HeaderName.hasPrefix(header.name, weight) {
                meter = .weight
            } else if HeaderName.hasPrefix(header.name, orders) {
                meter = .orders
            } else {
                continue
            }
            // Both prefixes have the same length: the rest is the window (`1m`, `10s`, `1d`).
            let suffix = Substring(header.name.utf8.dropFirst(weight.utf8.count))
            guard let window = BinanceEndpoints.windowMs(suffix), let used = Int(header.value) else { continue }
            report.observations.append(.init(meter: meter, windowMs: window, used: used))
        }
        guard response.status == 429 || response.status == 418 else { return report }
        let retryAfterMs = response.header("Retry-After").flatMap(Int64.init).map { $0 * 1000 } ?? 60_000
        report.throttle = response.status == 429 ? .rateLimited(retryAfterMs: retryAfterMs) : .banned(forMs: retryAfterMs)
        return report
    }

    public func transportFailure(_ failure: TransportFailure, endpoint: VenueEndpoint) -> SentinelError {
        HTTPFailure.transport(failure, endpoint: endpoint, venue: venue, host: host)
    }

    func decode<T: Decodable>(_ type: T.Type, _ body: [UInt8], _ endpoint: VenueEndpoint) throws(SentinelError) -> T {
        try WireDecoding.decode(type, from: body, exchange: venue.exchange, endpoint: endpoint.path)
    }
}

extension BinanceConnector {
    public init(venue: Venue, credentials: Credentials, configuration: ClientConfiguration) throws(SentinelError) {
        try self.init(venue: venue, credentials: credentials, recvWindow: configuration.recvWindow ?? BinanceEndpoints.defaultRecvWindow)
    }
}
