import SentinelCore
import SentinelNet

/// The Binance client: spot (binance.com and Binance.US) or USDⓈ-M, live, testnet or demo, or any custom endpoint
/// that speaks Binance (the local simulator). Everything but Binance's own part is the shared `VenueClient`.
public typealias BinanceClient = VenueClient<BinanceConnector>

extension VenueClient where Connector == BinanceConnector {
    public convenience init(
        venue: Venue, credentials: Credentials, transport: any HTTPTransport = AsyncHTTPTransport(),
        configuration: ClientConfiguration = ClientConfiguration()
    ) throws(SentinelError) {
        self.init(
            connector: try BinanceConnector(
                venue: venue, credentials: credentials,
                recvWindow: configuration.recvWindow ?? BinanceEndpoints.defaultRecvWindow),
            transport: transport, configuration: configuration)
    }
}
