import SentinelCore
import SentinelExchanges

/// Compares what the exchange says happened on a key with what Sentinel did and with what the previous poll saw.
/// No I/O: the monitor gathers the observation and keeps the baseline.
public struct ActivityReview: Sendable {
    public let key: WatchedKey
    public let policy: ActivityPolicy
    public let journal: JournalFacts

    public init(key: WatchedKey, policy: ActivityPolicy, journal: JournalFacts) {
        self.key = key
        self.policy = policy
        self.journal = journal
    }

    private var guidance: ExchangeGuidance { ExchangeGuidance.for(key.exchange) }

    /// The findings of one poll, most severe first, and the baseline for the next.
    public func review(_ observation: ActivityObservation, after baseline: ActivityBaseline?)
        -> (findings: [ActivityFinding], baseline: ActivityBaseline)
    {
        var findings = orderFindings(observation)
        findings += historyFindings(observation, baseline)
        findings += withdrawalFindings(observation, baseline)
        findings += permissionFindings(observation, baseline)
        findings += lifecycleFindings(observation)
        findings += balanceFindings(observation, baseline)
        let ordered = findings.enumerated().sorted { lhs, rhs in
            lhs.element.severity != rhs.element.severity ? lhs.element.severity > rhs.element.severity : lhs.offset < rhs.offset
        }.map(\.element)
        return (ordered, nextBaseline(observation, baseline))
    }

    // MARK: Orders

    private func orderFindings(_ observation: ActivityObservation) -> [ActivityFinding] {
        var findings: [ActivityFinding] = []
        for group in observation.openOrders {
            for order in group.orders {
                let owner = ownership(of: order)
                guard owner == .unknownSentinel || owner == .foreign else { continue }
                let evidence = orderEvidence(order, product: group.product)
                if owner == .unknownSentinel {
                    findings.append(
                        finding(
                            .unknownSentinelOrder, .warning, observation,
                            summary: "An open order has a Sentinel client id that this machine's journal does not know: "
                                + describe(order) + ".",
                            evidence: evidence,
                            fix: [
                                "If Sentinel runs with this key on another machine, this is its order: run the watch "
                                    + "there, or declare it with --known-prefix.",
                                "Otherwise someone copies Sentinel's ids: " + revokeStep,
                            ],
                            subject: order.id))
                } else {
                    findings.append(
                        finding(
                            .foreignOrder, .critical, observation,
                            summary: "An order Sentinel did not place is open: " + describe(order) + ".",
                            evidence: evidence,
                            fix: [
                                "If you did not place it yourself (on the website, the app or another bot): " + revokeStep,
                                "Then cancel it: `sentinel order cancel --symbol \(order.symbol) --id \(order.id)"
                                    + keyOption + "`.",
                                "If it is another bot of yours, declare its client-id prefix with --known-prefix so it "
                                    + "is not reported.",
                            ],
                            subject: order.id))
                }
            }
        }
        return findings
    }

    /// Finished orders from the history: a foreign one that traded is a fill, one that did not is still an order
    /// someone placed. Each is reported once; open ones are the open-order check's.
    private func historyFindings(_ observation: ActivityObservation, _ baseline: ActivityBaseline?) -> [ActivityFinding] {
        let reported = Set(baseline?.reportedOrderIDs ?? [])
        let since = baseline.map { $0.observedAt - 86_400_000 } ?? observation.observedAt - policy.firstLookbackMs
        var findings: [ActivityFinding] = []
        for group in observation.recentOrders {
            for order in group.orders where order.status.isFinal && !reported.contains(order.id) {
                guard (order.updatedAt ?? order.createdAt ?? observation.observedAt) >= since else { continue }
                let owner = ownership(of: order)
                guard owner == .unknownSentinel || owner == .foreign else { continue }
                var evidence = orderEvidence(order, product: group.product)
                let traded = order.filledQuantity.isPositive
                if traded {
                    evidence.append(.init("filled", order.filledQuantity.description))
                    if let average = order.averagePrice { evidence.append(.init("average price", average.description)) }
                }
                if owner == .unknownSentinel {
                    findings.append(
                        finding(
                            .unknownSentinelOrder, .warning, observation,
                            summary: "A finished order has a Sentinel client id that this machine's journal does not "
                                + "know: " + describe(order) + ".",
                            evidence: evidence,
                            fix: ["If Sentinel runs with this key on another machine, this is its order; otherwise "
                                + revokeStep],
                            subject: order.id))
                    continue
                }
                findings.append(
                    finding(
                        traded ? .foreignFill : .foreignOrder, .critical, observation,
                        summary: (traded ? "An order Sentinel did not place traded: " : "An order Sentinel did not "
                            + "place was \(order.status.rawValue): ") + describe(order) + ".",
                        evidence: evidence,
                        fix: [
                            "If you did not place it yourself (on the website, the app or another bot): " + revokeStep,
                            "If it is another bot of yours, declare its client-id prefix with --known-prefix.",
                        ],
                        subject: order.id))
            }
        }
        return findings
    }

