/// A market-data stream served over a WebSocket: asked at its interval for the next message, which is nil when
/// there is nothing new. The listener delivers the messages and applies `ws-drop` and `seq-gap` faults.
protocol MarketStream: Sendable {
    var intervalMilliseconds: Int { get }

    /// The next event, already accounted for in the stream's sequence (dropping it makes a real gap).
    mutating func next(_ state: inout EngineState) -> String?
}
