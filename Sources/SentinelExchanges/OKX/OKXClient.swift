import SentinelCore
import SentinelNet

/// The OKX client: spot and swaps, live or demo (one host, `x-simulated-trading: 1`), or any custom endpoint that
/// speaks OKX V5 (the local simulator). Everything but OKX's own part is the shared `VenueClient`.
public typealias OKXClient = VenueClient<OKXConnector>
