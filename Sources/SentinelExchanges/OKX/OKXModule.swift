import SentinelCore

struct OKXModule: ExchangeModule {
    var exchanges: [ExchangeID] { [.okx] }

    func signer(for venue: Venue, credentials: Credentials, recvWindow: Int?) throws(SentinelError)
        -> any RequestSigner
    {
        try OKXSigner(credentials: credentials, venue: venue)
    }

    func guidance(for exchange: ExchangeID) -> ExchangeGuidance { .okx }
}
