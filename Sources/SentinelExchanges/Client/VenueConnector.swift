import SentinelCore
import SentinelNet

/// What one exchange supplies to the shared client: how its requests are signed and addressed, how its answers are
/// judged and decoded, what its endpoints cost and which usage headers it sends. Everything else — admission through
/// the rate limiter, the corrected clock, retries, timestamp recovery, exactly-once placement, the market cache,
/// batches and journal reconciliation — is `VenueClient`'s, written once for every exchange.
public protocol VenueConnector: Sendable {
    /// Made from a venue, a key and the client's settings (its `recvWindow` where the exchange takes one).
    init(venue: Venue, credentials: Credentials, configuration: ClientConfiguration) throws(SentinelError)

    var venue: Venue { get }

    /// The rate-limit pools until the exchange announces its own (Binance's exchangeInfo).
    var initialPools: [RateLimitPool] { get }

    /// How long after its timestamp a signed request can still be accepted by the exchange (Binance and Bybit
    /// `recvWindow`, OKX `expTime`, KuCoin's and Bitget's timestamp windows). An order the exchange does not know
    /// once its server time is past this window can never arrive late, and only then may it be sent again.
    var requestValidityMs: Int64 { get }

    /// The host requests go to, for messages.
    var host: String { get }

    /// The request exactly as it goes on the wire, signed with `timestampMs` (already corrected for clock offset)
    /// when the endpoint is signed.
    func request(_ endpoint: VenueEndpoint, _ payload: VenuePayload, timestampMs: Int64) throws(SentinelError)
        -> SignedRequest

    /// nil when the answer is a success. Otherwise the error it carries — also for exchanges that answer business
    /// errors and even rate limits with HTTP 200 (Bybit, OKX, KuCoin, Bitget).
    func failure(in response: HTTPResponse, endpoint: VenueEndpoint, context: ErrorContext) -> SentinelError?

    /// What the answer says about rate-limit usage: the exchange's usage headers, a 429, a ban.
    func usage(in response: HTTPResponse, endpoint: VenueEndpoint) -> UsageReport

    // MARK: Operations

    func serverTime() -> VenueCall<Int64>
    func markets() -> VenueCall<MarketsAnswer>
    func ticker(_ market: Market) -> VenueCall<Ticker>
    /// The book snapshot with at least `depth` levels a side; nil where the connector does not read books.
    func orderBook(_ market: Market, depth: Int) -> VenueCall<OrderBook>?
    func balances() -> VenueCall<[Balance]>
    /// nil where the product has no positions (spot).
    func positions() -> VenueCall<[Position]>?
    func placeOrder(_ request: OrderRequest, market: Market) -> VenueCall<Order>
    /// The exchange's batch endpoint and its largest batch; nil without one.
    var batchLimit: Int? { get }
    func placeOrders(_ orders: [(request: OrderRequest, market: Market)]) -> VenueCall<[BatchItemResult]>?
    func order(_ reference: OrderReference, market: Market) -> VenueCall<Order>
    func cancelOrder(_ reference: OrderReference, market: Market) -> VenueCall<Order>
    func cancelAllOrders(market: Market) -> VenueCall<Void>
    /// Where the exchange has no cancel-all (OKX): the most orders `cancelOrders` takes in one call; nil = it has one.
    var cancelListLimit: Int? { get }
    /// Cancels these open orders in one call (the exchange's batch cancel), when `cancelListLimit` is set.
    func cancelOrders(_ orders: [Order], market: Market) -> VenueCall<Void>
    /// True where a cancel's answer only acknowledges it (OKX): the client then reads the order back.
    var cancelAnswerIsAcknowledgement: Bool { get }
    func openOrders(market: Market?) -> VenueCall<[Order]>
    /// Throws `unsupported` where the exchange does not report a key's permissions.
    func permissions() throws(SentinelError) -> VenueCall<KeyPermissions>
    /// `market`'s orders (open and finished) created since a time (Unix ms), where the exchange has an order history.
    func recentOrders(market: Market, sinceMs: Int64) -> VenueCall<[Order]>?
    /// The account's withdrawals since a time (Unix ms), where the exchange lists them for this product; nil where not.
    func withdrawals(sinceMs: Int64) -> VenueCall<[Withdrawal]>?
    /// A transport failure in this exchange's words.
    func transportFailure(_ failure: TransportFailure, endpoint: VenueEndpoint) -> SentinelError
}

