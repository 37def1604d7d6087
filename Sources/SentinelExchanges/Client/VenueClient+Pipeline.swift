import SentinelCore
import SentinelNet

extension VenueClient {
    /// Sends `call` and decodes its answer. A 2xx answer to a request that changes something (an order) whose body
    /// cannot be read is not a refusal: the request arrived and may have taken effect, so it is ambiguous.
    func perform<Output>(_ call: VenueCall<Output>, signedAt: (Int64) -> Void = { _ in }) async throws(SentinelError)
        -> Output
    {
        let response = try await send(call.endpoint, call.payload, instrument: call.instrument, signedAt: signedAt)
        let directory = session.directory
        do {
            return try call.decode(response.body, directory)
        } catch {
            guard !call.endpoint.idempotent else { throw error }
            throw SentinelError(
                .ambiguousOutcome,
                Diagnosis(
                    cause: "\(venue.exchange.displayName) accepted \(call.endpoint) (HTTP \(response.status)) but its "
                        + "answer could not be read: the request may have taken effect.",
                    evidence: error.diagnosis.evidence,
                    fix: ["Sentinel looks the order up by its client id before anything is sent again."]))
        }
    }

    /// Sends one request through the rate limiter, signed with the corrected clock, and returns the successful
    /// answer. Reads are retried after network errors and 5xx; a rejected timestamp re-syncs the clock and retries
    /// once.
    func send(
        _ endpoint: VenueEndpoint, _ payload: VenuePayload, instrument: String?, signedAt: (Int64) -> Void = { _ in }
    ) async throws(SentinelError) -> HTTPResponse {
        if configuration.publicDataOnly, endpoint.security == .signed {
            throw .invalidInput(
                "This needs an API key: \(venue.exchange.displayName) answers \(endpoint.path) only to signed requests.",
                fix: ["Give a key: --key NAME (see `sentinel vault list`), or --credentials FILE with --exchange."])
        }
        var attempt = 0
        var generator = SystemRandomNumberGenerator()
        while true {
            attempt += 1
            let now = configuration.now()
            let decision = session.acquire(costs: endpoint.costs, instrument: instrument, nowMs: now)
            var sendAt = now
            if decision != .proceed {
                try await admit(endpoint, instrument: instrument, first: decision, at: now)
                sendAt = configuration.now()
            }
            let timestamp = estimatedServerTime(at: sendAt)
            let request = try connector.request(endpoint, payload, timestampMs: timestamp)
            if endpoint.security == .signed { signedAt(timestamp) }
            let response: HTTPResponse
            do {
                response = try await transport.send(request, timeoutMs: configuration.requestTimeoutMs)
            } catch {
                if endpoint.idempotent, configuration.readRetry.allowsRetry(after: attempt) {
                    await sleep(milliseconds: configuration.readRetry.delayMs(after: attempt, using: &generator))
                    continue
                }
                throw connector.transportFailure(error, endpoint: endpoint)
            }
            let usage = connector.usage(in: response, endpoint: endpoint)
            if !usage.isEmpty { session.apply(usage, instrument: instrument, nowMs: configuration.now()) }
            let context = ErrorContext(venue: venue, response: response, path: endpoint.path, clock: session.clock)
            guard let error = connector.failure(in: response, endpoint: endpoint, context: context) else {
                // Only a signed request proves the timestamp is accepted again (the clock sync itself is unsigned).
                if endpoint.security == .signed { session.requestSucceeded() }
                return response
            }
            if error.kind == .invalidTimestamp, endpoint.security == .signed,
                session.timestampRejected() == .resyncAndRetry
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

    /// Waits until the rate limiter lets the request through, from its `first` answer at `now`.
    private func admit(
        _ endpoint: VenueEndpoint, instrument: String?, first: RateLimiterStateMachine.Decision, at now: Int64
    ) async throws(SentinelError) {
        var decision = first
        var now = now
        while true {
            switch decision {
            case .proceed:
                return
            case .wait(let until):
                await sleep(milliseconds: until - now)
                if Task.isCancelled {
                    throw SentinelError(
                        .network, Diagnosis(cause: "Cancelled while waiting for the rate limit to allow the request."))
                }
            case .refuse(let until, let reason):
                throw Self.heldBack(until: until, now: now, reason: reason, venue: venue, endpoint: endpoint)
            }
            now = configuration.now()
            decision = session.acquire(costs: endpoint.costs, instrument: instrument, nowMs: now)
        }
    }

    static func heldBack(
        until: Int64, now: Int64, reason: RateLimiterStateMachine.Reason, venue: Venue, endpoint: VenueEndpoint
    ) -> SentinelError {
        let seconds = Int((until - now + 999) / 1000)
        let name = venue.exchange.displayName
        return SentinelError(
            reason == .banned ? .ipBanned : .rateLimited,
            Diagnosis(
                cause: reason == .banned
                    ? "\(name) banned this IP; Sentinel will not send anything until the ban ends."
                    : "Sentinel is holding requests back: \(name)'s rate limit is used up.",
                evidence: [.init("retry after", "\(seconds) s"), .init("endpoint", endpoint.path)],
                fix: [
                    "Wait \(seconds) s before trying again.",
                    "If another program uses the same IP or account, it shares this budget.",
                ]),
            retryAfterSeconds: seconds)
    }
}
