import SentinelCore

struct BybitModule: ExchangeModule {
    var exchanges: [ExchangeID] { [.bybit] }
    var acceptsRecvWindow: Bool { true }

    func signer(for venue: Venue, credentials: Credentials, recvWindow: Int?) throws(SentinelError)
        -> any RequestSigner
    {
        try BybitSigner(credentials: credentials, venue: venue, recvWindow: recvWindow ?? BybitEndpoints.defaultRecvWindow)
    }

    func guidance(for exchange: ExchangeID) -> ExchangeGuidance { .bybit }
}
