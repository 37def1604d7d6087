import SentinelCore

/// Bybit V5 JSON shapes (bybit.md §3, §4). Every answer is `{retCode, retMsg, result, retExtInfo, time}`; numbers
/// that are money arrive as strings and are read exactly.
enum BybitWire {
    struct Book: Decodable {
        let b: [BookRow]
        let a: [BookRow]
    }

    /// The envelope without its result: enough to judge success.
    struct Head: Decodable {
        let retCode: LenientInt
        let retMsg: String?
        let time: LenientInt?
    }

    struct Envelope<Result: Decodable>: Decodable {
        let result: Result
    }

    /// `result.list` of most answers.
    struct Listing<Item: Decodable>: Decodable {
        let list: [Item]
    }

    struct ServerTime: Decodable {
        let timeSecond: String
        let timeNano: String?
    }

    struct Instrument: Decodable {
        let symbol: String
        let status: String
        let baseCoin: String
        let quoteCoin: String
        let settleCoin: String?
        let contractType: String?
        let priceFilter: PriceFilter
        let lotSizeFilter: LotSizeFilter
    }

    struct PriceFilter: Decodable {
        let tickSize: ExactDecimal
        let minPrice: ExactDecimal?
        let maxPrice: ExactDecimal?
    }

    /// Spot fills `basePrecision`, `minOrderAmt`, `maxLimitOrderQty`/`maxMarketOrderQty`; derivatives `qtyStep`,
    /// `minNotionalValue`, `maxOrderQty`/`maxMktOrderQty`.
    struct LotSizeFilter: Decodable {
        let basePrecision: ExactDecimal?
        let qtyStep: ExactDecimal?
        let minOrderQty: ExactDecimal?
        let maxOrderQty: ExactDecimal?
        let maxLimitOrderQty: ExactDecimal?
        let maxMarketOrderQty: ExactDecimal?
        let maxMktOrderQty: ExactDecimal?
        let minOrderAmt: ExactDecimal?
        let minNotionalValue: ExactDecimal?
    }

    struct TickerRow: Decodable {
        let symbol: String
        let bid1Price: String?
        let ask1Price: String?
        let lastPrice: String?
    }

    struct Wallet: Decodable {
        let accountType: String
        let coin: [Coin]
    }

    struct Coin: Decodable {
        let coin: String
        let walletBalance: String
        let locked: String?
        let totalOrderIM: String?
        let totalPositionIM: String?
    }

    struct PositionRow: Decodable {
        let symbol: String
        let side: String
        let size: ExactDecimal
        let avgPrice: String?
        let markPrice: String?
        let unrealisedPnl: String?
        let liqPrice: String?
        let leverage: String?
    }

    struct Ack: Decodable {
        let orderId: LenientID
        let orderLinkId: String?
    }

    struct OrderRow: Decodable {
        let orderId: LenientID
        let orderLinkId: String?
        let symbol: String
        let price: String?
        let qty: ExactDecimal
        let side: String
        let orderStatus: String
        let orderType: String
        let timeInForce: String?
        let avgPrice: String?
        let cumExecQty: ExactDecimal?
        let reduceOnly: Bool?
        let createdTime: LenientInt?
        let updatedTime: LenientInt?
    }

    struct BatchAnswer: Decodable {
        struct Result: Decodable {
            let list: [BatchItem]
        }

        struct ExtInfo: Decodable {
            let list: [ItemCode]?
        }

        let result: Result
        let retExtInfo: ExtInfo?
    }

    struct BatchItem: Decodable {
        let orderId: String?
        let orderLinkId: String?
    }

    struct ItemCode: Decodable {
        let code: LenientInt
        let msg: String?
    }

    struct KeyInfo: Decodable {
        let readOnly: LenientInt
        let permissions: [String: [String]]
        let ips: [String]?
        let deadlineDay: LenientInt?
        let expiredAt: String?
        let createdAt: String?
    }

    /// One row of `/v5/asset/withdraw/query-record`: decimals and times (ms) as strings, `withdrawType` a number.
    struct WithdrawalRow: Decodable {
        let withdrawId: String
        let coin: String
        let chain: String?
        let amount: String
        let withdrawFee: String?
        let status: String
        let toAddress: String
        let txID: String?
        let createTime: LenientInt
    }

    struct WithdrawalPage: Decodable {
        let rows: [WithdrawalRow]
        let nextPageCursor: String?
    }

    /// A decimal field that may be empty (`""` means "none" on Bybit).
    static func decimal(_ text: String?) -> ExactDecimal? {
        guard let text, !text.isEmpty else { return nil }
        return ExactDecimal(exactly: text)
    }
}
