import SentinelCore
import SentinelExchanges

/// Orders an earlier run left unsettled (Ctrl-C, a crash, a lost answer) are settled by client id the next time the
/// key is used, and the user is told what became of each.
enum JournalNotes {
    static func reconcile(_ client: any ExchangeClient) async {
        do {
            for entry in try await client.reconcileJournal() {
                let outcome: String
                switch entry.stageValue {
                case .acknowledged: outcome = "it is on the exchange (\(entry.status ?? "known"))"
                case .rejected: outcome = "it never reached the exchange"
                default: continue
                }
                Console.error(
                    "note: order \(entry.clientOrderID) (\(entry.side) \(entry.quantity) \(entry.symbol)) left unsettled "
                        + "by an earlier run: \(outcome).")
            }
        } catch {
            Console.error(
                "note: orders left unsettled by an earlier run could not be checked (\(error.diagnosis.cause)); "
                    + "they stay in the journal and are checked next time.")
        }
    }
}
