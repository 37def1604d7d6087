import SentinelCore
import SentinelNet

/// The Binance client: spot (binance.com and Binance.US) or USDⓈ-M, live, testnet or demo, or any custom endpoint
/// that speaks Binance (the local simulator). Everything but Binance's own part is the shared `VenueClient`.
public typealias BinanceClient = VenueClient<BinanceConnector>
