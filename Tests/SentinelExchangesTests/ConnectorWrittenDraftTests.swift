import SentinelCore
import SentinelNet
import Testing

@testable import SentinelExchanges

/// A draft a connector wrote from its own payload is signed as it is; a draft from the public initialisers is checked
/// first. Both sign the same bytes when the draft is valid.
@Suite struct ConnectorWrittenDraftTests {
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
        #expect(!RequestDraft(method: .POST, path: path, body: #"{"a":"1"}"#).isConnectorWritten)
        #expect(!(try RequestDraft(method: .POST, pathAndQuery: path, body: bad).isConnectorWritten))
        #expect(throws: SentinelError.self) {
            try signer.sign(RequestDraft(method: .POST, pathAndQuery: path, body: bad), timestampMs: 1)
        }
        #expect(!RequestDraft(method: .POST, path: path, query: .empty, body: nil).isConnectorWritten)
        #expect(RequestDraft(connectorWritten: .POST, path: path, query: .empty, body: bad).isConnectorWritten)

        let good = #"{"instId":"BTC-USDT","sz":"0.001"}"#
        let checked = try signer.sign(RequestDraft(method: .POST, path: path, body: good), timestampMs: 1)
        let written = try signer.sign(
            RequestDraft(connectorWritten: .POST, path: path, query: .empty, body: good), timestampMs: 1)
        #expect(checked == written)
    }

    @Test func binanceChecksAPublicFormForTheNamesItAddsAndSignsAConnectorsFormAsItIs() throws {
        let signer = try BinanceSigner(credentials: credentials("k", "s"), venue: venue(.binance))
        for form in ["symbol=BTCUSDT&signature=x", #"{"symbol":"BTCUSDT"}"#] {
            #expect(throws: SentinelError.self) {
                try signer.sign(RequestDraft(method: .POST, path: "/api/v3/order", body: form), timestampMs: 1)
            }
        }
        // A timestamp of a person's own is kept, not added twice.
        let own = try signer.sign(
            RequestDraft(method: .POST, path: "/api/v3/order", body: "timestamp=7&symbol=BTCUSDT"), timestampMs: 1)
        #expect(own.body?.hasPrefix("timestamp=7&symbol=BTCUSDT&recvWindow=") == true)
        let form = QueryString(pairs: [("symbol", "BTCUSDT"), ("newClientOrderId", "sn-a_b"), ("price", "0.10")]).encoded
        let checked = try signer.sign(RequestDraft(method: .POST, path: "/api/v3/order", body: form), timestampMs: 1)
        let written = try signer.sign(
            RequestDraft(connectorWritten: .POST, path: "/api/v3/order", query: .empty, body: form), timestampMs: 1)
        #expect(checked == written)
        #expect(written.body?.hasPrefix(form + "&timestamp=1&recvWindow=") == true)
    }
}
