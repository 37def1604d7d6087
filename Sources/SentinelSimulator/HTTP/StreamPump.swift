import HummingbirdWebSocket

/// Serves one WebSocket market-data stream: at the stream's interval asks for the next event and writes it, applying
/// stream faults (`ws-drop` closes the connection abruptly, `seq-gap` loses the event so the sequence skips).
struct StreamPump: Sendable {
    let listener: String
    let exchange: String
    let path: String
    let engine: SimulatorEngine
    let closeConnection: @Sendable () -> Void

    /// `initial` has taken its baseline already (at the handshake).
    func run(_ initial: any MarketStream, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            // Reading keeps control frames (ping, close) flowing; when the client goes, the pump stops.
            group.addTask { for try await _ in inbound {} }
            group.addTask { try await pump(initial, outbound: outbound) }
            _ = try await group.next()
            group.cancelAll()
        }
    }

    private func pump(_ initial: any MarketStream, outbound: WebSocketOutboundWriter) async throws {
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
