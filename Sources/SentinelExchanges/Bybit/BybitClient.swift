import SentinelCore
import SentinelNet

/// The Bybit V5 client: spot, linear (USDT perpetual) or inverse, on mainnet, testnet or demo, or any custom
/// endpoint that speaks Bybit V5 (the local simulator). Everything but Bybit's own part is the shared `VenueClient`.
public typealias BybitClient = VenueClient<BybitConnector>
