import SentinelCore
import SentinelExchanges
import SentinelNet

extension DoctorRun {
    /// A signed request is accepted.
    mutating func checkAuth() -> DoctorCheck {
        guard let authError else {
            return DoctorCheck(.auth, .pass, "Signed requests are accepted.", evidence: venueEvidence)
        }
        if authError.kind == .authentication || authError.kind == .permissionDenied {
            return DoctorCheck.from(.auth, .fail, authError)
        }
        stopReason = "the exchange did not answer a signed request"
        return DoctorCheck.from(.auth, .fail, authError)
    }

    var keyRefused: Bool { authError != nil }
}
