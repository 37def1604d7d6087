import SentinelCore
import SentinelExchanges
import SentinelNet

extension DoctorRun {
    /// Reads the key's permissions from the exchange (once) and checks reading.
    mutating func checkRead() async -> DoctorCheck {
        if keyRefused { return DoctorCheck(.permissionsRead, .skip, "Not run: the key was refused.") }
        guard let client else { return DoctorCheck(.permissionsRead, .skip, "No client.") }
        do {
            let permissions = try await client.permissions()
            self.permissions = permissions
            if permissions.read {
                return DoctorCheck(.permissionsRead, .pass, "Reading is enabled.", evidence: evidence(permissions))
            }
            return DoctorCheck(
                .permissionsRead, .fail, "The key cannot read the account.", evidence: evidence(permissions),
                fix: ["Enable reading (\"Enable Reading\" / \"Read-Only\") for the key on the exchange."])
        } catch {
            permissionsError = error
            return DoctorCheck(
                .permissionsRead, .pass,
                "Reading works (the exchange does not report the key's permissions here; the signed read succeeded).",
                evidence: ["permissions": "not reported: \(error.diagnosis.cause)"])
        }
    }

    func checkTrade() -> DoctorCheck {
        if keyRefused { return DoctorCheck(.permissionsTrade, .skip, "Not run: the key was refused.") }
        guard let permissions else {
            return DoctorCheck(
                .permissionsTrade, .warn, "Trading permission is not reported; the order test shows whether it works.",
                fix: GuidanceText.tradePermission(venue))
        }
        if permissions.canTrade(venue.product) {
            return DoctorCheck(.permissionsTrade, .pass, "Trading \(venue.product) is enabled.", evidence: evidence(permissions))
        }
        return DoctorCheck(
            .permissionsTrade, .fail, "The key cannot trade \(venue.product).", evidence: evidence(permissions),
            fix: GuidanceText.tradePermission(venue))
    }

    func checkWithdraw() -> DoctorCheck {
        if keyRefused { return DoctorCheck(.permissionsWithdraw, .skip, "Not run: the key was refused.") }
        guard let permissions else {
            return DoctorCheck(
                .permissionsWithdraw, .warn, "Withdrawal permission is not reported by the exchange; check it by hand.",
                fix: GuidanceText.removeWithdraw(venue))
        }
        if permissions.withdraw {
            return DoctorCheck(
                .permissionsWithdraw, .fail,
                "The key can withdraw funds. A trading bot never needs that, and a leaked key could empty the account.",
                evidence: evidence(permissions), fix: GuidanceText.removeWithdraw(venue))
        }
        return DoctorCheck(.permissionsWithdraw, .pass, "Withdrawals are disabled.", evidence: evidence(permissions))
    }

    func checkTransfer() -> DoctorCheck {
        if keyRefused { return DoctorCheck(.permissionsTransfer, .skip, "Not run: the key was refused.") }
        guard let permissions else {
            return DoctorCheck(.permissionsTransfer, .warn, "Transfer permission is not reported; check it by hand.")
        }
        if permissions.transfer {
            return DoctorCheck(
                .permissionsTransfer, .warn, "The key can transfer funds between accounts.",
                evidence: evidence(permissions),
                fix: GuidanceText.removeTransfer(venue))
        }
        return DoctorCheck(.permissionsTransfer, .pass, "Transfers are disabled.", evidence: evidence(permissions))
    }

    func evidence(_ permissions: KeyPermissions) -> [String: String] {
        var granted: [String] = []
        if permissions.read { granted.append("read") }
        if permissions.spotTrade { granted.append("spot trade") }
        if permissions.futuresTrade { granted.append("futures trade") }
        if permissions.withdraw { granted.append("withdraw") }
        if permissions.transfer { granted.append("transfer") }
        return ["permissions reported": granted.isEmpty ? "none" : granted.joined(separator: ", ")]
    }
}
