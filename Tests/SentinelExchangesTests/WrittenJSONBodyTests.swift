import SentinelCore
import SentinelNet
import Testing

@testable import SentinelExchanges

/// A body a connector wrote itself is signed as it is; a body from the public draft is checked first. Both sign the
/// same bytes when the body is valid.
@Suite struct WrittenJSONBodyTests {
    static let signers: [(ExchangeID, @Sendable () throws -> any RequestSigner)] = [
        (.okx, { try OKXSigner(credentials: credentials("k", "s", passphrase: "p"), venue: venue(.okx)) }),
        (.bybit, { try BybitSigner(credentials: credentials("k", "s"), venue: venue(.bybit)) }),
        (.kucoin, { try KuCoinSigner(credentials: credentials("k", "s", passphrase: "p"), venue: venue(.kucoin)) }),
        (.bitget, { try BitgetSigner(credentials: credentials("k", "s", passphrase: "p"), venue: venue(.bitget)) }),
    ]

    @Test(arguments: signers.map(\.0))
    func aPublicDraftsBodyIsCheckedAWrittenOneIsSignedAsItIs(_ exchange: ExchangeID) throws {
        let signer = try Self.signers.first { $0.0 == exchange }!.1()
        let path = "/api/x"
        let bad = "{not json"
        #expect(throws: SentinelError.self) {
            try signer.sign(RequestDraft(method: .POST, path: path, body: bad), timestampMs: 1)
        }
        #expect(!RequestDraft(method: .POST, path: path, body: #"{"a":"1"}"#).bodyIsWrittenJSON)
        #expect(!(try RequestDraft(method: .POST, pathAndQuery: path, body: bad).bodyIsWrittenJSON))
        #expect(throws: SentinelError.self) {
            try signer.sign(RequestDraft(method: .POST, pathAndQuery: path, body: bad), timestampMs: 1)
        }
        #expect(!RequestDraft(method: .POST, path: path, query: .empty, writtenJSON: nil).bodyIsWrittenJSON)
        #expect(RequestDraft(method: .POST, path: path, query: .empty, writtenJSON: bad).bodyIsWrittenJSON)

        let good = #"{"instId":"BTC-USDT","sz":"0.001"}"#
        let checked = try signer.sign(RequestDraft(method: .POST, path: path, body: good), timestampMs: 1)
        let written = try signer.sign(
            RequestDraft(method: .POST, path: path, query: .empty, writtenJSON: good), timestampMs: 1)
        #expect(checked == written)
    }
}
