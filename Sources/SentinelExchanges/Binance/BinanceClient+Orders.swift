import Foundation
import SentinelCore
import SentinelNet

extension BinanceClient {
    public func placeOrder(_ request: OrderRequest) async throws(SentinelError) -> Order {
        let market = try await market(request.symbol)
        try market.rules.validate(request)
        return try await placeValidated(request, market: market)
    }

    /// Journal, send, and after an unknown outcome look up by client id before sending again.
    func placeValidated(_ request: OrderRequest, market: Market) async throws(SentinelError) -> Order {
        let journal = configuration.journal
        try journal?.recordPending(request, venue: venue, nowMs: configuration.now())
        var machine = OrderPlacementStateMachine(lookUpDelaysMs: configuration.lookUpDelaysMs)
        var action = machine.start()
        let parameters = BinanceOrderMapping.parameters(request, market: market)
        let reference = OrderReference.clientOrderID(request.clientOrderID.rawValue)
        while true {
            switch action {
            case .send:
                do {
                    let body = try await performDecoding(BinanceWire.OrderBody.self, endpoints.placeOrder, parameters)
                    action = machine.placed(BinanceOrderMapping.order(body, symbol: market.symbol))
                } catch {
                    action = machine.placementFailed(error, mayHaveArrived: Self.mayHaveArrived(error))
                }
            case .lookUp(let delay):
                try? journal?.update(clientOrderID: request.clientOrderID.rawValue, stage: .ambiguous, nowMs: configuration.now())
                await sleep(milliseconds: delay)
                do {
                    action = machine.found(try await order(symbol: market.symbol, reference))
                } catch {
                    action = error.kind == .orderNotFound ? machine.notFound() : machine.lookUpFailed(error)
                }
            case .succeeded(let order):
                try? journal?.update(
                    clientOrderID: request.clientOrderID.rawValue, stage: .acknowledged, order: order,
                    nowMs: configuration.now())
                return order
            case .rejected(let error):
                try? journal?.update(
                    clientOrderID: request.clientOrderID.rawValue, stage: .rejected, error: error,
                    nowMs: configuration.now())
                throw error
            case .unresolved(let error):
                try? journal?.update(
                    clientOrderID: request.clientOrderID.rawValue, stage: .ambiguous, error: error,
                    nowMs: configuration.now())
                throw SentinelError(
                    error.kind,
                    Diagnosis(
                        cause: error.diagnosis.cause,
                        evidence: error.diagnosis.evidence + [.init("client order id", request.clientOrderID.rawValue)],
                        fix: error.diagnosis.fix))
            }
        }
    }

    /// Whether a failed placement may nevertheless have reached the matching engine.
    static func mayHaveArrived(_ error: SentinelError) -> Bool {
        error.kind == .ambiguousOutcome || error.kind == .exchangeUnavailable
    }

    public func placeOrders(_ requests: [OrderRequest]) async throws(SentinelError) -> [Result<Order, SentinelError>] {
        guard let batch = endpoints.batchOrders else {
            var results: [Result<Order, SentinelError>] = []
            for request in requests {
                do { results.append(.success(try await placeOrder(request))) } catch { results.append(.failure(error)) }
            }
            return results
        }
        var results: [Result<Order, SentinelError>] = []
        var index = 0
        while index < requests.count {
            let chunk = Array(requests[index..<min(index + 5, requests.count)])
            results += try await placeBatch(chunk, endpoint: batch)
            index += 5
        }
        return results
    }