    /// Whose order it is, by its client id: Sentinel's own (in the journal, whatever its form: a bot may choose its
    /// ids), a declared other bot's, one in Sentinel's `sn-` form that the journal does not know, or someone else's.
    private enum Ownership {
        case sentinel, declaredBot, unknownSentinel, foreign
    }

    private func ownership(of order: Order) -> Ownership {
        let clientID = order.clientOrderID ?? ""
        if journal.clientOrderIDs.contains(clientID) { return .sentinel }
        if policy.knownClientIDPrefixes.contains(where: { !$0.isEmpty && clientID.hasPrefix($0) }) { return .declaredBot }
        return clientID.hasPrefix(ActivityPolicy.sentinelPrefix) ? .unknownSentinel : .foreign
    }

    private func orderEvidence(_ order: Order, product: Product) -> [Diagnosis.Evidence] {
        var evidence: [Diagnosis.Evidence] = [
            .init("order id", order.id), .init("client order id", order.clientOrderID ?? "(none)"),
            .init("symbol", order.symbol.description), .init("product", product.rawValue),
            .init("side", order.side.rawValue), .init("type", order.type.rawValue),
            .init("quantity", order.quantity.description), .init("status", order.status.rawValue),
        ]
        if let price = order.price { evidence.append(.init("price", price.description)) }
        if let created = order.createdAt { evidence.append(.init("placed at", TimeText.utc(created))) }
        return evidence
    }

    private func describe(_ order: Order) -> String {
        "\(order.side.rawValue) \(order.quantity) \(order.symbol)"
            + (order.price.map { " at \($0)" } ?? "") + " (order \(order.id))"
    }

    // MARK: Withdrawals

    private func withdrawalFindings(_ observation: ActivityObservation, _ baseline: ActivityBaseline?)
        -> [ActivityFinding]
    {
        guard let withdrawals = observation.withdrawals else { return [] }
        let reported = Set(baseline?.withdrawalIDs ?? [])
        let since = baseline == nil ? observation.observedAt - policy.firstLookbackMs : Int64.min
        return withdrawals.filter { !reported.contains($0.id) && $0.time >= since }.map { withdrawal in
            var evidence: [Diagnosis.Evidence] = [
                .init("withdrawal id", withdrawal.id), .init("asset", withdrawal.asset),
                .init("amount", withdrawal.amount.description), .init("address", withdrawal.address),
                .init("time", TimeText.utc(withdrawal.time)), .init("status", withdrawal.status),
            ]
            if let fee = withdrawal.fee { evidence.append(.init("fee", fee.description)) }
            if let network = withdrawal.network { evidence.append(.init("network", network)) }
            if let transaction = withdrawal.transactionID { evidence.append(.init("transaction", transaction)) }
            return finding(
                .withdrawal, .critical, observation,
                summary: "\(withdrawal.amount) \(withdrawal.asset) was withdrawn to \(withdrawal.address) "
                    + "at \(TimeText.utc(withdrawal.time)). Sentinel never withdraws.",
                evidence: evidence,
                fix: [
                    "If you did not withdraw it yourself: change the account's password and 2FA, " + revokeStep,
                    "Contact \(key.exchange.displayName)'s support at once: a withdrawal still pending may be stopped.",
                ],
                subject: withdrawal.id)
        }
    }

