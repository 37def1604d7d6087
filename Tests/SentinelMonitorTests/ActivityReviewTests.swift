import SentinelCore
import SentinelMonitor
import Testing

/// The review alone, on made-up observations: each kind of finding, and what must not be one.
@Suite struct ActivityReviewTests {
    static let now: Int64 = 1_790_000_000_000
    static let day: Int64 = 86_400_000
    static let key = WatchedKey(name: "main", exchange: .binance, products: [.spot], storedAt: now - day, isInVault: true)

    static func order(_ id: String, client: String?) -> Order {
        Order(
            symbol: UnifiedSymbol("BTC/USDT")!, id: id, clientOrderID: client, side: .buy, type: .limit, status: .new,
            price: Price(exactly: "30000"), quantity: Quantity(exactly: "0.001")!, filledQuantity: .zero,
            averagePrice: nil, timeInForce: .gtc, postOnly: false, reduceOnly: false, createdAt: now - 1000,
            updatedAt: nil)
    }

    static func permissions(
        withdraw: Bool = false, transfer: Bool = false, restricted: Bool? = true, whitelist: [String]? = ["127.0.0.1"],
        expiresAt: Int64? = nil, reported: [String] = []
    ) -> KeyPermissions {
        var permissions = KeyPermissions(
            read: true, spotTrade: true, futuresTrade: false, withdraw: withdraw, transfer: transfer,
            ipRestricted: restricted, ipWhitelist: whitelist, expiresAt: expiresAt)
        permissions.reported = reported
        return permissions
    }

    static func observation(
        at time: Int64 = now, permissions: KeyPermissions? = permissions(), orders: [Order] = [],
        balances: [String: String] = ["USDT": "1000"], withdrawals: [Withdrawal]? = []
    ) -> ActivityObservation {
        ActivityObservation(
            observedAt: time, permissions: permissions, openOrders: [.init(product: .spot, orders: orders)],
            balances: [.spot: balances.mapValues { ExactDecimal(exactly: $0)! }], withdrawals: withdrawals)
    }

    static func withdrawal(_ id: String, amount: String = "100", at time: Int64 = now - 60_000) -> Withdrawal {
        Withdrawal(
            id: id, asset: "USDT", amount: Amount(ExactDecimal(exactly: amount)!), fee: Amount(1), address: "0xabc",
            network: "ETH", status: "completed", time: time, transactionID: nil)
    }

    func review(
        _ observation: ActivityObservation, after baseline: ActivityBaseline? = nil, known: Set<String> = [],
        lastActivity: Int64? = nil, policy: ActivityPolicy = ActivityPolicy(), key: WatchedKey = key
    ) -> (findings: [ActivityFinding], baseline: ActivityBaseline) {
        ActivityReview(key: key, policy: policy, journal: JournalFacts(clientOrderIDs: known, lastActivityAt: lastActivity))
            .review(observation, after: baseline)
    }

    /// The baseline a quiet first poll leaves.
    func quietBaseline(_ observation: ActivityObservation = observation()) -> ActivityBaseline {
        let first = review(observation)
        #expect(first.findings.isEmpty, "\(first.findings.map(\.kind))")
        return first.baseline
    }

    @Test func aQuietKeyHasNoFinding() {
        let baseline = quietBaseline()
        #expect(review(Self.observation(at: Self.now + 60_000), after: baseline).findings.isEmpty)
    }

    @Test func ordersAreJudgedByTheirClientID() {
        let orders = [
            Self.order("1", client: "sn-known"), Self.order("2", client: "web123"), Self.order("3", client: "sn-stranger"),
            Self.order("4", client: "grid-7"), Self.order("5", client: nil),
        ]
        let findings = review(
            Self.observation(orders: orders), known: ["sn-known"],
            policy: ActivityPolicy(knownClientIDPrefixes: ["grid-"])
        ).findings
        #expect(findings.filter { $0.kind == .foreignOrder }.map(\.subject).sorted() == ["2", "5"])
        #expect(findings.filter { $0.kind == .foreignOrder }.allSatisfy { $0.severity == .critical })
        #expect(findings.filter { $0.kind == .unknownSentinelOrder }.map(\.subject) == ["3"])
        // An id the bot chose itself (`--client-id`) is Sentinel's once the journal has it.
        let chosen = review(Self.observation(orders: [Self.order("6", client: "grid-bot-42")]), known: ["grid-bot-42"])
        #expect(chosen.findings.isEmpty, "\(chosen.findings.map(\.summary))")
        let foreign = findings.first { $0.subject == "2" }
        #expect(foreign?.evidence.contains(.init("client order id", "web123")) == true)
        #expect(foreign?.fix.contains { $0.contains("sentinel vault rotate main") } == true)
        #expect(foreign?.fix.contains { $0.contains("sentinel order cancel --symbol BTC/USDT --id 2 --key main") } == true)
    }