    /// One `batchOrders` request of up to five orders. Orders failing validation are answered without being sent;
    /// if the batch's outcome is unknown, each order is resolved on its own by client id.
    private func placeBatch(_ requests: [OrderRequest], endpoint: BinanceEndpoint) async throws(SentinelError)
        -> [Result<Order, SentinelError>]
    {
        var results = [Result<Order, SentinelError>?](repeating: nil, count: requests.count)
        var toSend: [(Int, OrderRequest, Market)] = []
        for (i, request) in requests.enumerated() {
            do {
                let market = try await market(request.symbol)
                try market.rules.validate(request)
                try configuration.journal?.recordPending(request, venue: venue, nowMs: configuration.now())
                toSend.append((i, request, market))
            } catch {
                results[i] = .failure(error)
            }
        }
        guard !toSend.isEmpty else { return results.map { $0! } }
        let objects = toSend.map { _, request, market in
            Dictionary(BinanceOrderMapping.parameters(request, market: market), uniquingKeysWith: { a, _ in a })
        }
        let json = String(decoding: (try? JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys])) ?? Data(), as: UTF8.self)
        do {
            let response = try await perform(endpoint, [("batchOrders", json)])
            let items = try WireDecoding.decode(
                [BatchItem].self, from: response.body, exchange: venue.exchange, endpoint: endpoint.path)
            for ((i, request, market), item) in zip(toSend, items) {
                let id = request.clientOrderID.rawValue
                if let body = item.order {
                    let order = BinanceOrderMapping.order(body, symbol: market.symbol)
                    try? configuration.journal?.update(clientOrderID: id, stage: .acknowledged, order: order, nowMs: configuration.now())
                    results[i] = .success(order)
                } else {
                    let error = BinanceErrors.map(
                        code: item.code ?? 0, message: item.msg ?? "rejected",
                        context: .init(venue: venue, httpStatus: 400, path: endpoint.path, clock: nil, retryAfterSeconds: nil))
                    try? configuration.journal?.update(clientOrderID: id, stage: .rejected, error: error, nowMs: configuration.now())
                    results[i] = .failure(error)
                }
            }
        } catch {
            guard Self.mayHaveArrived(error) else {
                for (i, request, _) in toSend {
                    try? configuration.journal?.update(
                        clientOrderID: request.clientOrderID.rawValue, stage: .rejected, error: error, nowMs: configuration.now())
                    results[i] = .failure(error)
                }
                return results.map { $0! }
            }
            for (i, request, market) in toSend {
                results[i] = await resolveAfterAmbiguousBatch(request, market: market)
            }
        }
        return results.map { $0 ?? .failure(SentinelError(.badResponse, Diagnosis(cause: "The batch answer had fewer items than orders sent."))) }
    }

    /// After a batch with no answer: look each order up; if the exchange does not have it, place it on its own.
    private func resolveAfterAmbiguousBatch(_ request: OrderRequest, market: Market) async -> Result<Order, SentinelError> {
        let id = request.clientOrderID.rawValue
        for delay in configuration.lookUpDelaysMs {
            await sleep(milliseconds: delay)
            do {
                let order = try await order(symbol: market.symbol, .clientOrderID(id))
                try? configuration.journal?.update(clientOrderID: id, stage: .acknowledged, order: order, nowMs: configuration.now())
                return .success(order)
            } catch {
                if error.kind == .orderNotFound { break }
            }
        }
        do {
            // The journal already holds this id; send it again under the same id through the single-order path.
            var machine = OrderPlacementStateMachine(maxSends: 1, lookUpDelaysMs: configuration.lookUpDelaysMs)
            _ = machine.start()
            let body = try await performDecoding(
                BinanceWire.OrderBody.self, endpoints.placeOrder, BinanceOrderMapping.parameters(request, market: market))
            let order = BinanceOrderMapping.order(body, symbol: market.symbol)
            try? configuration.journal?.update(clientOrderID: id, stage: .acknowledged, order: order, nowMs: configuration.now())
            return .success(order)
        } catch {
            return .failure(error)
        }
    }

    /// One entry of a `batchOrders` answer: an order, or `{code, msg}`.
    struct BatchItem: Decodable {
        let order: BinanceWire.OrderBody?
        let code: Int?
        let msg: String?

        init(from decoder: any Decoder) throws {
            order = try? BinanceWire.OrderBody(from: decoder)
            let container = try decoder.container(keyedBy: Keys.self)
            code = try? container.decode(Int.self, forKey: .code)
            msg = try? container.decode(String.self, forKey: .msg)
        }

        enum Keys: String, CodingKey { case code, msg }
    }

    public func cancelOrder(symbol: UnifiedSymbol, _ reference: OrderReference) async throws(SentinelError) -> Order {
        let market = try await market(symbol)
        do {
            let body = try await performDecoding(
                BinanceWire.OrderBody.self, endpoints.cancelOrder,
                [("symbol", market.nativeSymbol), BinanceOrderMapping.reference(reference)])
            return BinanceOrderMapping.order(body, symbol: symbol)
        } catch {
            // No answer, or "unknown order" after an earlier attempt that did arrive: the order's state decides.
            guard error.kind == .ambiguousOutcome || error.kind == .exchangeUnavailable else { throw error }
            return try await order(symbol: symbol, reference)
        }
    }

    public func cancelAllOrders(symbol: UnifiedSymbol) async throws(SentinelError) -> Int {
        let market = try await market(symbol)
        let open = try await openOrders(symbol: symbol)
        guard !open.isEmpty else { return 0 }
        _ = try await perform(endpoints.cancelAll, [("symbol", market.nativeSymbol)])
        return open.count
    }

    public func order(symbol: UnifiedSymbol, _ reference: OrderReference) async throws(SentinelError) -> Order {
        let market = try await market(symbol)
        let body = try await performDecoding(
            BinanceWire.OrderBody.self, endpoints.queryOrder,
            [("symbol", market.nativeSymbol), BinanceOrderMapping.reference(reference)])
        return BinanceOrderMapping.order(body, symbol: symbol)
    }

    public func openOrders(symbol: UnifiedSymbol?) async throws(SentinelError) -> [Order] {
        if let symbol {
            let market = try await market(symbol)
            let rows = try await performDecoding(
                [BinanceWire.OrderBody].self, endpoints.openOrders, [("symbol", market.nativeSymbol)])
            return rows.map { BinanceOrderMapping.order($0, symbol: symbol) }
        }
        let rows = try await performDecoding([BinanceWire.OrderBody].self, endpoints.openOrdersAllSymbols)
        var orders: [Order] = []
        for row in rows { orders.append(BinanceOrderMapping.order(row, symbol: await unifiedSymbol(native: row.symbol))) }
        return orders
    }

    /// Settles every journal entry left pending or ambiguous by an earlier run: asks the exchange by client id.
    /// Returns the entries it settled.
    public func reconcileJournal() async throws(SentinelError) -> [OrderJournal.Entry] {
        guard let journal = configuration.journal else { return [] }
        var settled: [OrderJournal.Entry] = []
        for entry in try journal.unsettled(venue: venue) {
            guard let symbol = UnifiedSymbol(entry.symbol) else { continue }
            do {
                let order = try await order(symbol: symbol, .clientOrderID(entry.clientOrderID))
                try journal.update(clientOrderID: entry.clientOrderID, stage: .acknowledged, order: order, nowMs: configuration.now())
            } catch {
                guard error.kind == .orderNotFound else { continue }
                try journal.update(clientOrderID: entry.clientOrderID, stage: .rejected, error: error, nowMs: configuration.now())
            }
            if let updated = try journal.entry(clientOrderID: entry.clientOrderID) { settled.append(updated) }
        }
        return settled
    }
}
