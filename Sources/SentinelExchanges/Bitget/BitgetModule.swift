import SentinelCore

struct BitgetModule: ExchangeModule {
    var exchanges: [ExchangeID] { [.bitget] }

    func signer(for venue: Venue, credentials: Credentials, recvWindow: Int?) throws(SentinelError)
        -> any RequestSigner
    {
        try BitgetSigner(credentials: credentials, venue: venue)
    }

    func guidance(for exchange: ExchangeID) -> ExchangeGuidance { .bitget }
}
