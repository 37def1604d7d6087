import SentinelCore
import SentinelNet

/// Settings shared by every connector.
public struct ClientConfiguration: Sendable {
    /// How long to wait for an answer before the outcome counts as unknown.
    public var requestTimeoutMs: Int64
    /// Retries of reads after network errors and 5xx answers.
    public var readRetry: RetryPolicy
    /// Where orders are recorded before they are sent; nil keeps no journal (not recommended for real money).
    public var journal: OrderJournal?
    /// Binance/Bybit `recvWindow`; nil keeps the exchange's default.
    public var recvWindow: Int?
    /// Local time in Unix milliseconds (replaceable in tests).
    public var now: @Sendable () -> Int64
    /// How order look-ups after an ambiguous placement are spaced.
    public var lookUpDelaysMs: [Int64]
    /// Lets a custom endpoint on another machine be plain `http://` (the key and signed requests then cross the
    /// network readable). Off: such an endpoint is refused before anything is sent.
    public var allowsInsecureHTTP: Bool
    /// A client made without a key (`ExchangeRegistry.publicClient`): public data only; anything signed is
    /// refused before it is sent.
    public var publicDataOnly = false

    public init(
        requestTimeoutMs: Int64 = 10_000, readRetry: RetryPolicy = RetryPolicy(), journal: OrderJournal? = nil,
        recvWindow: Int? = nil, now: @escaping @Sendable () -> Int64 = SystemClock.nowMs,
        lookUpDelaysMs: [Int64] = [300, 700, 1_500, 3_000], allowsInsecureHTTP: Bool = false
    ) {
        self.requestTimeoutMs = requestTimeoutMs
        self.readRetry = readRetry
        self.journal = journal
        self.recvWindow = recvWindow
        self.now = now
        self.lookUpDelaysMs = lookUpDelaysMs
        self.allowsInsecureHTTP = allowsInsecureHTTP
    }
}

func sleep(milliseconds: Int64) async {
    guard milliseconds > 0 else { return }
    try? await Task.sleep(for: .milliseconds(milliseconds))
}
