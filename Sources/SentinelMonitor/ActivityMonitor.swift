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
        let facts = try journalFacts()
        let observation = await observe(facts)
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

    /// At most this many symbols' order histories are read per product and poll (each is one request).
    static let historySymbolLimit = 10

    private func observe(_ facts: JournalFacts) async -> ActivityObservation {
        var unread: [String] = []
        var notChecked: [String] = []
        func note(_ what: String, _ error: SentinelError) {
            if error.kind == .unsupported {
                notChecked.append("\(what): \(error.diagnosis.cause)")
            } else {
                unread.append("\(what): \(error.diagnosis.cause)")
            }
        }
        var now: Int64?
        for client in clients where now == nil { now = try? await client.serverTime() }
        let observedAt = now ?? Int64(Date().timeIntervalSince1970 * 1000)
        let since = baseline.map { $0.observedAt - 86_400_000 } ?? observedAt - policy.firstLookbackMs
        // Binance's futures history answers at most 7 days from its start: ask for less everywhere.
        let historySince = max(since, observedAt - 6 * 86_400_000)
        var permissions: KeyPermissions?
        var openOrders: [ActivityObservation.ProductOrders] = []
        var recentOrders: [ActivityObservation.ProductOrders] = []
        var balances: [Product: [String: ExactDecimal]] = [:]
        for client in clients {
            let product = client.venue.product
            if permissions == nil {
                do { permissions = try await client.permissions() } catch { note("permissions (\(product))", error) }
            }
            var open: [Order] = []
            do {
                open = try await client.openOrders(symbol: nil)
                openOrders.append(.init(product: product, orders: open))
            } catch {
                note("open orders (\(product))", error)
            }
            var totals: [String: ExactDecimal] = [:]
            do {
                for balance in try await client.balances() {
                    totals[balance.asset] = (try? balance.free.value.adding(balance.locked.value)) ?? balance.free.value
                }
                balances[product] = totals
            } catch {
                note("balances (\(product))", error)
            }
            var history: [Order] = []
            for symbol in await historySymbols(client, facts: facts, open: open, totals: totals) {
                do { history += try await client.recentOrders(symbol: symbol, sinceMs: historySince) } catch {
                    note("order history (\(product))", error)
                    break
                }
            }
            recentOrders.append(.init(product: product, orders: history))
        }
        var withdrawals: [Withdrawal]?
        var withdrawalsFailure: SentinelError?
        for client in clients where withdrawals == nil {
            do { withdrawals = try await client.withdrawals(sinceMs: max(since, observedAt - 89 * 86_400_000)) } catch {
                // A product without the history (a futures host) does not hide another product's answer.
                if withdrawalsFailure == nil || withdrawalsFailure?.kind == .unsupported { withdrawalsFailure = error }
            }
        }
        if withdrawals == nil, let withdrawalsFailure { note("withdrawals", withdrawalsFailure) }
        return ActivityObservation(
            observedAt: observedAt, permissions: permissions, openOrders: openOrders, recentOrders: recentOrders,
            balances: balances, withdrawals: withdrawals, unread: unread, notChecked: notChecked)
    }

    /// Where someone else's orders would be: the symbols Sentinel traded, those with open orders, and those of the
    /// assets the account holds (spot) or its positions (derivatives).
    private func historySymbols(
        _ client: any ExchangeClient, facts: JournalFacts, open: [Order], totals: [String: ExactDecimal]
    ) async -> [UnifiedSymbol] {
        let product = client.venue.product
        var symbols = facts.symbols[product] ?? []
        symbols += open.map(\.symbol)
        if product == .spot {
            let held = Set(totals.filter { $0.value.isPositive }.keys)
            if let markets = try? await client.markets() {
                symbols += markets.filter { $0.product == .spot && held.contains($0.symbol.base) && $0.symbol.quote == "USDT" }
                    .map(\.symbol).sorted { $0.description < $1.description }
            }
        } else if let positions = try? await client.positions() {
            symbols += positions.map(\.symbol)
        }
        var seen = Set<UnifiedSymbol>()
        return Array(symbols.filter { seen.insert($0).inserted }.prefix(Self.historySymbolLimit))
    }

    private func journalFacts() throws(SentinelError) -> JournalFacts {
        guard let journal else { return JournalFacts(clientOrderIDs: [], lastActivityAt: nil) }
        let entries = try journal.allEntries()
        let prefix = key.exchange.rawValue + " "
        let mine = entries.filter { $0.venue.hasPrefix(prefix) }
        var symbols: [Product: [UnifiedSymbol]] = [:]
        for entry in mine.sorted(by: { $0.updatedAtMs > $1.updatedAtMs }) {
            let parts = entry.venue.split(separator: " ")
            guard parts.count >= 2, let product = Product(rawValue: String(parts[1])),
                let symbol = UnifiedSymbol(entry.symbol), !(symbols[product] ?? []).contains(symbol)
            else { continue }
            symbols[product, default: []].append(symbol)
        }
        return JournalFacts(
            clientOrderIDs: Set(entries.map(\.clientOrderID)), lastActivityAt: mine.map(\.updatedAtMs).max(),
            symbols: symbols)
    }
}
