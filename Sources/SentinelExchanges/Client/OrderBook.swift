import SentinelCore

/// A market's book as the exchange's REST snapshot gives it: best bid first, best ask first, quantities in the base
/// asset (contracts converted).
public struct OrderBook: Sendable, Hashable, Codable {
    public struct Level: Sendable, Hashable, Codable {
        public var price: Price
        public var quantity: Quantity

        public init(price: Price, quantity: Quantity) {
            self.price = price
            self.quantity = quantity
        }
    }

    public var symbol: UnifiedSymbol
    public var bids: [Level]
    public var asks: [Level]

    public init(symbol: UnifiedSymbol, bids: [Level], asks: [Level]) {
        self.symbol = symbol
        self.bids = bids
        self.asks = asks
    }

    /// Levels from the `[[price, size, …], …]` rows every exchange sends, sizes turned into base units by
    /// `market`'s contract sizing; `depth` at most.
    static func levels(_ rows: [BookRow], market: Market, depth: Int, path: String) throws(SentinelError) -> [Level] {
        var levels: [Level] = []
        for row in rows.prefix(depth) {
            guard let price = row.price, price.isPositive, let size = row.size, !size.isNegative,
                let quantity = market.sizing.baseQuantity(ofContracts: size, at: Price(price))
            else {
                throw SentinelError(
                    .badResponse,
                    Diagnosis(cause: "The answer to \(path) has a book level Sentinel cannot read (no price or size)."))
            }
            levels.append(Level(price: Price(price), quantity: quantity))
        }
        return levels
    }

    /// A book answered as sides of rows, with `depth` levels a side at most.
    static func from(
        bids: [BookRow], asks: [BookRow], market: Market, depth: Int, path: String
    ) throws(SentinelError) -> OrderBook {
        OrderBook(
            symbol: market.symbol, bids: try levels(bids, market: market, depth: depth, path: path),
            asks: try levels(asks, market: market, depth: depth, path: path))
    }

    static func from(_ sides: BookSides, market: Market, depth: Int, path: String) throws(SentinelError) -> OrderBook {
        try from(bids: sides.bids, asks: sides.asks, market: market, depth: depth, path: path)
    }
}

/// `{"bids": [...], "asks": [...]}`, as Binance, OKX, KuCoin and Bitget answer a book (Bybit names them `b`, `a`).
struct BookSides: Decodable, Sendable {
    let bids: [BookRow]
    let asks: [BookRow]
}

/// One book row, `["price", "size", …]` or `[price, size, …]`: the first two values, strings or numbers.
struct BookRow: Decodable, Sendable {
    let price: ExactDecimal?
    let size: ExactDecimal?

    init(from decoder: any Decoder) throws {
        var row = try decoder.unkeyedContainer()
        price = try row.decode(WireDecimal.self).value
        size = try row.decode(WireDecimal.self).value
    }
}
