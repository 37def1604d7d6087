import SentinelCore
import SentinelNet

struct OKXModule: ExchangeModule {
    var exchanges: [ExchangeID] { [.okx] }
    var hasConnector: Bool { true }

    func signer(for venue: Venue, credentials: Credentials, recvWindow: Int?) throws(SentinelError)
        -> any RequestSigner
    {
        try OKXSigner(credentials: credentials, venue: venue)
    }

    func client(
        for venue: Venue, credentials: Credentials, transport: any HTTPTransport, configuration: ClientConfiguration
    ) throws(SentinelError) -> (any ExchangeClient)? {
        try OKXClient(venue: venue, credentials: credentials, transport: transport, configuration: configuration)
    }

    func guidance(for exchange: ExchangeID) -> ExchangeGuidance { .okx }
}
