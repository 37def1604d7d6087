import SentinelCore

extension VenueClient {
    /// Places several orders, in the exchange's batch requests where it has them. Each order is checked and
    /// journalled first; orders failing a check are answered without being sent. If a batch's outcome is unknown,
    /// each of its orders is resolved on its own by client id, under the same exactly-once rule as single orders.
    public func placeOrders(_ requests: [OrderRequest]) async throws(SentinelError) -> [Result<Order, SentinelError>] {
        guard let limit = connector.batchLimit, limit > 1 else {
            var results: [Result<Order, SentinelError>] = []
            for request in requests {
                do { results.append(.success(try await placeOrder(request))) } catch { results.append(.failure(error)) }
            }
            return results
        }
        var results: [Result<Order, SentinelError>] = []
        var start = 0
        while start < requests.count {
            let end = min(start + limit, requests.count)
            results += await placeBatch(Array(requests[start..<end]))
            start = end
        }
        return results
    }

    private func placeBatch(_ requests: [OrderRequest]) async -> [Result<Order, SentinelError>] {
        var results = [Result<Order, SentinelError>?](repeating: nil, count: requests.count)
        var toSend: [(index: Int, request: OrderRequest, market: Market)] = []
        for (index, request) in requests.enumerated() {
            do {
                let market = try await market(request.symbol)
                try await check(request, on: market)
                toSend.append((index, request, market))
            } catch {
                results[index] = .failure(error)
            }
        }
        // The whole batch is journalled in one transaction: one flush to the disk, not one per order.
        if let journal = configuration.journal, !toSend.isEmpty {
            do {
                let refusals = try await journal.commitPending(toSend.map(\.request), venue: venue, nowMs: configuration.now())
                for (sent, refusal) in zip(toSend, refusals) {
                    if let refusal { results[sent.index] = .failure(refusal) }
                }
                toSend = zip(toSend, refusals).filter { $0.1 == nil }.map(\.0)
            } catch {
                for sent in toSend { results[sent.index] = .failure(error) }
                toSend = []
            }
        }
        guard !toSend.isEmpty, let call = connector.placeOrders(toSend.map { ($0.request, $0.market) }) else {
            return results.map { $0 ?? .failure(Self.missingItem) }
        }
        var signedAt: Int64?
        var outcomes: [OrderJournal.Outcome] = []
        // Orders whose outcome the answer leaves open: each is resolved by its client id.
        var unresolved: [(index: Int, request: OrderRequest, market: Market)] = []
        do {
            let items = try await perform(call) { signedAt = $0 }
            for (position, sent) in toSend.enumerated() {
                let id = sent.request.clientOrderID.rawValue
                guard position < items.count else {
                    unresolved.append(sent)
                    continue
                }
                switch items[position] {
                case .placed(var order):
                    order.symbol = sent.market.symbol
                    outcomes.append(.init(clientOrderID: id, stage: .acknowledged, order: order))
                    results[sent.index] = .success(order)
                case .refused(let error) where error.kind == .duplicateOrder || Self.mayHaveArrived(error):
                    unresolved.append(sent)
                case .refused(let error):
                    outcomes.append(.init(clientOrderID: id, stage: .rejected, error: error))
                    results[sent.index] = .failure(error)
                }
            }
        } catch {
            for sent in toSend {
                if Self.mayHaveArrived(error) {
                    unresolved.append(sent)
                } else {
                    outcomes.append(.init(clientOrderID: sent.request.clientOrderID.rawValue, stage: .rejected, error: error))
                    results[sent.index] = .failure(error)
                }
            }
        }
        // The settled outcomes together, queued before any look-up waits.
        configuration.journal?.enqueue(outcomes, nowMs: configuration.now())
        for sent in unresolved {
            results[sent.index] = await resolve(sent.request, market: sent.market, sentAt: signedAt)
        }
        return results.map { $0 ?? .failure(Self.missingItem) }
    }

    /// One order of a batch whose outcome is unknown: looked up, and sent on its own only when the exchange does
    /// not have it past the batch request's validity window.
    private func resolve(_ request: OrderRequest, market: Market, sentAt: Int64?) async -> Result<Order, SentinelError> {
        var machine = placementMachine()
        guard let sentAt else {
            return .failure(SentinelError(.ambiguousOutcome, Diagnosis(cause: "The batch's send time is unknown.")))
        }
        let first = machine.resume(sentAtServerMs: sentAt)
        do { return .success(try await drive(&machine, first, request, market: market)) } catch {
            return .failure(error)
        }
    }

    static var missingItem: SentinelError {
        SentinelError(.badResponse, Diagnosis(cause: "The batch answer had fewer items than orders sent."))
    }
}