    @Test func aWithdrawalIsReportedOnceAndOldOnesOnlyWithinTheFirstLookback() {
        let old = Self.withdrawal("old", at: Self.now - 30 * Self.day)
        let first = review(Self.observation(withdrawals: [Self.withdrawal("w1"), old]))
        #expect(first.findings.filter { $0.kind == .withdrawal }.map(\.subject) == ["w1"])
        #expect(first.findings.first { $0.kind == .withdrawal }?.severity == .critical)
        let again = review(
            Self.observation(at: Self.now + 60_000, withdrawals: [Self.withdrawal("w1"), old]), after: first.baseline)
        #expect(again.findings.filter { $0.kind == .withdrawal }.isEmpty)
        let later = review(
            Self.observation(at: Self.now + 120_000, withdrawals: [Self.withdrawal("w2"), Self.withdrawal("w1")]),
            after: again.baseline)
        #expect(later.findings.filter { $0.kind == .withdrawal }.map(\.subject) == ["w2"])
    }

    @Test func aWithdrawalExplainsTheBalanceDropItCaused() {
        let baseline = quietBaseline()
        let after = review(
            Self.observation(at: Self.now + 60_000, balances: ["USDT": "899"], withdrawals: [Self.withdrawal("w1")]),
            after: baseline)
        #expect(after.findings.map(\.kind) == [.withdrawal])
        let more = review(
            Self.observation(at: Self.now + 60_000, balances: ["USDT": "800"], withdrawals: [Self.withdrawal("w1")]),
            after: baseline)
        #expect(Set(more.findings.map(\.kind)) == [.withdrawal, .balanceMoved])
    }

    @Test func aBalanceMoveIsAFindingOnlyWhenSentinelWasIdle() {
        let baseline = quietBaseline()
        let moved = Self.observation(at: Self.now + 60_000, balances: ["USDT": "900", "BTC": "0.01"])
        let idle = review(moved, after: baseline).findings
        #expect(idle.filter { $0.kind == .balanceMoved }.count == 2)
        #expect(idle.first { $0.evidence.contains(.init("asset", "USDT")) }?.evidence.contains(.init("now", "900")) == true)
        #expect(review(moved, after: baseline, lastActivity: Self.now + 1).findings.isEmpty)
        let withOwnOrder = Self.observation(
            at: Self.now + 60_000, orders: [Self.order("1", client: "sn-mine")], balances: ["USDT": "900"])
        #expect(review(withOwnOrder, after: baseline, known: ["sn-mine"]).findings.isEmpty)
    }

    @Test func withdrawAndTransferPermissions() {
        let findings = review(Self.observation(permissions: Self.permissions(withdraw: true, transfer: true))).findings
        #expect(findings.first { $0.kind == .withdrawPermission }?.severity == .critical)
        #expect(findings.first { $0.kind == .transferPermission }?.severity == .warning)
        // Transfer that was there before is the user's choice; it is not reported again.
        let baseline = review(Self.observation(permissions: Self.permissions(transfer: true))).baseline
        #expect(review(Self.observation(permissions: Self.permissions(transfer: true)), after: baseline).findings.isEmpty)
        let appeared = review(Self.observation(permissions: Self.permissions(withdraw: true)), after: quietBaseline())
        #expect(appeared.findings.first?.summary.contains("could not before") == true)
    }

