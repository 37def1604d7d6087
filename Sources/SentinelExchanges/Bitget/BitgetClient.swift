import SentinelCore
import SentinelNet

/// The Bitget client: spot, USDT-M and Coin-M futures, live or demo (one host, `paptrading: 1`), or any custom
/// endpoint that speaks Bitget V2 (the local simulator). Everything but Bitget's own part is the shared `VenueClient`.
public typealias BitgetClient = VenueClient<BitgetConnector>
