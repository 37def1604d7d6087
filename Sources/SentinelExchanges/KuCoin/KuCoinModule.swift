import SentinelCore

struct KuCoinModule: ExchangeModule {
    var exchanges: [ExchangeID] { [.kucoin] }

    func signer(for venue: Venue, credentials: Credentials, recvWindow: Int?) throws(SentinelError)
        -> any RequestSigner
    {
        try KuCoinSigner(credentials: credentials, venue: venue)
    }

    func guidance(for exchange: ExchangeID) -> ExchangeGuidance { .kucoin }
}
