import SentinelCore

/// Bitget V2's JSON shapes (bitget.md §3, §4). Numbers are strings, `""` means "not set" (`WireDecimal`), and
/// `requestTime` comes as a number or a string.
enum BitgetWire {
    /// `{"code":"00000","msg":"success","requestTime":…,"data":…}`; errors carry `data: null`.
    typealias Envelope<Payload: Decodable> = CodedEnvelope<Payload>
    typealias Head = CodedHead

    struct ServerTime: Decodable {
        let serverTime: LenientInt
    }

    struct SpotSymbol: Decodable {
        let symbol: String
        let baseCoin: String
        let quoteCoin: String
        let pricePrecision: LenientInt
        let quantityPrecision: LenientInt
        let minTradeAmount: WireDecimal?
        let maxTradeAmount: WireDecimal?
        let minTradeUSDT: WireDecimal?
        let status: String
    }

    struct Contract: Decodable {
        let symbol: String
        let baseCoin: String
        let quoteCoin: String
        let supportMarginCoins: [String]?
        let minTradeNum: WireDecimal
        let sizeMultiplier: WireDecimal
        let pricePlace: LenientInt
        let priceEndStep: LenientInt
        let volumePlace: LenientInt?
        let minTradeUSDT: WireDecimal?
        let maxOrderQty: WireDecimal?
        let maxMarketOrderQty: WireDecimal?
        let symbolType: String?
        let symbolStatus: String?
    }

    struct Ticker: Decodable {
        let symbol: String
        let lastPr: WireDecimal?
        let bidPr: WireDecimal?
        let askPr: WireDecimal?
    }

    struct Asset: Decodable {
        let coin: String
        let available: WireDecimal?
        let frozen: WireDecimal?
        let locked: WireDecimal?
    }

    struct FuturesAccount: Decodable {
        let marginCoin: String
        let available: WireDecimal?
        let locked: WireDecimal?
        let accountEquity: WireDecimal?
        let unrealizedPL: WireDecimal?
    }

    struct Position: Decodable {
        let symbol: String
        let marginCoin: String?
        let holdSide: String
        let total: WireDecimal?
        let leverage: WireDecimal?
        let openPriceAvg: WireDecimal?
        let marginMode: String?
        let posMode: String?
        let unrealizedPL: WireDecimal?
        let liquidationPrice: WireDecimal?
        let markPrice: WireDecimal?
    }

    /// `{"orderId":…,"clientOid":…}` of a place or cancel answer.
    struct OrderIDs: Decodable {
        let orderId: LenientID?
        let clientOid: String?
    }

    struct BatchFailure: Decodable {
        let orderId: LenientID?
        let clientOid: String?
        let errorMsg: String?
        let errorCode: LenientID?
    }

    struct Batch: Decodable {
        let successList: [OrderIDs]?
        let failureList: [BatchFailure]?
    }

    /// Spot `orderInfo`/`unfilled-orders` (`status`) and futures `detail`/`orders-pending` (`state`) alike.
    struct Order: Decodable {
        let symbol: String
        let orderId: LenientID
        let clientOid: String?
        let price: WireDecimal?
        let size: WireDecimal?
        let orderType: String?
        let side: String
        let status: String?
        let state: String?
        let force: String?
        let priceAvg: WireDecimal?
        let baseVolume: WireDecimal?
        let reduceOnly: String?
        let cTime: WireDecimal?
        let uTime: WireDecimal?
    }

    struct PendingOrders: Decodable {
        let entrustedList: [Order]?
    }

    /// `GET /api/v2/spot/account/info`: the calling key's `authorities` and `ips` (bitget.md §4).
    struct KeyInfo: Decodable {
        let userId: LenientID?
        let ips: String?
        let authorities: [String]?
        let parentId: LenientID?
    }

    /// One item of `/api/v2/spot/wallet/withdrawal-records`: strings throughout, times in ms; `size` includes the fee
    /// and `fee` is negative.
    struct WithdrawalRow: Decodable {
        let orderId: String
        let tradeId: String?
        let coin: String
        let size: WireDecimal
        let fee: WireDecimal?
        let status: String
        let toAddress: String
        let chain: String?
        let cTime: LenientInt
    }
}
