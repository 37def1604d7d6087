/// Sends one request and returns the exchange's answer. The logic above it (signing, rate limits, retries) never
/// touches the network itself, so it can be tested against any transport.
public protocol HTTPTransport: Sendable {
    func send(_ request: SignedRequest, timeoutMs: Int64) async throws(TransportFailure) -> HTTPResponse
    /// Closes every pooled connection; the next request opens a new one.
    func dropConnections() async
    func shutdown() async
}

public struct HTTPResponse: Sendable {
    public let status: Int
    public let headers: [(name: String, value: String)]
    public let body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The value of a header, matched without regard to ASCII case.
    public func header(_ name: String) -> String? {
        headers.first { HeaderName.matches($0.name, name) }?.value
    }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// Why a request got no HTTP answer. The difference matters for orders: a request that was never sent can be sent
/// again; one that may have arrived must first be looked up on the exchange.
public enum TransportFailure: Error, Sendable, Equatable {
    /// The request certainly did not reach the exchange (no connection could be made).
    case notSent(String)
    /// The request may have reached the exchange, but no answer came (timeout, connection reset).
    case noAnswer(String)

    public var detail: String {
        switch self {
        case .notSent(let text), .noAnswer(let text): text
        }
    }

    public var mayHaveArrived: Bool {
        if case .noAnswer = self { return true }
        return false
    }
}
