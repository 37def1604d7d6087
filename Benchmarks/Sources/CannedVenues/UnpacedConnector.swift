import Sentinel
import SentinelNet

/// An exchange's own connector with its rate-limit pools raised out of reach: the client still books every request
/// against the same pools (that work is part of the overhead measured), but never waits, as against the simulator's
/// `--no-rate-limits`. Without it the client would pace a loop of thousands of orders to the exchange's real order
/// limits (Binance's 50 per 10 s, taken from the recorded exchangeInfo), which is right for an exchange and wrong
/// for a measurement of the client's own cost. Everything else is the base connector's.
public struct Unpaced<Base: VenueConnector>: VenueConnector {
    public static var unreachable: Int { 1_000_000_000 }
    public let base: Base

    public init(venue: Venue, credentials: Credentials, configuration: ClientConfiguration) throws(SentinelError) {
        base = try Base(venue: venue, credentials: credentials, configuration: configuration)
    }

    public static func raised(_ pools: [RateLimitPool]) -> [RateLimitPool] {
        pools.map { RateLimitPool(kind: $0.kind, scope: $0.scope, windowMs: $0.windowMs, limit: unreachable) }
    }

    public var venue: Venue { base.venue }
    public var initialPools: [RateLimitPool] { Self.raised(base.initialPools) }
    public var requestValidityMs: Int64 { base.requestValidityMs }
    public var host: String { base.host }

    public func request(_ endpoint: VenueEndpoint, _ payload: VenuePayload, timestampMs: Int64) throws(SentinelError)
        -> SignedRequest
    { try base.request(endpoint, payload, timestampMs: timestampMs) }

    public func failure(in response: HTTPResponse, endpoint: VenueEndpoint, context: ErrorContext) -> SentinelError? {
        base.failure(in: response, endpoint: endpoint, context: context)
    }

    public func usage(in response: HTTPResponse, endpoint: VenueEndpoint) -> UsageReport {
        base.usage(in: response, endpoint: endpoint)
    }

    public func serverTime() -> VenueCall<Int64> { base.serverTime() }

    public func markets() -> VenueCall<MarketsAnswer> {
        let call = base.markets()
        return VenueCall(call.endpoint, call.payload, instrument: call.instrument) { body, directory throws(SentinelError) in
            let answer = try call.decode(body, directory)
            return MarketsAnswer(markets: answer.markets, pools: Self.raised(answer.pools))
        }
    }

    public func ticker(_ market: Market) -> VenueCall<Ticker> { base.ticker(market) }
    public func orderBook(_ market: Market, depth: Int) -> VenueCall<OrderBook>? { base.orderBook(market, depth: depth) }
    public func balances() -> VenueCall<[Balance]> { base.balances() }
    public func positions() -> VenueCall<[Position]>? { base.positions() }
    public func placeOrder(_ request: OrderRequest, market: Market) -> VenueCall<Order> { base.placeOrder(request, market: market) }
    public var batchLimit: Int? { base.batchLimit }
    public func placeOrders(_ orders: [(request: OrderRequest, market: Market)]) -> VenueCall<[BatchItemResult]>? {
        base.placeOrders(orders)
    }
    public func order(_ reference: OrderReference, market: Market) -> VenueCall<Order> { base.order(reference, market: market) }
    public func cancelOrder(_ reference: OrderReference, market: Market) -> VenueCall<Order> {
        base.cancelOrder(reference, market: market)
    }
    public func cancelAllOrders(market: Market) -> VenueCall<Void> { base.cancelAllOrders(market: market) }
    public var cancelListLimit: Int? { base.cancelListLimit }
    public func cancelOrders(_ orders: [Order], market: Market) -> VenueCall<Void> { base.cancelOrders(orders, market: market) }
    public var cancelAnswerIsAcknowledgement: Bool { base.cancelAnswerIsAcknowledgement }
    public func openOrders(market: Market?) -> VenueCall<[Order]> { base.openOrders(market: market) }
    public func permissions() throws(SentinelError) -> VenueCall<KeyPermissions> { try base.permissions() }
    public func recentOrders(market: Market, sinceMs: Int64) -> VenueCall<[Order]>? {
        base.recentOrders(market: market, sinceMs: sinceMs)
    }
    public func withdrawals(sinceMs: Int64) -> VenueCall<[Withdrawal]>? { base.withdrawals(sinceMs: sinceMs) }
    public func transportFailure(_ failure: TransportFailure, endpoint: VenueEndpoint) -> SentinelError {
        base.transportFailure(failure, endpoint: endpoint)
    }
}

/// A client of `exchange` whose connector is `Unpaced`.
public func unpacedClient(
    _ exchange: ExchangeID, venue: Venue, credentials: Credentials, transport: any HTTPTransport
) throws(SentinelError) -> any ExchangeClient {
    switch exchange {
    case .binance, .binanceUS: try VenueClient<Unpaced<BinanceConnector>>(venue: venue, credentials: credentials, transport: transport)
    case .bybit: try VenueClient<Unpaced<BybitConnector>>(venue: venue, credentials: credentials, transport: transport)
    case .okx: try VenueClient<Unpaced<OKXConnector>>(venue: venue, credentials: credentials, transport: transport)
    case .kucoin: try VenueClient<Unpaced<KuCoinConnector>>(venue: venue, credentials: credentials, transport: transport)
    case .bitget: try VenueClient<Unpaced<BitgetConnector>>(venue: venue, credentials: credentials, transport: transport)
    }
}
