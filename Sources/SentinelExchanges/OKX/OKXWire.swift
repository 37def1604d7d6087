import SentinelCore

/// OKX V5's JSON shapes (okx.md §3, §4). Numbers are strings and `""` means "not set", hence `OKXNumber`.
enum OKXWire {
    /// `{"code":"0","msg":"","data":[...]}`; auth refusals may come without `data`.
    struct Envelope<Item: Decodable>: Decodable {
        let code: String
        let msg: String?
        let data: [Item]?
    }

    /// A `data` item's own verdict (`sCode`/`sMsg`) in trade answers.
    struct ItemStatus: Decodable {
        let sCode: String?
        let sMsg: String?
        let ordId: String?
        let clOrdId: String?
    }

    struct ServerTime: Decodable {
        let ts: LenientInt
    }

    struct Instrument: Decodable {
        let instType: String
        let instId: String
        let baseCcy: String?
        let quoteCcy: String?
        let settleCcy: String?
        let ctVal: OKXNumber?
        let ctType: String?
        let ctValCcy: String?
        let tickSz: OKXNumber
        let lotSz: OKXNumber
        let minSz: OKXNumber
        let maxLmtSz: OKXNumber?
        let maxMktSz: OKXNumber?
        let state: String
        let uly: String?
    }

    struct Ticker: Decodable {
        let instId: String
        let last: OKXNumber?
        let askPx: OKXNumber?
        let bidPx: OKXNumber?
    }

    struct Balance: Decodable {
        let details: [Detail]
    }

    struct Detail: Decodable {
        let ccy: String
        let availBal: OKXNumber?
        let frozenBal: OKXNumber?
        let cashBal: OKXNumber?
    }

    struct Position: Decodable {
        let instId: String
        let pos: OKXNumber?
        let posSide: String?
        let mgnMode: String?
        let avgPx: OKXNumber?
        let markPx: OKXNumber?
        let upl: OKXNumber?
        let liqPx: OKXNumber?
        let lever: OKXNumber?
    }

    struct Order: Decodable {
        let instId: String
        let ordId: String
        let clOrdId: String?
        let side: String
        let ordType: String
        let state: String
        let px: OKXNumber?
        let sz: OKXNumber
        let accFillSz: OKXNumber?
        let avgPx: OKXNumber?
        let reduceOnly: LenientBool?
        let tgtCcy: String?
        let cTime: OKXNumber?
        let uTime: OKXNumber?
    }

    /// `GET /api/v5/account/config`: the calling key's `perm` and `ip`, and the account's modes.
    struct Config: Decodable {
        let perm: String
        let ip: String?
        let posMode: String?
        let acctLv: String?
        let uid: String?
        let mainUid: String?
    }
}

/// A decimal OKX sends as a string (or, rarely, a number); `""` decodes to nil.
struct OKXNumber: Decodable, Sendable, Hashable {
    let value: ExactDecimal?

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
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

    var int64: Int64? { value.flatMap { Int64($0.description) } }
}
