import SentinelCore

/// Binance's JSON shapes (binance.md §4), as sent by spot, USDⓈ-M and Binance.US.
enum BinanceWire {
    struct ErrorBody: Decodable {
        let code: Int
        let msg: String
    }

    struct ServerTime: Decodable {
        let serverTime: LenientInt
    }

    struct ExchangeInfo: Decodable {
        let rateLimits: [RateLimit]?
        let symbols: [SymbolInfo]
    }

    struct RateLimit: Decodable {
        let rateLimitType: String
        let interval: String
        let intervalNum: Int
        let limit: Int
    }

    struct SymbolInfo: Decodable {
        let symbol: String
        let status: String
        let baseAsset: String
        let quoteAsset: String
        let marginAsset: String?
        let contractType: String?
        let filters: [Filter]
    }

    /// One entry of `filters`; each filter type fills some of these.
    struct Filter: Decodable {
        let filterType: String
        let minPrice: ExactDecimal?
        let maxPrice: ExactDecimal?
        let tickSize: ExactDecimal?
        let minQty: ExactDecimal?
        let maxQty: ExactDecimal?
        let stepSize: ExactDecimal?
        let minNotional: ExactDecimal?
        let notional: ExactDecimal?
        let multiplierUp: ExactDecimal?
        let multiplierDown: ExactDecimal?
        let bidMultiplierUp: ExactDecimal?
        let bidMultiplierDown: ExactDecimal?
        let askMultiplierUp: ExactDecimal?
        let askMultiplierDown: ExactDecimal?
    }

    struct SpotAccount: Decodable {
        let balances: [SpotBalance]
        let canTrade: LenientBool?
    }

    struct SpotBalance: Decodable {
        let asset: String
        let free: ExactDecimal
        let locked: ExactDecimal
    }

    struct FuturesBalance: Decodable {
        let asset: String
        let balance: ExactDecimal
        let availableBalance: ExactDecimal
    }

    struct PositionRisk: Decodable {
        let symbol: String
        let positionAmt: ExactDecimal
        let entryPrice: ExactDecimal
        let markPrice: ExactDecimal?
        let unRealizedProfit: ExactDecimal
        let liquidationPrice: ExactDecimal?
        let leverage: ExactDecimal?
    }

    /// An order from place, query, cancel and open-orders, spot or futures.
    struct OrderBody: Decodable {
        let symbol: String
        let orderId: LenientID
        let clientOrderId: String?
        let origClientOrderId: String?
        let price: ExactDecimal?
        let avgPrice: ExactDecimal?
        let origQty: ExactDecimal
        let executedQty: ExactDecimal
        let cummulativeQuoteQty: ExactDecimal?
        let cumQuote: ExactDecimal?
        let status: String
        let timeInForce: String?
        let type: String
        let side: String
        let reduceOnly: LenientBool?
        let time: LenientInt?
        let transactTime: LenientInt?
        let updateTime: LenientInt?
    }

    struct Ticker24h: Decodable {
        let symbol: String
        let lastPrice: ExactDecimal?
        let bidPrice: ExactDecimal?
        let askPrice: ExactDecimal?
    }

    struct TickerPrice: Decodable {
        let symbol: String
        let price: ExactDecimal
    }

    /// One row of `/sapi/v1/capital/withdraw/history`; `applyTime` is UTC text, `2019-10-12 11:12:02`.
    struct WithdrawRecord: Decodable {
        let id: String
        let amount: ExactDecimal
        let transactionFee: ExactDecimal?
        let coin: String
        let status: LenientInt
        let address: String
        let txId: String?
        let applyTime: String
        let network: String?
    }

    struct APIRestrictions: Decodable {
        let ipRestrict: LenientBool
        let createTime: LenientInt?
        let enableReading: LenientBool
        let enableWithdrawals: LenientBool
        let enableInternalTransfer: LenientBool?
        let permitsUniversalTransfer: LenientBool?
        let enableFutures: LenientBool?
        let enableSpotAndMarginTrading: LenientBool
        let tradingAuthorityExpirationTime: LenientInt?
    }

    struct CancelAllBody: Decodable {
        let code: Int?
    }
}
