import SentinelCore
import SentinelSimulator

extension SimulatorVenue {
    /// The simulator listener that serves `venue`'s exchange and product (design.md §2 ports).
    static func serving(_ venue: Venue) -> SimulatorVenue? {
        switch (venue.exchange, venue.product) {
        case (.binance, .spot): .binance
        case (.binance, .linear): .binanceUSDM
        case (.binance, .inverse): nil
        case (.binanceUS, _): .binanceUS
        case (.bybit, _): .bybit
        case (.okx, _): .okx
        case (.kucoin, .spot): .kucoin
        case (.kucoin, _): .kucoinFutures
        case (.bitget, _): .bitget
        }
    }
}
