import SentinelCore
import SentinelNet

/// The KuCoin client: spot (`api.kucoin.com`) or USDT-margined futures (`api-futures.kucoin.com`), live only, or any
/// custom endpoint that speaks KuCoin (the local simulator). Everything but KuCoin's own part is the shared
/// `VenueClient`.
public typealias KuCoinClient = VenueClient<KuCoinConnector>
