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
                .permissionsTrade, .skip,
                "Not reported by \(venue.exchange.displayName); the order test shows whether trading works.")
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
        // One warning for everything the exchange does not report, instead of one per check.
        guard let permissions else {
            return DoctorCheck(
                .permissionsWithdraw, .warn,
                "\(venue.exchange.displayName) does not report a key's permissions: withdrawal, transfer and the IP "
                    + "restriction could not be verified.",
                evidence: ["not verified": "withdraw, transfer, ip restriction"],
                fix: GuidanceText.removeWithdraw(venue) + GuidanceText.removeTransfer(venue)
                    + GuidanceText.addIP(venue, ip: nil))
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
            return DoctorCheck(.permissionsTransfer, .skip, "Not reported (see permissions.withdraw).")
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
