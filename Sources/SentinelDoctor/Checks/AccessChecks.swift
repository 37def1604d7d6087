import SentinelCore
import SentinelExchanges
import SentinelNet

extension DoctorRun {
    /// A whitelist protects a leaked key; a refused key with a whitelist is usually this computer's IP missing.
    func checkIPWhitelist() -> DoctorCheck {
        if let authError {
            let said = authError.diagnosis.evidence.first { $0.label == "exchange said" }?.value ?? ""
            if let ip = authError.requestIP {
                return DoctorCheck(
                    .ipWhitelist, .fail, "The exchange refused requests from this computer's IP address (\(ip)).",
                    evidence: ["request ip": ip, "exchange said": said],
                    fix: GuidanceText.addIP(venue, ip: ip))
            }
            return DoctorCheck(
                .ipWhitelist, .warn,
                "If the key is restricted to trusted IPs, this computer's IP may be missing from the list.",
                evidence: ["exchange said": said], fix: GuidanceText.addIP(venue, ip: nil))
        }
        guard let permissions else {
            return DoctorCheck(.ipWhitelist, .skip, "Not reported (see permissions.withdraw).")
        }
        guard let restricted = permissions.ipRestricted else {
            return DoctorCheck(
                .ipWhitelist, .warn, "The exchange does not say whether the key is restricted to trusted IPs.",
                fix: GuidanceText.addIP(venue, ip: nil))
        }
        if restricted {
            var evidence = ["ip restricted": "yes"]
            if let list = permissions.ipWhitelist { evidence["whitelist"] = list.joined(separator: ", ") }
            return DoctorCheck(
                .ipWhitelist, .pass, "The key only works from trusted IPs, and this computer is one of them.",
                evidence: evidence)
        }
        return DoctorCheck(
            .ipWhitelist, .warn, "The key works from any IP address: if it leaks, anyone can use it.",
            evidence: ["ip restricted": "no"], fix: GuidanceText.addIP(venue, ip: nil))
    }

    /// Expired or soon-expiring keys, and old keys that should be rotated.
    func checkExpiry() -> DoctorCheck {
        if keyRefused { return DoctorCheck(.expiry, .skip, "Not run: the key was refused.") }
        let now = environment.now()
        let day: Int64 = 86_400_000
        if let expires = permissions?.expiresAt {
            let date = DateText.day(expires)
            if expires <= now {
                return DoctorCheck(
                    .expiry, .fail, "The key's trading permission expired on \(date).",
                    evidence: ["expired at": date], fix: GuidanceText.expired(venue))
            }
            let days = (expires - now) / day
            if days < Int64(doctor.options.expiryWarningDays) {
                return DoctorCheck(
                    .expiry, .warn, "The key's trading permission expires in \(days) days (\(date)).",
                    evidence: ["expires at": date], fix: GuidanceText.expired(venue))
            }
        }
        if let created = permissions?.createdAt ?? subject.storedAtMs, now - created > Int64(doctor.options.rotationDays) * day {
            return DoctorCheck(
                .expiry, .warn, "The key is \((now - created) / day) days old: time to rotate it.",
                evidence: ["created": DateText.day(created)],
                fix: [
                    "Create a new key with the same permissions, then `sentinel vault rotate \(subject.name)`.",
                    "Delete the old key on the exchange once the new one works.",
                ])
        }
        let expiry = permissions?.expiresAt.map { "expires \(DateText.day($0))" } ?? "no expiry reported"
        return DoctorCheck(.expiry, .pass, "The key is current (\(expiry)).")
    }
}
