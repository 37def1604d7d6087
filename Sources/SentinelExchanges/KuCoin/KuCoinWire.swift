import Foundation
import SentinelCore

/// KuCoin's JSON shapes (kucoin.md §3, §4). Spot numbers are strings; futures send many as JSON numbers (sizes in
/// whole lots, contract terms, the account overview), hence `WireDecimal`.
enum KuCoinWire {
    /// `{"code":"200000","data":…}`; errors `{"code","msg"}` without data.
    typealias Envelope<Payload: Decodable> = CodedEnvelope<Payload>
    typealias Head = CodedHead

    struct Symbol: Decodable {
        let symbol: String
        let baseCurrency: String
        let quoteCurrency: String
        let baseMinSize: WireDecimal
        let baseMaxSize: WireDecimal?
        let baseIncrement: WireDecimal
        let priceIncrement: WireDecimal
        let minFunds: WireDecimal?
        let enableTrading: Bool?
    }

    struct Contract: Decodable {
        let symbol: String
        let baseCurrency: String
        let quoteCurrency: String
        let settleCurrency: String?
        let multiplier: WireDecimal
        let lotSize: WireDecimal
        let tickSize: WireDecimal
        let maxOrderQty: WireDecimal?
        let maxPrice: WireDecimal?
        let isInverse: Bool?
        let status: String?
        let type: String?
    }

    struct Level1: Decodable {
        let price: WireDecimal?
        let bestBid: WireDecimal?
        let bestAsk: WireDecimal?
    }

    struct FuturesTicker: Decodable {
        let price: WireDecimal?
        let bestBidPrice: WireDecimal?
        let bestAskPrice: WireDecimal?
    }

    struct AccountItem: Decodable {
        let currency: String
        let type: String
        let available: WireDecimal
        let holds: WireDecimal
    }

    struct AccountOverview: Decodable {
        let availableBalance: WireDecimal
        let orderMargin: WireDecimal?
        let positionMargin: WireDecimal?
        let frozenFunds: WireDecimal?
        let currency: String
    }

    struct Position: Decodable {
        let symbol: String
        let currentQty: WireDecimal
        let avgEntryPrice: WireDecimal?
        let markPrice: WireDecimal?
        let unrealisedPnl: WireDecimal?
        let liquidationPrice: WireDecimal?
        let leverage: WireDecimal?
        let realLeverage: WireDecimal?
        let crossMode: Bool?
        let marginMode: String?
    }

    struct Placed: Decodable {
        let orderId: String?
        let clientOid: String?
    }

    /// One item of a spot batch answer: `success` and `failMsg`.
    struct SpotBatchItem: Decodable {
        let orderId: String?
        let clientOid: String?
        let success: Bool?
        let failMsg: String?
    }

    /// One item of a futures batch answer: its own `code` and `msg`.
    struct FuturesBatchItem: Decodable {
        let orderId: String?
        let clientOid: String?
        let code: String?
        let msg: String?
    }

    /// A spot HF order or a futures order; the fields the two share, and each one's own.
    struct Order: Decodable {
        let id: String
        let symbol: String
        let clientOid: String?
        let side: String
        let type: String
        let price: WireDecimal?
        let size: WireDecimal?
        let funds: WireDecimal?
        let dealSize: WireDecimal?
        let dealFunds: WireDecimal?
        let dealValue: WireDecimal?
        let filledSize: WireDecimal?
        let avgDealPrice: WireDecimal?
        let timeInForce: String?
        let postOnly: Bool?
        let reduceOnly: Bool?
        let cancelExist: Bool?
        /// Spot HF.
        let active: Bool?
        /// Futures and legacy spot.
        let isActive: Bool?
        let status: String?
        let createdAt: Int64?
        let updatedAt: Int64?
        let lastUpdatedAt: Int64?
    }

    struct Page<Item: Decodable>: Decodable {
        let items: [Item]
    }

    /// `GET /api/v1/user/api-key`.
    struct KeyInfo: Decodable {
        let apiKey: String?
        let apiVersion: Int?
        let permission: String
        let ipWhitelist: String?
        let createdAt: Int64?
        let isMaster: Bool?
        let subName: String?
    }
}

extension KuCoinWire {
    /// A cancel's answer: `{"orderId"}`, `{"clientOid"}` or `{"cancelledOrderIds":[…]}`; only its presence matters.
    struct Acknowledgement: Decodable {
        let orderId: String?
        let clientOid: String?
        let cancelledOrderIds: [String]?
    }

    /// `data` of `/api/v1/withdrawals`: a page of rows; amounts are strings, times JSON numbers (ms).
    struct WithdrawalPage: Decodable {
        let items: [WithdrawalRow]
    }

    struct WithdrawalRow: Decodable {
        let id: String
        let currency: String
        let chain: String?
        let status: String
        let address: String
        let amount: WireDecimal
        let fee: WireDecimal?
        let walletTxId: String?
        let createdAt: LenientInt
    }
}
