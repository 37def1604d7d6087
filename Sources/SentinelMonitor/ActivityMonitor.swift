import Foundation
import SentinelCore
import SentinelExchanges

/// Polls one key on its exchange and reports what Sentinel did not do (`ActivityReview`), keeping the baseline
/// between polls. It only reads: it never needs trade, withdraw or transfer permission.
///
/// ```swift
/// let monitor = ActivityMonitor(key: watched, fingerprint: credentials.fingerprint, clients: [spotClient],
///                               journal: journal, store: ActivityBaselineStore(folder: folder))
/// for finding in try await monitor.poll().findings { print(finding.summary) }
/// ```
public actor ActivityMonitor {
    public let key: WatchedKey
    private let fingerprint: String
    private let clients: [any ExchangeClient]
    private let journal: OrderJournal?
    private let policy: ActivityPolicy
    private let store: ActivityBaselineStore?
    private var baseline: ActivityBaseline?
    private var loaded = false

    /// `clients`: one per product of the key, all with the same key.
    public init(
        key: WatchedKey, fingerprint: String, clients: [any ExchangeClient], journal: OrderJournal?,
        policy: ActivityPolicy = ActivityPolicy(), store: ActivityBaselineStore?
    ) {
        self.key = key
        self.fingerprint = fingerprint
        self.clients = clients
        self.journal = journal
        self.policy = policy
        self.store = store
    }

    public struct Poll: Sendable {
        public var findings: [ActivityFinding]
        public var observation: ActivityObservation
        /// The baseline could not be saved: the next run reports this poll's changes again.
        public var saveFailure: SentinelError?
        /// True when nothing at all could be read (a revoked key, a wrong endpoint): the watch saw nothing.
        public var sawNothing: Bool {
            observation.permissions == nil && observation.openOrders.isEmpty && observation.balances.isEmpty
                && observation.withdrawals == nil
        }
    }

    /// Reads the key's state from the exchange, compares, and saves the new baseline.
    public func poll() async throws(SentinelError) -> Poll {
        if !loaded {
            baseline = store?.load(key, fingerprint: fingerprint)
            loaded = true
        }
        let observation = await observe()
        let facts = try journalFacts()
        let (findings, next) = ActivityReview(key: key, policy: policy, journal: facts).review(observation, after: baseline)
        var poll = Poll(findings: findings, observation: observation)
        if !poll.sawNothing {
            baseline = next
            do { try store?.save(next, for: key, fingerprint: fingerprint) } catch { poll.saveFailure = error }
        }
        return poll
    }

    public func shutdown() async {
        for client in clients { await client.shutdown() }
    }

    private func observe() async -> ActivityObservation {
        var unread: [String] = []
        var notChecked: [String] = []
        func note(_ what: String, _ error: SentinelError) {
            if error.kind == .unsupported {
                notChecked.append("\(what): \(error.diagnosis.cause)")
            } else {
                unread.append("\(what): \(error.diagnosis.cause)")
            }
        }
        var permissions: KeyPermissions?
        var openOrders: [ActivityObservation.ProductOrders] = []
        var balances: [Product: [String: ExactDecimal]] = [:]
        var withdrawals: [Withdrawal]?
        var observedAt: Int64?
        for client in clients {
            let product = client.venue.product
            if observedAt == nil { observedAt = try? await client.serverTime() }
            if permissions == nil {
                do { permissions = try await client.permissions() } catch { note("permissions (\(product))", error) }
            }
            do {
                openOrders.append(.init(product: product, orders: try await client.openOrders(symbol: nil)))
            } catch {
                note("open orders (\(product))", error)
            }
            do {
                var totals: [String: ExactDecimal] = [:]
                for balance in try await client.balances() {
                    totals[balance.asset] = (try? balance.free.value.adding(balance.locked.value)) ?? balance.free.value
                }
                balances[product] = totals
            } catch {
                note("balances (\(product))", error)
            }
        }
        let now = observedAt ?? Int64(Date().timeIntervalSince1970 * 1000)
        let since = baseline.map { $0.observedAt - 86_400_000 } ?? now - policy.firstLookbackMs
        var withdrawalsFailure: SentinelError?
        for client in clients where withdrawals == nil {
            do { withdrawals = try await client.withdrawals(sinceMs: max(since, now - 89 * 86_400_000)) } catch {
                // A product without the history (a futures host) does not hide another product's answer.
                if withdrawalsFailure == nil || withdrawalsFailure?.kind == .unsupported { withdrawalsFailure = error }
            }
        }
        if withdrawals == nil, let withdrawalsFailure { note("withdrawals", withdrawalsFailure) }
        return ActivityObservation(
            observedAt: now, permissions: permissions, openOrders: openOrders, balances: balances,
            withdrawals: withdrawals, unread: unread, notChecked: notChecked)
    }

    private func journalFacts() throws(SentinelError) -> JournalFacts {
        guard let journal else { return JournalFacts(clientOrderIDs: [], lastActivityAt: nil) }
        let entries = try journal.allEntries()
        let prefix = key.exchange.rawValue + " "
        let mine = entries.filter { $0.venue.hasPrefix(prefix) }
        return JournalFacts(
            clientOrderIDs: Set(entries.map(\.clientOrderID)), lastActivityAt: mine.map(\.updatedAtMs).max())
    }
}
