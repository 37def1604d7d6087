import Hummingbird

/// Request context carrying what the dialects need from the connection: the client's address (for IP whitelists
/// and per-IP weights) and a way to drop the connection without answering (injected resets and timeouts).
struct SimulatorRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let clientIP: String
    let closeConnection: @Sendable () -> Void

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        let channel = source.channel
        clientIP = channel.remoteAddress?.ipAddress ?? "127.0.0.1"
        closeConnection = { channel.close(promise: nil) }
    }
}
