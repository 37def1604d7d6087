import Foundation
import SentinelCore

/// KuCoin's JSON shapes (kucoin.md §3, §4). Spot numbers are strings; futures send many as JSON numbers (sizes in
/// whole lots, contract terms, the account overview), hence `KuCoinNumber`.
enum KuCoinWire {
    /// `{"code":"200000","data":…}`; errors `{"code","msg"}` without data.
    struct Envelope<Data: Decodable>: Decodable {
        let code: String
        let msg: String?
        let data: Data?
    }

    struct Head: Decodable {
        let code: String
        let msg: String?
    }

    struct Symbol: Decodable {
        let symbol: String
        let baseCurrency: String
        let quoteCurrency: String
        let baseMinSize: KuCoinNumber
        let baseMaxSize: KuCoinNumber?
        let baseIncrement: KuCoinNumber
        let priceIncrement: KuCoinNumber
        let minFunds: KuCoinNumber?
        let enableTrading: Bool?
    }

    struct Contract: Decodable {
        let symbol: String
        let baseCurrency: String
        let quoteCurrency: String
        let settleCurrency: String?
        let multiplier: KuCoinNumber
        let lotSize: KuCoinNumber
        let tickSize: KuCoinNumber
        let maxOrderQty: KuCoinNumber?
        let maxPrice: KuCoinNumber?
        let isInverse: Bool?
        let status: String?
        let type: String?
    }

    struct Level1: Decodable {
        let price: KuCoinNumber?
        let bestBid: KuCoinNumber?
        let bestAsk: KuCoinNumber?
    }

    struct FuturesTicker: Decodable {
        let price: KuCoinNumber?
        let bestBidPrice: KuCoinNumber?
        let bestAskPrice: KuCoinNumber?
    }

    struct AccountItem: Decodable {
        let currency: String
        let type: String
        let available: KuCoinNumber
        let holds: KuCoinNumber
    }

    struct AccountOverview: Decodable {
        let availableBalance: KuCoinNumber
        let orderMargin: KuCoinNumber?
        let positionMargin: KuCoinNumber?
        let frozenFunds: KuCoinNumber?
        let currency: String
    }

    struct Position: Decodable {
        let symbol: String
        let currentQty: KuCoinNumber
        let avgEntryPrice: KuCoinNumber?
        let markPrice: KuCoinNumber?
        let unrealisedPnl: KuCoinNumber?
        let liquidationPrice: KuCoinNumber?
        let leverage: KuCoinNumber?
        let realLeverage: KuCoinNumber?
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
        let price: KuCoinNumber?
        let size: KuCoinNumber?
        let funds: KuCoinNumber?
        let dealSize: KuCoinNumber?
        let dealFunds: KuCoinNumber?
        let dealValue: KuCoinNumber?
        let filledSize: KuCoinNumber?
        let avgDealPrice: KuCoinNumber?
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

/// A decimal KuCoin sends as a string or a JSON number; `""` and `null` decode to nil.
struct KuCoinNumber: Decodable, Sendable, Hashable {
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
        } else if let integer = try? container.decode(Int64.self) {
            value = ExactDecimal(exactly: String(integer))
        } else {
            // A fractional JSON number: Foundation's Decimal keeps its digits (never a binary double).
            let number = try container.decode(Decimal.self)
            guard let parsed = ExactDecimal(exactly: number.description) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a decimal: \(number)")
            }
            value = parsed
        }
    }
}

extension KuCoinWire {
    /// A cancel's answer: `{"orderId"}`, `{"clientOid"}` or `{"cancelledOrderIds":[…]}`; only its presence matters.
    struct Acknowledgement: Decodable {
        let orderId: String?
        let clientOid: String?
        let cancelledOrderIds: [String]?
    }
}
