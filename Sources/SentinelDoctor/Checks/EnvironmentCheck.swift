import SentinelCore
import SentinelExchanges
import SentinelNet

extension DoctorRun {
    /// The host answers, and the key belongs to this exchange and environment. A refused key is tried in the
    /// exchange's other environments to name the classic mix-ups; at a sibling company (Binance ↔ Binance.US) only
    /// with the user's consent, since the key would go to another company's servers.
    mutating func checkEnvironment() async -> DoctorCheck {
        if let clientError {
            stopReason = "Sentinel cannot connect to this venue yet"
            return DoctorCheck.from(.environment, .fail, clientError, extraEvidence: venueEvidence)
        }
        guard let client, let credentials else { return DoctorCheck(.environment, .skip, "No client.") }
        do {
            _ = try await client.serverTime()
        } catch {
            stopReason = "the exchange could not be reached"
            return DoctorCheck.from(.environment, .fail, error, extraEvidence: venueEvidence)
        }
        do {
            _ = try await client.balances()
            return DoctorCheck(
                .environment, .pass,
                "\(venue.exchange.displayName) \(venue.product) \(venue.environment.kind) answers and knows this key.",
                evidence: venueEvidence)
        } catch {
            authError = error
            guard error.kind == .authentication || error.kind == .permissionDenied else {
                return DoctorCheck(
                    .environment, .pass, "\(venue.exchange.displayName) \(venue.environment.kind) answers.",
                    evidence: venueEvidence)
            }
        }
        for alternative in environment.alternativeVenues(venue) {
            guard let other = try? environment.makeClient(alternative, credentials) else { continue }
            let works = (try? await other.balances()) != nil
            await other.shutdown()
            if works {
                keyHome = alternative
                stopReason = "the key belongs to another environment"
                return wrongEnvironment(found: alternative)
            }
        }
        let allSiblings = environment.siblingVenues(venue)
        // The same company's other host (KuCoin spot ↔ futures) is tried without asking: the key goes nowhere its
        // owner did not give it to.
        for sibling in allSiblings where sibling.exchange == venue.exchange {
            guard let other = try? environment.makeClient(sibling, credentials) else { continue }
            let works = (try? await other.balances()) != nil
            await other.shutdown()
            if works {
                keyHome = sibling
                stopReason = "the key belongs to another product's host"
                return wrongEnvironment(found: sibling)
            }
        }
        let siblings = allSiblings.filter { $0.exchange != venue.exchange }
        if environment.maySendKeyToSiblings {
            for sibling in siblings {
                guard let other = try? environment.makeClient(sibling, credentials) else { continue }
                let works = (try? await other.balances()) != nil
                await other.shutdown()
                if works {
                    keyHome = sibling
                    stopReason = "the key belongs to another exchange"
                    return wrongEnvironment(found: sibling)
                }
            }
        }
        var fix = ["See the auth check below for why the key is refused."]
        if !environment.maySendKeyToSiblings {
            for sibling in siblings {
                fix.append(
                    "If this key was created on \(sibling.exchange.displayName), it works only there: use the exchange "
                        + "\(sibling.exchange.rawValue). (Sentinel did not send the key to \(sibling.exchange.displayName) "
                        + "to check; `sentinel doctor … --probe-sibling` does, with your consent.)")
            }
        }
        var tried = environment.alternativeVenues(venue)
        if environment.maySendKeyToSiblings { tried += siblings }
        return DoctorCheck(
            .environment, .warn,
            "The key is refused here, and also in the other environments tried.",
            evidence: venueEvidence.merging(
                ["tried": tried.map(\.description).joined(separator: "; ")], uniquingKeysWith: { a, _ in a }),
            fix: fix)
    }

    private func wrongEnvironment(found: Venue) -> DoctorCheck {
        let here = "\(venue.exchange.displayName) \(venue.environment.kind)"
        let there = "\(found.exchange.displayName) \(found.environment.kind)"
        var fix: [String] = []
        if found.exchange == venue.exchange, found.product != venue.product {
            return DoctorCheck(
                .environment, .fail,
                "This key works on \(venue.exchange.displayName) \(found.product), but \(venue.exchange.displayName) "
                    + "\(venue.product) (another host) refuses it.",
                evidence: venueEvidence.merging(["key works on": found.description], uniquingKeysWith: { a, _ in a }),
                fix: GuidanceText.tradePermission(venue) + [
                    "Or use the key with --product \(found.product) (store it again with that product)."
                ])
        }
        if found.exchange != venue.exchange {
            fix.append("Use the exchange \(found.exchange.rawValue): this key was created on \(found.exchange.displayName).")
        } else {
            fix.append("Use --env \(found.environment.kind) for this key (store it again with that environment).")
            fix.append(
                "Live, testnet and demo keys are separate: a \(found.environment.kind) key never works on "
                    + "\(venue.environment.kind).")
        }
        return DoctorCheck(
            .environment, .fail, "This is \(withArticle(there)) key, but it was used on \(here).",
            evidence: venueEvidence.merging(["key works on": found.description], uniquingKeysWith: { a, _ in a }),
            fix: fix)
    }
}
