/// One injected fault: where it applies and how often.
struct FaultRule: Sendable, Equatable {
    /// An exchange (`binance` covers its spot and futures listeners) or a listener name (`binance-usdm`).
    let scope: String
    let kind: FaultKind
    /// Applies to request paths starting with this (after any `/testnet` or `/demo` prefix); nil = every path.
    let path: String?
    /// Fires this many more times, then retires; nil = no count limit.
    var remaining: Int?
    /// Fires with this probability (0...1) on each matching request; nil = always.
    let probability: Double?
    let latencyMilliseconds: Int?

    func applies(toListener listener: String, exchange: String, path requestPath: String) -> Bool {
        guard scope == listener || scope == exchange else { return false }
        guard let path else { return true }
        return requestPath.hasPrefix(path)
    }
}
