/// `{"code": "…", "msg": "…", "data": …}`: how OKX, KuCoin and Bitget answer, successes and errors alike (an error
/// may come without `data`).
struct CodedEnvelope<Payload: Decodable>: Decodable {
    let code: String
    let msg: String?
    let data: Payload?
}

/// Only the verdict of such an answer, whatever its `data`.
struct CodedHead: Decodable {
    let code: String
    let msg: String?
}