    // MARK: Permissions and whitelist

    private func permissionFindings(_ observation: ActivityObservation, _ baseline: ActivityBaseline?)
        -> [ActivityFinding]
    {
        guard let permissions = observation.permissions else { return [] }
        var findings: [ActivityFinding] = []
        if permissions.withdraw {
            findings.append(
                finding(
                    .withdrawPermission, .critical, observation,
                    summary: "The key can withdraw funds" + (baseline?.withdraw == false ? " (it could not before)." : "."),
                    evidence: [.init("withdraw", "enabled")] + reportedEvidence(permissions),
                    fix: guidance.removeWithdrawFix, subject: "withdraw"))
        }
        if permissions.transfer, baseline?.transfer != true {
            findings.append(
                finding(
                    .transferPermission, .warning, observation,
                    summary: "The key can move funds between wallets or accounts"
                        + (baseline?.transfer == false ? " (it could not before)." : "."),
                    evidence: [.init("transfer", "enabled")] + reportedEvidence(permissions),
                    fix: guidance.removeTransferFix, subject: "transfer"))
        }
        if let before = baseline?.reportedPermissions, !permissions.reported.isEmpty,
            Set(before) != Set(permissions.reported)
        {
            let added = Set(permissions.reported).subtracting(before).sorted()
            let removed = Set(before).subtracting(permissions.reported).sorted()
            findings.append(
                finding(
                    .permissionsChanged, .warning, observation,
                    summary: "The key's permissions changed on \(key.exchange.displayName).",
                    evidence: [
                        .init("added", added.isEmpty ? "(none)" : added.joined(separator: ", ")),
                        .init("removed", removed.isEmpty ? "(none)" : removed.joined(separator: ", ")),
                    ],
                    fix: ["If you did not change them on \(guidance.apiPage): " + revokeStep],
                    subject: "permissions:" + permissions.reported.sorted().joined(separator: ",")))
        }
        findings += whitelistFindings(permissions, observation, baseline)
        return findings
    }

    private func whitelistFindings(
        _ permissions: KeyPermissions, _ observation: ActivityObservation, _ baseline: ActivityBaseline?
    ) -> [ActivityFinding] {
        guard let restricted = permissions.ipRestricted else { return [] }
        let list = permissions.ipWhitelist?.sorted()
        if !restricted {
            if baseline?.ipRestricted == true {
                return [
                    finding(
                        .ipWhitelistRemoved, .critical, observation,
                        summary: "The key's IP whitelist was removed: it now works from any address.",
                        evidence: [.init("whitelist before", baseline?.ipWhitelist?.joined(separator: ", ") ?? "(restricted)")],
                        fix: ["If you did not remove it: " + revokeStep] + guidance.addIPFix(ip: nil),
                        subject: "ip-whitelist-removed")
                ]
            }
            if baseline == nil {
                return [
                    finding(
                        .noIPWhitelist, .warning, observation,
                        summary: "The key has no IP whitelist: anyone who copies it can use it from anywhere.",
                        evidence: [.init("ip restricted", "no")], fix: guidance.addIPFix(ip: nil),
                        subject: "no-ip-whitelist")
                ]
            }
            return []
        }
        if let list, let before = baseline?.ipWhitelist, baseline?.ipRestricted == true, list != before.sorted() {
            return [
                finding(
                    .ipWhitelistChanged, .warning, observation,
                    summary: "The key's IP whitelist changed.",
                    evidence: [
                        .init("before", before.joined(separator: ", ")), .init("now", list.joined(separator: ", ")),
                    ],
                    fix: ["If you did not change it on \(guidance.apiPage): " + revokeStep],
                    subject: "ip-whitelist:" + list.joined(separator: ","))
            ]
        }
        return []
    }

