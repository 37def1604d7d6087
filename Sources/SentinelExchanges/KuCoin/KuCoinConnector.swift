import Foundation
import SentinelCore
import SentinelNet

/// KuCoin's part of the client: the spot host or the futures host (each product its own host and pools), JSON
/// bodies, answers judged by their `code` (business errors come with HTTP 200), the `gw-ratelimit-*` headers.
public struct KuCoinConnector: VenueConnector {
    public let venue: Venue
    /// The base URL, resolved once: every request needs it.
    public let host: String
    let signer: KuCoinSigner
    /// Signs for the host that serves the key-info endpoint: the spot host (kucoin.md §4), or the custom endpoint.
    let keyInfoSigner: KuCoinSigner
    let validityMs: Int

    public init(venue: Venue, credentials: Credentials, validityMs: Int = KuCoinEndpoints.timestampWindowMs)
        throws(SentinelError)
    {
        guard venue.exchange == .kucoin else {
            throw SentinelError(.unsupported, Diagnosis(cause: "The KuCoin connector serves only KuCoin."))
        }
        guard venue.product != .inverse else {
            throw SentinelError(
                .unsupported,
                Diagnosis(
                    cause: "Sentinel does not trade KuCoin's inverse contracts (XBTUSDM, sized in USD) yet.",
                    fix: [
                        "Use --product linear for the USDT-margined contracts (XBTUSDTM is BTC/USDT:USDT), or --product spot."
                    ]))
        }
        self.venue = venue
        self.host = KuCoinEndpoints.restBase(for: venue)
        // KuCoin takes a signed request for 5 s whatever the client wishes: a shorter window would let the client
        // send again while the first order can still arrive.
        self.validityMs = max(validityMs, KuCoinEndpoints.timestampWindowMs)
        self.signer = try KuCoinSigner(credentials: credentials, venue: venue)
        let keyInfoVenue =
            venue.environment.customEndpoint == nil && venue.product != .spot
            ? ((try? Venue(.kucoin, .spot, venue.environment)) ?? venue) : venue
        self.keyInfoSigner = try KuCoinSigner(credentials: credentials, venue: keyInfoVenue)
    }

    var isFutures: Bool { venue.product != .spot }

    public var initialPools: [RateLimitPool] { KuCoinEndpoint.pools }
    public var requestValidityMs: Int64 { Int64(validityMs) }
    /// Spot HF batches take 5 limit orders, futures batches 20 (kucoin.md §4).
    public var batchLimit: Int? { isFutures ? 20 : 5 }
    /// Cancels answer with ids only; the order is read back.
    public var cancelAnswerIsAcknowledgement: Bool { true }

    public func request(_ endpoint: VenueEndpoint, _ payload: VenuePayload, timestampMs: Int64) throws(SentinelError)
        -> SignedRequest
    {
        var query = QueryString.empty
        var body: String?
        switch (payload, endpoint.method) {
        case (.parameters(let parameters), .POST):
            body = OrderedJSON.object(parameters.map { ($0.name, .string($0.value)) }).rendered
        case (.parameters(let parameters), _):
            query = QueryString(parameters)
        case (.json(let text), .POST):
            body = text
        case (.json, _):
            throw .invalidInput("KuCoin GET and DELETE requests carry no body.", fix: ["Send the parameters in the query."])
        }
        guard endpoint.security == .signed else {
            let url = query.isEmpty ? host + endpoint.path : host + endpoint.path + "?" + query.encoded
            return SignedRequest(method: endpoint.method, url: url, headers: [], body: nil)
        }
        let draft = RequestDraft(connectorWritten: endpoint.method, path: endpoint.path, query: query, body: body)
        return try (endpoint == KuCoinEndpoint.keyInfo ? keyInfoSigner : signer).sign(draft, timestampMs: timestampMs)
    }

    public func failure(in response: HTTPResponse, endpoint: VenueEndpoint, context: ErrorContext) -> SentinelError? {
        if (200..<300).contains(response.status), Self.succeeded(response) { return nil }
        guard let head = try? WireDecoding.decode(
            KuCoinWire.Head.self, from: response.body, exchange: .kucoin, endpoint: endpoint.path)
        else {
            if (200..<300).contains(response.status) { return nil }
            return HTTPFailure.unexpectedStatus(response, endpoint: endpoint, venue: venue, host: host)
        }
        if head.code == "200000", (200..<300).contains(response.status) { return nil }
        return KuCoinErrors.map(code: head.code, message: head.msg ?? "", context: context)
    }

    /// `gw-ratelimit-limit`/`-remaining` for the endpoint's pool; `gw-ratelimit-reset` (ms until the pool resets)
    /// says how long to wait after a 429 `429000`.
    public func usage(in response: HTTPResponse, endpoint: VenueEndpoint) -> UsageReport {
        var report = UsageReport()
        if let pool = KuCoinEndpoint.pool(of: endpoint),
            let limit = response.header("gw-ratelimit-limit").flatMap(Int.init),
            let remaining = response.header("gw-ratelimit-remaining").flatMap(Int.init)
        {
            report.observations.append(.init(meter: pool, windowMs: 30_000, used: max(0, limit - remaining)))
        }
        var limited = response.status == 429
        if !limited, !Self.succeeded(response), let head = try? WireDecoding.decode(
            KuCoinWire.Head.self, from: response.body, exchange: .kucoin, endpoint: endpoint.path)
        {
            limited = head.code == "429000"
        }
        if limited {
            let reset = response.header("gw-ratelimit-reset").flatMap(Int64.init) ?? 30_000
            report.throttle = .rateLimited(retryAfterMs: min(max(reset, 100), 30_000))
        }
        return report
    }

    /// `code` "200000".
    static func succeeded(_ response: HTTPResponse) -> Bool {
        JSONPeek.topLevelScalar("code", in: response.body) == "200000"
    }

    public func transportFailure(_ failure: TransportFailure, endpoint: VenueEndpoint) -> SentinelError {
        HTTPFailure.transport(failure, endpoint: endpoint, venue: venue, host: host)
    }

    /// The `data` of a successful answer, or a `badResponse` saying it was missing.
    /// Static: a decoding closure that calls it captures no connector.
    static func data<T: Decodable>(_ type: T.Type, _ body: [UInt8], _ endpoint: VenueEndpoint) throws(SentinelError) -> T {
        guard let data = try WireDecoding.decode(
            KuCoinWire.Envelope<T>.self, from: body, exchange: .kucoin, endpoint: endpoint.path).data
        else {
            throw SentinelError(
                .badResponse,
                Diagnosis(
                    cause: "KuCoin answered \(endpoint.path) without data.",
                    fix: ["Try again; if it persists, report it with this message."]))
        }
        return data
    }

    /// A path segment from an id a person may have typed: percent-encoded so it stays one segment.
    static func segment(_ text: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension KuCoinConnector {
    public init(venue: Venue, credentials: Credentials, configuration: ClientConfiguration) throws(SentinelError) {
        try self.init(
            venue: venue, credentials: credentials,
            validityMs: configuration.recvWindow ?? KuCoinEndpoints.timestampWindowMs)
    }
}
