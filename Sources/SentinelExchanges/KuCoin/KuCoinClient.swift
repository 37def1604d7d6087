import SentinelCore
import SentinelNet

/// The KuCoin client: spot (`api.kucoin.com`) or USDT-margined futures (`api-futures.kucoin.com`), live only, or any
/// custom endpoint that speaks KuCoin (the local simulator). Everything but KuCoin's own part is the shared
/// `VenueClient`.
public typealias KuCoinClient = VenueClient<KuCoinConnector>

extension VenueClient where Connector == KuCoinConnector {
    public convenience init(
        venue: Venue, credentials: Credentials, transport: any HTTPTransport = AsyncHTTPTransport(),
        configuration: ClientConfiguration = ClientConfiguration()
    ) throws(SentinelError) {
        self.init(
            connector: try KuCoinConnector(
                venue: venue, credentials: credentials,
                validityMs: configuration.recvWindow ?? KuCoinEndpoints.timestampWindowMs),
            transport: transport, configuration: configuration)
    }
}