    private func reportedEvidence(_ permissions: KeyPermissions) -> [Diagnosis.Evidence] {
        permissions.reported.isEmpty ? [] : [.init("exchange reports", permissions.reported.joined(separator: ", "))]
    }

    // MARK: Expiry and rotation

    private func lifecycleFindings(_ observation: ActivityObservation) -> [ActivityFinding] {
        let now = observation.observedAt
        let day: Int64 = 86_400_000
        let warning = Int64(policy.warningDays) * day
        if let expiresAt = observation.permissions?.expiresAt {
            let evidence: [Diagnosis.Evidence] = [.init("expires", TimeText.utc(expiresAt))]
            if expiresAt <= now {
                return [
                    finding(
                        .keyExpired, .critical, observation,
                        summary: "The key expired on \(TimeText.utc(expiresAt)): trading with it fails.",
                        evidence: evidence, fix: guidance.expiredFix + rotateStep, subject: "expired")
                ]
            }
            if expiresAt - now <= warning {
                let days = (expiresAt - now + day - 1) / day
                return [
                    finding(
                        .keyExpiring, .warning, observation,
                        summary: "The key expires in \(days) day\(days == 1 ? "" : "s") (\(TimeText.utc(expiresAt))).",
                        evidence: evidence, fix: guidance.expiredFix + rotateStep, subject: "expiring")
                ]
            }
            return []
        }
        guard let since = key.storedAt ?? observation.permissions?.createdAt else { return [] }
        let due = since + Int64(policy.rotationDays) * day
        let evidence: [Diagnosis.Evidence] = [
            .init(key.storedAt != nil ? "stored" : "created", TimeText.utc(since)),
            .init("rotation policy", "\(policy.rotationDays) days"), .init("rotate by", TimeText.utc(due)),
        ]
        if due <= now {
            return [
                finding(
                    .rotationDue, .warning, observation,
                    summary: "The key is \((now - since) / day) days old: past the \(policy.rotationDays)-day rotation.",
                    evidence: evidence,
                    fix: ["Create a new key on \(guidance.apiPage) with the same permissions and whitelist."]
                        + rotateStep + ["Then delete the old key on the exchange."],
                    subject: "rotation")
            ]
        }
        if due - now <= warning {
            let days = (due - now + day - 1) / day
            return [
                finding(
                    .rotationDue, .info, observation,
                    summary: "The key is due for rotation in \(days) day\(days == 1 ? "" : "s").",
                    evidence: evidence,
                    fix: ["Create a new key on \(guidance.apiPage) before \(TimeText.utc(due))."] + rotateStep,
                    subject: "rotation-soon")
            ]
        }
        return []
    }

    // MARK: Balances

