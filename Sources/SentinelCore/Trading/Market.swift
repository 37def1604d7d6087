/// A tradable market: its unified and native names, how the exchange counts an order's size, and the rules every
/// order must meet.
public struct Market: Sendable, Hashable, Codable {
    public var symbol: UnifiedSymbol
    /// The exchange's own id: `BTCUSDT`, `BTC-USDT-SWAP`, `XBTUSDTM`.
    public var nativeSymbol: String
    public var product: Product
    public var isTrading: Bool
    /// The rules in base-currency terms: `OrderRequest` quantities are always base units.
    public var rules: MarketRules
    /// How the exchange counts size on the wire. Connectors convert exactly between base units and contracts.
    public var sizing: ContractSizing

    public init(
        symbol: UnifiedSymbol, nativeSymbol: String, product: Product, isTrading: Bool, rules: MarketRules,
        sizing: ContractSizing = .baseUnits
    ) {
        self.symbol = symbol
        self.nativeSymbol = nativeSymbol
        self.product = product
        self.isTrading = isTrading
        self.rules = rules
        self.sizing = sizing
    }

    /// The settlement asset: the quote for spot and linear, the base for inverse.
    public var settleAsset: String { symbol.settle ?? symbol.quote }
}

/// The filters an exchange applies to orders on one market. A nil rule is not enforced by the exchange.
public struct MarketRules: Sendable, Hashable, Codable {
    public var tickSize: Price
    public var stepSize: Quantity
    public var minQuantity: Quantity
    public var maxQuantity: Quantity?
    /// Step size for market orders where it differs (Binance MARKET_LOT_SIZE).
    public var marketStepSize: Quantity?
    public var marketMaxQuantity: Quantity?
    public var minNotional: Amount?
    public var minPrice: Price?
    public var maxPrice: Price?
    /// A limit price must lie within [reference × down, reference × up] (Binance PERCENT_PRICE and friends).
    public var percentPriceUp: ExactDecimal?
    public var percentPriceDown: ExactDecimal?

    public init(
        tickSize: Price, stepSize: Quantity, minQuantity: Quantity, maxQuantity: Quantity? = nil,
        marketStepSize: Quantity? = nil, marketMaxQuantity: Quantity? = nil, minNotional: Amount? = nil,
        minPrice: Price? = nil, maxPrice: Price? = nil, percentPriceUp: ExactDecimal? = nil,
        percentPriceDown: ExactDecimal? = nil
    ) {
        self.tickSize = tickSize
        self.stepSize = stepSize
        self.minQuantity = minQuantity
        self.maxQuantity = maxQuantity
        self.marketStepSize = marketStepSize
        self.marketMaxQuantity = marketMaxQuantity
        self.minNotional = minNotional
        self.minPrice = minPrice
        self.maxPrice = maxPrice
        self.percentPriceUp = percentPriceUp
        self.percentPriceDown = percentPriceDown
    }

    /// True when limit prices must lie within a band around the market price.
    public var hasPriceBand: Bool { percentPriceUp != nil || percentPriceDown != nil }
}
