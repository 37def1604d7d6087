import SentinelCore

extension VenueClient {
    public func placeOrder(_ request: OrderRequest) async throws(SentinelError) -> Order {
        let market = try await market(request.symbol)
        try await check(request, on: market)
        try await configuration.journal?.commitPending(request, venue: venue, nowMs: configuration.now())
        var machine = placementMachine()
        return try await drive(&machine, machine.start(), request, market: market)
    }

    /// The market's rules, and the price band around the current reference price where the market has one.
    func check(_ request: OrderRequest, on market: Market) async throws(SentinelError) {
        try market.rules.validate(request)
        guard request.type == .limit, market.rules.hasPriceBand else { return }
        let now = configuration.now()
        var reference = session.reference(market.symbol, nowMs: now)
        if reference == nil, let fresh = try? await ticker(market.symbol).reference {
            session.remember(reference: fresh, for: market.symbol, nowMs: now)
            reference = fresh
        }
        guard let reference else { return }
        try market.rules.validate(request, referencePrice: reference)
    }

    func placementMachine(maxSends: Int = 2) -> OrderPlacementStateMachine {
        OrderPlacementStateMachine(
            maxSends: maxSends, lookUpDelaysMs: configuration.lookUpDelaysMs,
            requestValidityMs: connector.requestValidityMs)
    }

    /// Runs the placement state machine from `first`: journal, send, and after an unknown outcome look up by client
    /// id; send again only when the exchange says it has no such order at a server time past the first request's
    /// validity window, so a late arrival of the first request is impossible.
    func drive(
        _ machine: inout OrderPlacementStateMachine, _ first: OrderPlacementStateMachine.Action,
        _ request: OrderRequest, market: Market
    ) async throws(SentinelError) -> Order {
        let journal = configuration.journal
        let id = request.clientOrderID.rawValue
        var action = first
        while true {
            // Consumed, so that the order an action carries is moved out of it instead of copied (the order's
            // strings retained and released once more per order).
            switch consume action {
            case .send:
                var signedAt: Int64?
                do {
                    let order = try await perform(connector.placeOrder(request, market: market)) { signedAt = $0 }
                    action = machine.placed(order)
                } catch {
                    if let signedAt { machine.sent(atServerTimeMs: signedAt) }
                    action = machine.placementFailed(error, mayHaveArrived: Self.mayHaveArrived(error))
                }
            case .lookUp(let delay):
                journal?.enqueue(clientOrderID: id, stage: .ambiguous, nowMs: configuration.now())
                await sleep(milliseconds: delay)
                do {
                    action = machine.found(try await perform(connector.order(.clientOrderID(id), market: market)))
                } catch {
                    if error.kind == .orderNotFound {
                        let clock = session.clock
                        action = machine.notFound(
                            atServerTimeMs: estimatedServerTime(), uncertaintyMs: clock.errorBoundMs)
                    } else {
                        action = machine.lookUpFailed(error)
                    }
                }
            case .succeeded(var order):
                order.symbol = market.symbol
                journal?.enqueue(clientOrderID: id, stage: .acknowledged, order: order, nowMs: configuration.now())
                return order
            case .rejected(let error):
                journal?.enqueue(clientOrderID: id, stage: .rejected, error: error, nowMs: configuration.now())
                throw error
            case .unresolved(let error):
                journal?.enqueue(clientOrderID: id, stage: .ambiguous, error: error, nowMs: configuration.now())
                throw SentinelError(
                    error.kind,
                    Diagnosis(
                        cause: error.diagnosis.cause,
                        evidence: error.diagnosis.evidence + [.init("client order id", id)],
                        fix: error.diagnosis.fix))
            }
        }
    }

    /// Whether a failed placement may nevertheless have reached the matching engine.
    static func mayHaveArrived(_ error: SentinelError) -> Bool {
        error.kind == .ambiguousOutcome || error.kind == .exchangeUnavailable
    }
}
