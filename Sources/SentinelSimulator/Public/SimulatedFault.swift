/// A fault to inject: the body of the admin API's `POST /faults`.
public struct SimulatedFault: Sendable, Codable, Equatable {
    /// An exchange (`binance` covers its spot and USDⓈ-M listeners) or a listener name such as `binance-usdm`.
    public var exchange: String
    /// `latency`, `error5xx`, `rate-limit`, `timeout-after-accept`, `reset`, `reset-after-accept`,
    /// `error5xx-after-accept`, `ws-drop` or `seq-gap`.
    public var kind: String
    /// Only requests whose path starts with this, e.g. `/api/v3/order`; nil = every path.
    public var path: String?
    /// Fire this many times, then stop. With neither `count` nor `probability` the fault fires on every request.
    public var count: Int?
    /// Fire on each matching request with this probability (0...1).
    public var probability: Double?
    /// Delay for `latency`; for `timeout-after-accept`, how long the response is held before the connection is
    /// closed without an answer (default 30 000).
    public var latencyMs: Int?

    public init(
        exchange: String, kind: String, path: String? = nil, count: Int? = nil, probability: Double? = nil,
        latencyMs: Int? = nil
    ) {
        self.exchange = exchange
        self.kind = kind
        self.path = path
        self.count = count
        self.probability = probability
        self.latencyMs = latencyMs
    }

    /// The names `kind` takes, in the order the admin API documents them.
    public static var kinds: [String] { FaultKind.allCases.map(\.rawValue) }
}