    private func balanceFindings(_ observation: ActivityObservation, _ baseline: ActivityBaseline?) -> [ActivityFinding]
    {
        guard let baseline else { return [] }
        // Sentinel's own orders fill and move balances: while one was open or placed since the last poll, a move
        // is not evidence of anything.
        let sentinelActive =
            baseline.sentinelOrdersOpen || sentinelOrdersOpen(observation)
            || (journal.lastActivityAt.map { $0 >= baseline.observedAt } ?? false)
        if sentinelActive { return [] }
        let withdrawn = Dictionary(
            grouping: (observation.withdrawals ?? []).filter { !baseline.withdrawalIDs.contains($0.id) }, by: \.asset)
        var findings: [ActivityFinding] = []
        for (product, totals) in observation.balances.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let prefix = product.rawValue + "/"
            let before = baseline.balances.filter { $0.key.hasPrefix(prefix) }
            let assets = Set(totals.keys).union(before.keys.map { String($0.dropFirst(prefix.count)) })
            for asset in assets.sorted() {
                let old = before[ActivityBaseline.balanceKey(product, asset)].flatMap { ExactDecimal(exactly: $0) } ?? .zero
                let new = totals[asset] ?? .zero
                guard old != new, let change = try? new.subtracting(old) else { continue }
                // A withdrawal of this asset explains a drop of its amount and fee.
                if product == .spot, let records = withdrawn[asset],
                    let explained = try? records.reduce(ExactDecimal.zero, { total, record throws(DecimalError) in
                        try total.adding(record.amount.value).adding(record.fee?.value ?? .zero)
                    }),
                    (try? change.adding(explained))?.isZero == true
                {
                    continue
                }
                findings.append(
                    finding(
                        .balanceMoved, .warning, observation,
                        summary: "The \(product) balance of \(asset) changed by \(change) while Sentinel had no "
                            + "order open or placed.",
                        evidence: [
                            .init("asset", asset), .init("product", product.rawValue), .init("before", old.description),
                            .init("now", new.description), .init("last poll", TimeText.utc(baseline.observedAt)),
                        ],
                        fix: [
                            "Check the account's order and transfer history on \(key.exchange.displayName)'s website.",
                            "If neither you nor another bot of yours moved it: " + revokeStep,
                        ],
                        subject: "\(product.rawValue)/\(asset)@\(observation.observedAt)"))
            }
        }
        return findings
    }

    private func sentinelOrdersOpen(_ observation: ActivityObservation) -> Bool {
        observation.openOrders.contains { group in
            group.orders.contains { journal.clientOrderIDs.contains($0.clientOrderID ?? "") }
        }
    }

    // MARK: Baseline

    private func nextBaseline(_ observation: ActivityObservation, _ baseline: ActivityBaseline?) -> ActivityBaseline {
        var balances = baseline?.balances ?? [:]
        for (product, totals) in observation.balances {
            balances = balances.filter { !$0.key.hasPrefix(product.rawValue + "/") }
            for (asset, total) in totals { balances[ActivityBaseline.balanceKey(product, asset)] = total.description }
        }
        let seen = (observation.withdrawals ?? []).map(\.id)
        let known = baseline?.withdrawalIDs ?? []
        let withdrawalIDs = Array((known + seen.filter { !known.contains($0) }).suffix(ActivityBaseline.keptWithdrawalIDs))
        let finished = observation.recentOrders.flatMap { $0.orders.filter { $0.status.isFinal }.map(\.id) }
        let knownOrders = baseline?.reportedOrderIDs ?? []
        let reportedOrderIDs = Array(
            (knownOrders + finished.filter { !knownOrders.contains($0) }).suffix(ActivityBaseline.keptOrderIDs))
        let permissions = observation.permissions
        return ActivityBaseline(
            observedAt: observation.observedAt, withdraw: permissions?.withdraw ?? baseline?.withdraw,
            transfer: permissions?.transfer ?? baseline?.transfer,
            reportedPermissions: permissions.map { $0.reported.isEmpty ? nil : $0.reported } ?? baseline?.reportedPermissions,
            ipRestricted: permissions?.ipRestricted ?? baseline?.ipRestricted,
            ipWhitelist: permissions.map { $0.ipWhitelist?.sorted() } ?? baseline?.ipWhitelist,
            balances: balances, withdrawalIDs: withdrawalIDs, reportedOrderIDs: reportedOrderIDs,
            sentinelOrdersOpen: sentinelOrdersOpen(observation))
    }

    // MARK: Wording

    private var keyOption: String { key.isInVault ? " --key \(key.name)" : "" }

    private var revokeStep: String {
        "delete this key on \(guidance.apiPage) now (that stops every client using it), then create a new one"
            + (key.isInVault ? " and store it with `sentinel vault rotate \(key.name)`." : ".")
    }

    private var rotateStep: [String] {
        key.isInVault ? ["Store the new key with `sentinel vault rotate \(key.name)`."] : []
    }

    private func finding(
        _ kind: ActivityFinding.Kind, _ severity: ActivityFinding.Severity, _ observation: ActivityObservation,
        summary: String, evidence: [Diagnosis.Evidence], fix: [String], subject: String
    ) -> ActivityFinding {
        ActivityFinding(
            kind: kind, severity: severity, key: key.name, exchange: key.exchange, summary: summary,
            evidence: evidence, fix: fix, observedAt: observation.observedAt, subject: subject)
    }
}
