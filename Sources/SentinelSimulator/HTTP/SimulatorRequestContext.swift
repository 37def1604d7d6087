import Hummingbird
import NIOCore
import Synchronization

/// Request context carrying what the dialects need from the connection: the client's address (for IP whitelists
/// and per-IP weights) and a way to drop the connection without answering (injected resets and timeouts).
struct SimulatorRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let clientIP: String
    private let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
        clientIP = channel.remoteAddress?.ipAddress ?? "127.0.0.1"
    }

    func closeConnection() {
        channel.close(promise: nil)
    }

    /// Closes the connection after `milliseconds` unless the returned deadline is cancelled first. A timer on the
    /// connection's event loop: a task group with a sleeping child per request cost the simulator more than the
    /// rest of a POST.
    func closeConnection(afterMilliseconds milliseconds: Int) -> ConnectionDeadline {
        let deadline = ConnectionDeadline()
        let channel = channel
        let timer = channel.eventLoop.scheduleTask(in: .milliseconds(Int64(milliseconds))) {
            deadline.markExpired()
            channel.close(promise: nil)
        }
        deadline.attach(timer)
        return deadline
    }
}

/// A pending close of a connection, and whether it happened.
final class ConnectionDeadline: Sendable {
    private let state = Mutex<(expired: Bool, timer: Scheduled<Void>?)>((false, nil))

    var hasExpired: Bool { state.withLock { $0.expired } }

    fileprivate func attach(_ timer: Scheduled<Void>) {
        state.withLock { $0.timer = timer }
    }

    fileprivate func markExpired() {
        state.withLock { $0.expired = true }
    }

    func cancel() {
        state.withLock { $0.timer }?.cancel()
    }
}
