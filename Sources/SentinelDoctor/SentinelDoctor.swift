// SentinelDoctor: key audit, connection tests and the troubleshooter; talks to `ExchangeClient` only.
import SentinelCore
import SentinelExchanges

/// The checks of `sentinel doctor`, in the order they run (design.md §2).
public enum DoctorCheckID: String, Sendable, CaseIterable, Codable {
    case credentials
    case environment
    case clock
    case auth
    case permissionsRead = "permissions.read"
    case permissionsTrade = "permissions.trade"
    case permissionsWithdraw = "permissions.withdraw"
    case permissionsTransfer = "permissions.transfer"
    case ipWhitelist = "ip-whitelist"
    case expiry
    case readTest = "read-test"
    case orderTest = "order-test"
    case positionTest = "position-test"
    case reconnectTest = "reconnect-test"
}
