import SentinelCore

extension VenueClient {
    /// Settles every journal entry of this venue left pending or ambiguous by an earlier run (a crash, Ctrl-C, a
    /// timeout): asks the exchange by client id. An entry the exchange does not know is settled as rejected only
    /// once the exchange's time is past its request's validity window; until then it stays open. Returns the
    /// entries it settled.
    public func reconcileJournal() async throws(SentinelError) -> [OrderJournal.Entry] {
        guard let journal = configuration.journal else { return [] }
        var settled: [OrderJournal.Entry] = []
        for entry in try journal.unsettled(venue: venue) {
            guard let symbol = UnifiedSymbol(entry.symbol) else { continue }
            do {
                let order = try await order(symbol: symbol, .clientOrderID(entry.clientOrderID))
                try journal.update(
                    clientOrderID: entry.clientOrderID, stage: .acknowledged, order: order, nowMs: configuration.now())
            } catch {
                guard error.kind == .orderNotFound else { continue }
                let clock = session.clock
                // The journal's times are local: the offset and its error bound turn them into the exchange's.
                let sentAt = entry.updatedAtMs + clock.offsetMs + clock.errorBoundMs
                let safeAfter = sentAt + connector.requestValidityMs + OrderPlacementStateMachine.windowMarginMs
                guard estimatedServerTime() > safeAfter else { continue }
                try journal.update(
                    clientOrderID: entry.clientOrderID, stage: .rejected, error: error, nowMs: configuration.now())
            }
            if let updated = try journal.entry(clientOrderID: entry.clientOrderID) { settled.append(updated) }
        }
        return settled
    }
}
