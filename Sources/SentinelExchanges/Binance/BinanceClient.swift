import SentinelCore
import SentinelNet

/// The Binance connector: spot (binance.com and Binance.US) or USDⓈ-M, live, testnet or demo, or any custom
/// endpoint that speaks Binance (the local simulator).
public final class BinanceClient: ExchangeClient {
    public let venue: Venue
    let signer: BinanceSigner
    let transport: any HTTPTransport
    let configuration: ClientConfiguration
    let endpoints: BinanceEndpoint.Set
    let session: BinanceSession

    public init(
        venue: Venue, credentials: Credentials, transport: any HTTPTransport = AsyncHTTPTransport(),
        configuration: ClientConfiguration = ClientConfiguration()
    ) throws(SentinelError) {
        guard venue.exchange == .binance || venue.exchange == .binanceUS else {
            throw SentinelError(.unsupported, Diagnosis(cause: "BinanceClient serves only Binance and Binance.US."))
        }
        self.venue = venue
        self.signer = try BinanceSigner(
            credentials: credentials, venue: venue,
            recvWindow: configuration.recvWindow ?? BinanceEndpoints.defaultRecvWindow)
        self.transport = transport
        self.configuration = configuration
        self.endpoints = venue.product == .spot ? BinanceEndpoint.spot : BinanceEndpoint.usdm
        self.session = BinanceSession(pools: BinanceEndpoints.defaultPools(for: venue))
    }

    public var clock: ClockEstimate {
        get async { await session.clock }
    }

    public func dropConnections() async {
        await transport.dropConnections()
    }

    public func shutdown() async {
        await transport.shutdown()
    }

    // MARK: - Requests

    /// Sends one request through the rate limiter, signed with the corrected clock, and returns the 2xx answer.
    /// Reads are retried after network errors and 5xx; a rejected timestamp re-syncs the clock and retries once.
    func perform(_ endpoint: BinanceEndpoint, _ parameters: [(String, String)]) async throws(SentinelError)
        -> HTTPResponse
    {
        var attempt = 0
        var generator = SystemRandomNumberGenerator()
        while true {
            attempt += 1
            try await admit(endpoint)
            let request = try await build(endpoint, parameters)
            let response: HTTPResponse
            do {
                response = try await transport.send(request, timeoutMs: configuration.requestTimeoutMs)
            } catch {
                if endpoint.idempotent, configuration.readRetry.allowsRetry(after: attempt) {
                    await sleep(milliseconds: configuration.readRetry.delayMs(after: attempt, using: &generator))
                    continue
                }
                throw transportError(error, endpoint)
            }
            await observeUsage(response)
            if (200..<300).contains(response.status) {
                // Only a signed request proves the timestamp is accepted again (the clock sync itself is unsigned).
                if endpoint.security == .signed { await session.requestSucceeded() }
                return response
            }
            let error = await self.error(from: response, endpoint)
            if error.kind == .invalidTimestamp, endpoint.security == .signed,
                await session.timestampRejected() == .resyncAndRetry
            {
                _ = try? await synchronizeClock()
                continue
            }
            if error.kind == .exchangeUnavailable, endpoint.idempotent,
                configuration.readRetry.allowsRetry(after: attempt)
            {
                await sleep(milliseconds: configuration.readRetry.delayMs(after: attempt, using: &generator))
                continue
            }
            throw error
        }
    }

    func performDecoding<T: Decodable>(
        _ type: T.Type, _ endpoint: BinanceEndpoint, _ parameters: [(String, String)] = []
    ) async throws(SentinelError) -> T {
        let response = try await perform(endpoint, parameters)
        return try WireDecoding.decode(type, from: response.body, exchange: venue.exchange, endpoint: endpoint.path)
    }

    private func admit(_ endpoint: BinanceEndpoint) async throws(SentinelError) {
        while true {
            let now = configuration.now()
            switch await session.acquire(weight: endpoint.weight, orders: endpoint.orders, nowMs: now) {
            case .proceed:
                return
            case .wait(let until):
                await sleep(milliseconds: until - now)
                if Task.isCancelled {
                    throw SentinelError(
                        .network, Diagnosis(cause: "Cancelled while waiting for the rate limit to allow the request."))
                }
            case .refuse(let until, let reason):
                let seconds = Int((until - now + 999) / 1000)
                throw SentinelError(
                    reason == .banned ? .ipBanned : .rateLimited,
                    Diagnosis(
                        cause: reason == .banned
                            ? "\(venue.exchange.displayName) banned this IP; Sentinel will not send anything until the ban ends."
                            : "Sentinel is holding requests back: \(venue.exchange.displayName)'s rate limit is used up.",
                        evidence: [.init("retry after", "\(seconds) s"), .init("endpoint", endpoint.path)],
                        fix: [
                            "Wait \(seconds) s before trying again.",
                            "If another program uses the same IP or account, it shares this budget.",
                        ]),
                    retryAfterSeconds: seconds)
            }
        }
    }

