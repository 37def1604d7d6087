import SentinelCore
import SentinelExchanges
import SentinelNet

extension DoctorRun {
    /// The host answers, and the key belongs to this exchange and environment. A refused key is tried in the
    /// exchange's other environments (and Binance ↔ Binance.US) to name the classic mix-ups.
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
        return DoctorCheck(
            .environment, .warn,
            "The key is refused here, and also in the other environments tried.",
            evidence: venueEvidence.merging(
                ["tried": environment.alternativeVenues(venue).map(\.description).joined(separator: "; ")],
                uniquingKeysWith: { a, _ in a }),
            fix: ["See the auth check below for why the key is refused."])
    }

    private func wrongEnvironment(found: Venue) -> DoctorCheck {
        let here = "\(venue.exchange.displayName) \(venue.environment.kind)"
        let there = "\(found.exchange.displayName) \(found.environment.kind)"
        var fix: [String] = []
        if found.exchange != venue.exchange {
            fix.append("Use the exchange \(found.exchange.rawValue): this key was created on \(found.exchange.displayName).")
        } else {
            fix.append("Use --env \(found.environment.kind) for this key (store it again with that environment).")
            fix.append(
                "Live, testnet and demo keys are separate: a \(found.environment.kind) key never works on "
                    + "\(venue.environment.kind).")
        }
        return DoctorCheck(
            .environment, .fail, "This is a \(there) key, but it was used on \(here).",
            evidence: venueEvidence.merging(["key works on": found.description], uniquingKeysWith: { a, _ in a }),
            fix: fix)
    }
}