    @Test func whitelistRemovedChangedOrMissing() {
        let baseline = quietBaseline()
        let removed = review(
            Self.observation(permissions: Self.permissions(restricted: false, whitelist: [])), after: baseline).findings
        #expect(removed.map(\.kind) == [.ipWhitelistRemoved])
        #expect(removed.first?.severity == .critical)
        let changed = review(
            Self.observation(permissions: Self.permissions(whitelist: ["127.0.0.1", "203.0.113.9"])), after: baseline
        ).findings
        #expect(changed.map(\.kind) == [.ipWhitelistChanged])
        #expect(changed.first?.evidence.contains(.init("now", "127.0.0.1, 203.0.113.9")) == true)
        let never = review(Self.observation(permissions: Self.permissions(restricted: false, whitelist: nil)))
        #expect(never.findings.map(\.kind) == [.noIPWhitelist])
        #expect(
            review(Self.observation(permissions: Self.permissions(restricted: false, whitelist: nil)), after: never.baseline)
                .findings.isEmpty)
    }

    @Test func permissionsTheExchangeReportsChanged() {
        let baseline = quietBaseline(Self.observation(permissions: Self.permissions(reported: ["SpotTrade"])))
        let findings = review(
            Self.observation(permissions: Self.permissions(reported: ["SpotTrade", "ContractTrade"])), after: baseline
        ).findings
        #expect(findings.map(\.kind) == [.permissionsChanged])
        #expect(findings.first?.evidence.contains(.init("added", "ContractTrade")) == true)
    }

    @Test func expiryFromTheExchangeComesBeforeTheRotationPolicy() {
        let expired = review(Self.observation(permissions: Self.permissions(expiresAt: Self.now - 1))).findings
        #expect(expired.map(\.kind) == [.keyExpired])
        let soon = review(Self.observation(permissions: Self.permissions(expiresAt: Self.now + 3 * Self.day))).findings
        #expect(soon.map(\.kind) == [.keyExpiring])
        #expect(soon.first?.summary.contains("3 days") == true)
        let far = review(Self.observation(permissions: Self.permissions(expiresAt: Self.now + 300 * Self.day)))
        #expect(far.findings.isEmpty)
    }

    @Test func rotationIsDueDaysAfterTheKeyWasStored() {
        let old = WatchedKey(
            name: "old", exchange: .okx, products: [.spot], storedAt: Self.now - 100 * Self.day, isInVault: true)
        let due = review(Self.observation(), key: old).findings
        #expect(due.map(\.kind) == [.rotationDue])
        #expect(due.first?.severity == .warning)
        #expect(due.first?.summary.contains("100 days old") == true)
        let soon = WatchedKey(
            name: "soon", exchange: .okx, products: [.spot], storedAt: Self.now - 80 * Self.day, isInVault: true)
        let reminder = review(Self.observation(), key: soon).findings
        #expect(reminder.map(\.severity) == [.info])
        #expect(review(Self.observation(), policy: ActivityPolicy(rotationDays: 200), key: old).findings.isEmpty)
    }

    @Test func findingsComeMostSevereFirst() {
        let findings = review(
            Self.observation(
                permissions: Self.permissions(withdraw: true, restricted: false, whitelist: nil),
                orders: [Self.order("9", client: "bot")])
        ).findings
        #expect(findings.map(\.severity) == findings.map(\.severity).sorted(by: >))
        #expect(Set(findings.map(\.kind)) == [.withdrawPermission, .foreignOrder, .noIPWhitelist])
    }
}

/// Finished orders from the exchange's order history.
@Suite struct ActivityHistoryReviewTests {
    typealias T = ActivityReviewTests

    static func finished(_ id: String, client: String?, filled: String, status: OrderStatus) -> Order {
        var order = T.order(id, client: client)
        order.status = status
        order.filledQuantity = Quantity(exactly: filled)!
        order.updatedAt = T.now - 5_000
        return order
    }

    func review(_ orders: [Order], after baseline: ActivityBaseline? = nil, known: Set<String> = [])
        -> (findings: [ActivityFinding], baseline: ActivityBaseline)
    {
        var observation = T.observation()
        observation.recentOrders = [.init(product: .spot, orders: orders)]
        return ActivityReview(
            key: T.key, policy: ActivityPolicy(knownClientIDPrefixes: ["grid-"]),
            journal: JournalFacts(clientOrderIDs: known, lastActivityAt: nil)
        ).review(observation, after: baseline)
    }

    @Test func aForeignFillIsReportedOnceAndSentinelsOwnNever() {
        let orders = [
            Self.finished("1", client: "web9", filled: "0.001", status: .filled),
            Self.finished("2", client: "web8", filled: "0", status: .canceled),
            Self.finished("3", client: "sn-mine", filled: "0.001", status: .filled),
            Self.finished("4", client: "grid-1", filled: "0.001", status: .filled),
            Self.finished("5", client: "web7", filled: "0", status: .new),
        ]
        let first = review(orders, known: ["sn-mine"])
        #expect(first.findings.filter { $0.kind == .foreignFill }.map(\.subject) == ["1"])
        #expect(first.findings.filter { $0.kind == .foreignOrder }.map(\.subject) == ["2"])
        #expect(first.findings.first { $0.subject == "1" }?.evidence.contains(.init("filled", "0.001")) == true)
        #expect(!first.findings.contains { ["3", "4", "5"].contains($0.subject) })
        let again = review(orders, after: first.baseline, known: ["sn-mine"])
        #expect(again.findings.filter { [.foreignFill, .foreignOrder].contains($0.kind) }.isEmpty)
    }

    @Test func anOldFinishedOrderIsNotNews() {
        var old = Self.finished("1", client: "web9", filled: "0.001", status: .filled)
        old.updatedAt = T.now - 30 * T.day
        #expect(review([old]).findings.filter { $0.kind == .foreignFill }.isEmpty)
    }
}
