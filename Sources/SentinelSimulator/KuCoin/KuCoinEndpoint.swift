/// KuCoin's resource pools (kucoin.md §5): a quota per 30 s window, public per IP, the others per account.
enum KuCoinPool: String, Sendable {
    case publicPool = "public"
    case spot
    case futures
    case management

    /// VIP0 quotas.
    var limit: Int {
        switch self {
        case .publicPool: 2_000
        case .spot: 4_000
        case .futures: 2_000
        case .management: 2_000
        }
    }

    static let windowMilliseconds: Int64 = 30_000
}

typealias KuCoinHandler = @Sendable (inout KuCoinCall, inout EngineState) throws(KuCoinError) -> JSONValue

/// One REST endpoint: method, path pattern (`{orderId}` segments are variables), the permission it needs, its pool
/// and weight, and the handler that returns `data`.
struct KuCoinEndpoint: Sendable {
    let method: String
    let pattern: [String]
    let security: KuCoinSecurity
    let pool: KuCoinPool
    let weight: Int
    let handler: KuCoinHandler

    init(
        _ method: String, _ path: String, _ security: KuCoinSecurity, _ pool: KuCoinPool, weight: Int,
        handler: @escaping KuCoinHandler
    ) {
        self.method = method
        self.pattern = path.split(separator: "/").map(String.init)
        self.security = security
        self.pool = pool
        self.weight = weight
        self.handler = handler
    }

    var isVariable: Bool { pattern.contains { $0.hasPrefix("{") } }

    /// The path variables when `segments` match this endpoint's pattern.
    func match(_ segments: [String]) -> [String]? {
        guard segments.count == pattern.count else { return nil }
        var variables: [String] = []
        for (part, segment) in zip(pattern, segments) {
            if part.hasPrefix("{") {
                guard !segment.isEmpty else { return nil }
                variables.append(KuCoinSignature.percentDecoded(segment))
            } else if part != segment {
                return nil
            }
        }
        return variables
    }
}
