import SentinelCore
import SentinelExchanges
import SentinelNet

extension DoctorRun {
    /// The offset between this computer's clock and the exchange's, measured at the round-trip midpoint.
    mutating func checkClock() async -> DoctorCheck {
        guard let client else { return DoctorCheck(.clock, .skip, "No client.") }
        do {
            let estimate = try await client.synchronizeClock()
            clock = estimate
            let evidence = [
                "offset": "\(estimate.offsetMs) ms (exchange minus this computer)",
                "error bound": "±\(estimate.errorBoundMs) ms", "round trip": "\(estimate.roundTripMs) ms",
                "samples": String(estimate.samples),
            ]
            let magnitude = abs(estimate.offsetMs)
            let direction = estimate.offsetMs > 0 ? "behind" : "ahead of"
            let fix =
                ClockAdvice.steps + [
                    "Sentinel corrects its own requests for the offset, but other programs using this key will be "
                        + "rejected with timestamp errors (Binance -1021, Bybit 10002, OKX 50102) until the clock is fixed."
                ]
            if magnitude >= 1_000 {
                return DoctorCheck(
                    .clock, .fail, "This computer's clock is \(magnitude) ms \(direction) the exchange's.",
                    evidence: evidence, fix: fix)
            }
            if magnitude >= 500 {
                return DoctorCheck(
                    .clock, .warn, "This computer's clock is \(magnitude) ms \(direction) the exchange's.",
                    evidence: evidence, fix: fix)
            }
            return DoctorCheck(.clock, .pass, "Clocks agree within \(magnitude) ms.", evidence: evidence)
        } catch {
            return DoctorCheck.from(.clock, .warn, error, summary: "The exchange's clock could not be read.")
        }
    }
}