    private func build(_ endpoint: BinanceEndpoint, _ parameters: [(String, String)]) async throws(SentinelError)
        -> SignedRequest
    {
        let query = QueryString(pairs: parameters.map { (name: $0.0, value: $0.1) })
        let base = BinanceEndpoints.restBase(for: venue, path: endpoint.path)
        guard endpoint.security == .signed else {
            let url = query.isEmpty ? base + endpoint.path : base + endpoint.path + "?" + query.encoded
            return SignedRequest(method: endpoint.method, url: url, headers: [], body: nil)
        }
        // Orders travel as a form body, everything else in the query, as Binance's own examples do.
        let inBody = endpoint.method == .POST || endpoint.method == .PUT
        let draft = RequestDraft(
            method: endpoint.method, path: endpoint.path, query: inBody ? .empty : query,
            body: inBody ? query.encoded : nil)
        let timestamp = configuration.now() + (await session.clock).offsetMs
        var request = try signer.sign(draft, timestampMs: timestamp)
        if base != BinanceEndpoints.restBase(for: venue) {
            request.url = base + request.url.dropFirst(BinanceEndpoints.restBase(for: venue).count)
        }
        return request
    }

    /// Reads `X-MBX-USED-WEIGHT-1M`, `X-MBX-ORDER-COUNT-10S` and friends, and obeys 429 and 418.
    private func observeUsage(_ response: HTTPResponse) async {
        let now = configuration.now()
        for header in response.headers {
            let name = header.name.lowercased()
            let kind: RateLimitPool.Kind
            let suffix: Substring
            if name.hasPrefix("x-mbx-used-weight-") {
                kind = .weight
                suffix = name.dropFirst("x-mbx-used-weight-".count)
            } else if name.hasPrefix("x-mbx-order-count-") {
                kind = .orders
                suffix = name.dropFirst("x-mbx-order-count-".count)
            } else {
                continue
            }
            guard let window = BinanceEndpoints.windowMs(suffix), let used = Int(header.value) else { continue }
            await session.observe(kind: kind, windowMs: window, used: used, nowMs: now)
        }
        let retryAfterMs = response.header("Retry-After").flatMap(Int64.init).map { $0 * 1000 } ?? 60_000
        if response.status == 429 { await session.rateLimited(retryAfterMs: retryAfterMs, nowMs: now) }
        if response.status == 418 { await session.banned(untilMs: now + retryAfterMs) }
    }

    private func error(from response: HTTPResponse, _ endpoint: BinanceEndpoint) async -> SentinelError {
        let clock = await session.clock
        let context = BinanceErrors.Context(
            venue: venue, httpStatus: response.status, path: endpoint.path,
            clock: clock.samples > 0 ? .init(text: clock.summary) : nil,
            retryAfterSeconds: response.header("Retry-After").flatMap(Int.init))
        if let body = try? WireDecoding.decode(
            BinanceWire.ErrorBody.self, from: response.body, exchange: venue.exchange, endpoint: endpoint.path)
        {
            return BinanceErrors.map(code: body.code, message: body.msg, context: context)
        }
        if response.status == 429 || response.status == 418 {
            return BinanceErrors.map(code: -1003, message: "HTTP \(response.status)", context: context)
        }
        let kind: SentinelError.Kind = response.status >= 500 ? .exchangeUnavailable : .badResponse
        return SentinelError(
            kind,
            Diagnosis(
                cause: "\(venue.exchange.displayName) answered \(endpoint.path) with HTTP \(response.status).",
                evidence: [
                    .init("answer starts with", String(response.bodyText.prefix(160))),
                    .init("host", BinanceEndpoints.restBase(for: venue)),
                ],
                fix: response.status == 404
                    ? ["Check the endpoint: this host does not serve \(endpoint.path) (wrong product or exchange?)."]
                    : ["Try again shortly; if it persists, check the exchange's status page."]))
    }

    func transportError(_ failure: TransportFailure, _ endpoint: BinanceEndpoint) -> SentinelError {
        let host = BinanceEndpoints.restBase(for: venue)
        if failure.mayHaveArrived && !endpoint.idempotent {
            return SentinelError(
                .ambiguousOutcome,
                Diagnosis(
                    cause: "No answer from \(venue.exchange.displayName) to \(endpoint.method) \(endpoint.path): "
                        + "the request may or may not have taken effect.",
                    evidence: [.init("host", host), .init("error", failure.detail)],
                    fix: ["Sentinel looks the order up by its client id before anything is sent again."]))
        }
        return SentinelError(
            .network,
            Diagnosis(
                cause: "Could not reach \(venue.exchange.displayName) (\(failure.detail)).",
                evidence: [.init("host", host), .init("endpoint", endpoint.path)],
                fix: [
                    "Check the internet connection and that \(host) is reachable from this computer.",
                    "If you use a custom endpoint, check that it is running (e.g. `sentinel sim`).",
                ]))
    }
}