extension VenueConnector {
    public func orderBook(_ market: Market, depth: Int) -> VenueCall<OrderBook>? { nil }
    public var cancelListLimit: Int? { nil }
    public func withdrawals(sinceMs: Int64) -> VenueCall<[Withdrawal]>? { nil }
    public func recentOrders(market: Market, sinceMs: Int64) -> VenueCall<[Order]>? { nil }
    public var cancelAnswerIsAcknowledgement: Bool { false }
    public func cancelOrders(_ orders: [Order], market: Market) -> VenueCall<Void> { cancelAllOrders(market: market) }
}

/// One order's result inside a batch answer.
public enum BatchItemResult: Sendable {
    case placed(Order)
    case refused(SentinelError)
}

/// What an error mapper knows besides the exchange's code and message.
public struct ErrorContext: Sendable {
    public let venue: Venue
    public let httpStatus: Int
    public let path: String
    /// The clock estimate in force, when one was measured ("+2412 ms (±4 ms, …)").
    public var clockSummary: String? {
        switch clock {
        case .summary(let text): text
        case .estimate(let estimate): estimate.samples > 0 ? estimate.summary : nil
        }
    }
    public var retryAfterSeconds: Int? {
        switch retryAfter {
        case .seconds(let seconds): seconds
        case .response(let response): response.header("Retry-After").flatMap(Int.init)
        }
    }

    /// Read only when an error is described: every answer gets a context, few are failures, and the summary's text
    /// and the header's search cost more than the rest of reading a successful answer.
    private enum Clock: Sendable {
        case summary(String?)
        case estimate(ClockEstimate)
    }

    private enum RetryAfter: Sendable {
        case seconds(Int?)
        case response(HTTPResponse)
    }

    private let clock: Clock
    private let retryAfter: RetryAfter

    public init(venue: Venue, httpStatus: Int, path: String, clockSummary: String?, retryAfterSeconds: Int?) {
        self.venue = venue
        self.httpStatus = httpStatus
        self.path = path
        self.clock = .summary(clockSummary)
        self.retryAfter = .seconds(retryAfterSeconds)
    }

    /// The context of `response`: its status, and its `Retry-After` and the clock's summary when asked for.
    init(venue: Venue, response: HTTPResponse, path: String, clock: ClockEstimate) {
        self.venue = venue
        self.httpStatus = response.status
        self.path = path
        self.clock = .estimate(clock)
        self.retryAfter = .response(response)
    }
}

/// Rate-limit facts read off one answer.
public struct UsageReport: Sendable, Equatable {
    public struct Observation: Sendable, Equatable {
        public let meter: RateLimitPool.Meter
        /// nil: every window of that meter.
        public let windowMs: Int64?
        public let used: Int

        public init(meter: RateLimitPool.Meter, windowMs: Int64?, used: Int) {
            self.meter = meter
            self.windowMs = windowMs
            self.used = used
        }
    }

    public enum Throttle: Sendable, Equatable {
        /// Slow down: nothing may be sent for this long (429, Bybit 10006, OKX 50011, KuCoin 429000).
        case rateLimited(retryAfterMs: Int64)
        /// The IP is banned for this long (Binance 418, Bybit 403).
        case banned(forMs: Int64)
    }

    public var observations: [Observation]
    public var throttle: Throttle?

    public init(observations: [Observation] = [], throttle: Throttle? = nil) {
        self.observations = observations
        self.throttle = throttle
    }

    /// Nothing to count: the exchange sent no usage and no throttle (OKX, Bitget and KuCoin on most answers).
    public var isEmpty: Bool { observations.isEmpty && throttle == nil }
}
