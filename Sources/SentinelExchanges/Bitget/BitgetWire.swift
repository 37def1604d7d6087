import SentinelCore

/// Bitget V2's JSON shapes (bitget.md §3, §4). Numbers are strings, `""` means "not set" (`BitgetNumber`), and
/// `requestTime` comes as a number or a string.
enum BitgetWire {
    /// `{"code":"00000","msg":"success","requestTime":…,"data":…}`; errors carry `data: null`.
    struct Envelope<Payload: Decodable>: Decodable {
        let code: String
        let msg: String?
        let data: Payload?
    }

    /// Only the verdict of an answer, whatever its `data`.
    struct Head: Decodable {
        let code: String
        let msg: String?
    }

    struct ServerTime: Decodable {
        let serverTime: LenientInt
    }

    struct SpotSymbol: Decodable {
        let symbol: String
        let baseCoin: String
        let quoteCoin: String
        let pricePrecision: LenientInt
        let quantityPrecision: LenientInt
        let minTradeAmount: BitgetNumber?
        let maxTradeAmount: BitgetNumber?
        let minTradeUSDT: BitgetNumber?
        let status: String
    }

    struct Contract: Decodable {
        let symbol: String
        let baseCoin: String
        let quoteCoin: String
        let supportMarginCoins: [String]?
        let minTradeNum: BitgetNumber
        let sizeMultiplier: BitgetNumber
        let pricePlace: LenientInt
        let priceEndStep: LenientInt
        let volumePlace: LenientInt?
        let minTradeUSDT: BitgetNumber?
        let maxOrderQty: BitgetNumber?
        let maxMarketOrderQty: BitgetNumber?
        let symbolType: String?
        let symbolStatus: String?
    }

    struct Ticker: Decodable {
        let symbol: String
        let lastPr: BitgetNumber?
        let bidPr: BitgetNumber?
        let askPr: BitgetNumber?
    }

    struct Asset: Decodable {
        let coin: String
        let available: BitgetNumber?
        let frozen: BitgetNumber?
        let locked: BitgetNumber?
    }

    struct FuturesAccount: Decodable {
        let marginCoin: String
        let available: BitgetNumber?
        let locked: BitgetNumber?
        let accountEquity: BitgetNumber?
        let unrealizedPL: BitgetNumber?
    }

    struct Position: Decodable {
        let symbol: String
        let marginCoin: String?
        let holdSide: String
        let total: BitgetNumber?
        let leverage: BitgetNumber?
        let openPriceAvg: BitgetNumber?
        let marginMode: String?
        let posMode: String?
        let unrealizedPL: BitgetNumber?
        let liquidationPrice: BitgetNumber?
        let markPrice: BitgetNumber?
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
        let price: BitgetNumber?
        let size: BitgetNumber?
        let orderType: String?
        let side: String
        let status: String?
        let state: String?
        let force: String?
        let priceAvg: BitgetNumber?
        let baseVolume: BitgetNumber?
        let reduceOnly: String?
        let cTime: BitgetNumber?
        let uTime: BitgetNumber?
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
}

/// A decimal Bitget sends as a string (or, rarely, a number); `""` decodes to nil.
struct BitgetNumber: Decodable, Sendable, Hashable {
    let value: ExactDecimal?

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = nil
        } else if let text = try? container.decode(String.self) {
            if text.isEmpty {
                value = nil
                return
            }
            guard let parsed = ExactDecimal(exactly: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a decimal: \(text.prefix(40))")
            }
            value = parsed
        } else {
            value = try container.decode(ExactDecimal.self)
        }
    }

    var int64: Int64? { value.flatMap { Int64($0.normalized.description) } }
}
