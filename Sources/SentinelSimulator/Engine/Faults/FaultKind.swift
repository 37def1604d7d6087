/// The failures the simulator can inject (design.md §2, `POST /faults`).
enum FaultKind: String, Sendable, CaseIterable, Codable {
    /// Answer late, by `latencyMs`.
    case latency
    /// Answer 5xx without processing.
    case error5xx = "error5xx"
    /// Answer the exchange's rate-limit error (429) without processing.
    case rateLimit = "rate-limit"
    /// Process the request (an order is accepted and kept) but never answer.
    case timeoutAfterAccept = "timeout-after-accept"
    /// Close the connection without processing or answering.
    case reset
    /// Process the request (an order is accepted and kept), then close the connection without answering.
    case resetAfterAccept = "reset-after-accept"
    /// Process the request (an order is accepted and kept), then answer 5xx as if it had failed.
    case error5xxAfterAccept = "error5xx-after-accept"
    /// Close a WebSocket stream.
    case wsDrop = "ws-drop"
    /// Skip sequence numbers in a WebSocket stream.
    case sequenceGap = "seq-gap"

    /// Whether the fault acts on WebSocket streams rather than HTTP requests.
    var isStreamFault: Bool { self == .wsDrop || self == .sequenceGap }
}
