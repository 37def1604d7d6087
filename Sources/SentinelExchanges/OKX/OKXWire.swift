import SentinelCore

/// OKX V5's JSON shapes (okx.md §3, §4). Numbers are strings and `""` means "not set", hence `WireDecimal`.
enum OKXWire {
    /// `{"code":"0","msg":"","data":[...]}`; auth refusals may come without `data`.
    typealias Envelope<Item: Decodable> = CodedEnvelope<[Item]>

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
        let ctVal: WireDecimal?
        let ctType: String?
        let ctValCcy: String?
        let tickSz: WireDecimal
        let lotSz: WireDecimal
        let minSz: WireDecimal
        let maxLmtSz: WireDecimal?
        let maxMktSz: WireDecimal?
        let state: String
        let uly: String?
    }

    struct Ticker: Decodable {
        let instId: String
        let last: WireDecimal?
        let askPx: WireDecimal?
        let bidPx: WireDecimal?
    }

    struct Balance: Decodable {
        let details: [Detail]
    }

    struct Detail: Decodable {
        let ccy: String
        let availBal: WireDecimal?
        let frozenBal: WireDecimal?
        let cashBal: WireDecimal?
    }

    struct Position: Decodable {
        let instId: String
        let pos: WireDecimal?
        let posSide: String?
        let mgnMode: String?
        let avgPx: WireDecimal?
        let markPx: WireDecimal?
        let upl: WireDecimal?
        let liqPx: WireDecimal?
        let lever: WireDecimal?
    }

    struct Order: Decodable {
        let instId: String
        let ordId: String
        let clOrdId: String?
        let side: String
        let ordType: String
        let state: String
        let px: WireDecimal?
        let sz: WireDecimal
        let accFillSz: WireDecimal?
        let avgPx: WireDecimal?
        let reduceOnly: LenientBool?
        let tgtCcy: String?
        let cTime: WireDecimal?
        let uTime: WireDecimal?
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

    /// One item of `/api/v5/asset/withdrawal-history`: everything a string (`ts` in ms), `nonTradableAsset` a bool.
    struct WithdrawalRow: Decodable {
        let wdId: String
        let ccy: String
        let chain: String?
        let amt: WireDecimal
        let fee: WireDecimal?
        let to: String
        let txId: String?
        let state: String
        let ts: LenientInt
    }
}
