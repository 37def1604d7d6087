import SentinelCore
import SentinelExchanges
import SentinelNet

extension DoctorRun {
    /// A whitelist protects a leaked key; a refused key with a whitelist is usually this computer's IP missing.
    func checkIPWhitelist() async -> DoctorCheck {
        if let authError {
            let said = authError.diagnosis.evidence.first { $0.label == "exchange said" }?.value ?? ""
            if let ip = authError.requestIP {
                return DoctorCheck(
                    .ipWhitelist, .fail, "The exchange refused requests from this computer's IP address (\(ip)).",
                    evidence: ["request ip": ip, "exchange said": said],
                    fix: GuidanceText.addIP(venue, ip: ip))
            }
            if let probed = await probeRefusedIP(said: said) { return probed }
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

    /// Asks the same exchange's venue that names refused IPs (Binance USDⓈ-M for a spot key) with the same key: an
    /// unknown key is unknown there too, a key refused for this computer's IP is refused there with the IP named,
    /// and a key accepted there proves the IP is allowed. Nil when there is no such venue or it did not tell.
    private func probeRefusedIP(said: String) async -> DoctorCheck? {
        guard let credentials else { return nil }
        for probe in environment.ipProbeVenues(venue) {
            guard let other = try? environment.makeClient(probe, credentials) else { continue }
            let answer: Result<[Balance], SentinelError>
            do { answer = .success(try await other.balances()) } catch { answer = .failure(error) }
            await other.shutdown()
            let asked = ["asked": probe.description, "exchange said": said]
            let there = "\(probe.exchange.displayName) \(probe.product)"
            switch answer {
            case .success:
                return DoctorCheck(
                    .ipWhitelist, .pass,
                    "This computer's IP address is allowed: \(there) accepts the key from here, so the refusal above "
                        + "has another cause.",
                    evidence: asked)
            case .failure(let error):
                if let ip = error.requestIP {
                    return DoctorCheck(
                        .ipWhitelist, .fail,
                        "The key's IP whitelist leaves out this computer (\(ip)): \(there) knows the key and names the "
                            + "address it refused.",
                        evidence: asked.merging(["request ip": ip], uniquingKeysWith: { a, _ in a }),
                        fix: GuidanceText.addIP(venue, ip: ip))
                }
                if error.kind == .authentication {
                    return DoctorCheck(
                        .ipWhitelist, .skip,
                        "Not checked: \(there) does not know the key either, so it is not an IP problem (see the "
                            + "environment and auth checks).",
                        evidence: asked)
                }
            }
        }
        return nil
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
