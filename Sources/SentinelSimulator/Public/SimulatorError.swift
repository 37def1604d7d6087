/// Why the simulator could not start or refused an admin request. The description says what to do.
public enum SimulatorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The host is not a loopback address: the simulator never serves on a public interface.
    case notLoopback(host: String)
    case portInUse(port: Int, listener: String)
    case cannotListen(port: Int, listener: String, reason: String)
    /// An admin request with bad input; the message names the field.
    case invalidRequest(String)

    public var description: String {
        switch self {
        case .notLoopback(let host):
            "refusing to serve on \(host): the simulator listens on loopback only (127.0.0.1, ::1 or localhost)"
        case .portInUse(let port, let listener):
            "port \(port) (\(listener)) is already in use; stop the process using it or choose another --port-base"
        case .cannotListen(let port, let listener, let reason):
            "cannot listen on port \(port) (\(listener)): \(reason)"
        case .invalidRequest(let message):
            message
        }
    }
}
