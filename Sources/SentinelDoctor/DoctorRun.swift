import SentinelCore
import SentinelExchanges
import SentinelNet

/// The state one doctor run carries from check to check.
struct DoctorRun {
    let doctor: Doctor
    var subject: DoctorSubject { doctor.subject }
    var venue: Venue { doctor.subject.venue }
    var environment: DoctorEnvironment { doctor.environment }

    var credentials: Credentials?
    var client: (any ExchangeClient)?
    /// Why no client could be made for a well-formed key.
    var clientError: SentinelError?
    /// Why the remaining checks cannot mean anything, once that is known.
    var stopReason: String?
    /// The error of the first authenticated read, if it failed.
    var authError: SentinelError?
    /// An environment where the key did authenticate, if not this one.
    var keyHome: Venue?
    var permissions: KeyPermissions?
    var permissionsError: SentinelError?
    var clock: ClockEstimate?

    init(doctor: Doctor) {
        self.doctor = doctor
    }

    mutating func perform(_ id: DoctorCheckID) async -> DoctorCheck {
        switch id {
        case .credentials: return checkCredentials()
        case .environment: return await checkEnvironment()
        case .clock: return await checkClock()
        case .auth: return checkAuth()
        case .permissionsRead: return await checkRead()
        case .permissionsTrade: return checkTrade()
        case .permissionsWithdraw: return checkWithdraw()
        case .permissionsTransfer: return checkTransfer()
        case .ipWhitelist: return await checkIPWhitelist()
        case .expiry: return checkExpiry()
        case .readTest: return await readTest()
        case .orderTest: return await orderTest()
        case .positionTest: return await positionTest()
        case .reconnectTest: return await reconnectTest()
        }
    }

    func finish() async {
        await client?.shutdown()
    }

    var venueEvidence: [String: String] {
        ["venue": venue.description, "host": venue.environment.customEndpoint ?? "\(venue.exchange) \(venue.environment.kind)"]
    }
}
