import HummingbirdWebSocket

/// Serves one WebSocket market-data stream: at the stream's interval asks for the next event and writes it, applying
/// stream faults (`ws-drop` closes the connection abruptly, `seq-gap` loses the event so the sequence skips).
struct StreamPump: Sendable {
    let listener: String
    let exchange: String
    let path: String
    let engine: SimulatorEngine
    let closeConnection: @Sendable () -> Void
    /// The stream, past its baseline.
    private let initial: any MarketStream

    /// Takes the stream's baseline (its first `next`, which sends nothing) now: made at the handshake, before its
    /// answer, the pump then reports what happens once the client holds an open stream (an order it places at once),
    /// however late its task starts.
    init(
        listener: String, exchange: String, path: String, stream: any MarketStream, engine: SimulatorEngine,
        closeConnection: @escaping @Sendable () -> Void
    ) {
        self.listener = listener
        self.exchange = exchange
        self.path = path
        self.engine = engine
        self.closeConnection = closeConnection
        var stream = stream
        _ = engine.withState { stream.next(&$0) }
        initial = stream
    }

    func run(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            // Reading keeps control frames (ping, close) flowing; when the client goes, the pump stops.
            group.addTask { for try await _ in inbound {} }
            group.addTask { try await pump(outbound: outbound) }
            _ = try await group.next()
            group.cancelAll()
        }
    }

    private func pump(outbound: WebSocketOutboundWriter) async throws {
        var stream = initial
        while !Task.isCancelled, !engine.isStopping {
            try await Task.sleep(for: .milliseconds(stream.intervalMilliseconds))
            let (message, fault) = engine.withState { state -> (String?, FaultKind?) in
                guard let message = stream.next(&state) else { return (nil, nil) }
                let fault = state.faults.select(listener: listener, exchange: exchange, path: path, streams: true)
                return (message, fault?.kind)
            }
            switch fault {
            case .wsDrop?:
                closeConnection()
                return
            case .sequenceGap?:
                continue
            default:
                if let message { try await outbound.write(.text(message)) }
            }
        }
    }
}
