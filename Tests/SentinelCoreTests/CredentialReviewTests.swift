import Testing

@testable import SentinelCore

/// `CredentialCheck.review`: what `vault add` and `sentinel connect` do with a pasted key.
@Suite struct CredentialReviewTests {
    /// Stands in for the PEM reader of SentinelExchanges: PEM means ed25519, anything else hmac.
    static func readKeyType(_ secret: SecretText, _ declared: KeyType?) throws(SentinelError) -> KeyType {
        let isPEM = secret.withRevealedBytes { $0.starts(with: Array("-----BEGIN".utf8)) }
        return declared ?? (isPEM ? .ed25519 : .hmac)
    }

    let binanceKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"
    let binanceSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
    let okxKey = "1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d"
    let okxSecret = "7C4E8B2A9F1D3E5A6B8C0D2E4F6A8B0C"

    func review(
        _ apiKey: String, _ secret: String, _ passphrase: String? = nil, _ exchange: ExchangeID = .binance,
        keyType: KeyType? = nil
    ) throws(SentinelError) -> CredentialReview {
        try CredentialCheck.review(
            apiKey: apiKey, secret: SecretText(secret), passphrase: passphrase.map(SecretText.init),
            declaredKeyType: keyType, for: exchange, readKeyType: Self.readKeyType)
    }

    func refusal(_ body: () throws(SentinelError) -> CredentialReview) -> SentinelError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    @Test func surroundingWhitespaceIsTrimmedWithAWarning() throws {
        let result = try review(" \(binanceKey)\n", "\t\(binanceSecret)\r\n")
        #expect(result.credentials.apiKey == binanceKey)
        #expect(result.credentials.secret == SecretText(binanceSecret))
        #expect(result.warnings.map(\.field) == [.apiKey, .secret])
        #expect(result.warnings[0].message.contains("2 spaces or line breaks"))
        #expect(result.warnings.allSatisfy { !$0.message.contains(binanceSecret) })
    }

    @Test func aUsualKeyGivesNoWarning() throws {
        #expect(try review(binanceKey, binanceSecret).warnings.isEmpty)
        #expect(try review(okxKey, okxSecret, "Pass-phrase-1", .okx).warnings.isEmpty)
    }

    @Test func innerWhitespaceIsStillRefused() {
        #expect(refusal { () throws(SentinelError) in try review("abc def0123456789", binanceSecret) } != nil)
    }

    @Test func passphraseRequiredWhereTheExchangeHasOneAndRefusedElsewhere() {
        #expect(refusal { () throws(SentinelError) in try review(okxKey, okxSecret, nil, .okx) } != nil)
        #expect(refusal { () throws(SentinelError) in try review(okxKey, okxSecret, "  ", .okx) } != nil)
        #expect(refusal { () throws(SentinelError) in try review(binanceKey, binanceSecret, "phrase-123") } != nil)
    }

    @Test func mixUpsAreRefused() {
        let cases: [(String, String, String?, ExchangeID)] = [
            (binanceKey, binanceKey, nil, .binance),  // the key pasted twice
            (okxKey, okxSecret, okxSecret, .okx),  // passphrase = secret
            (okxKey, okxSecret, okxKey, .okx),  // passphrase = key
            (okxSecret, okxKey, "Pass-phrase-1", .okx),  // key and secret swapped
            ("-----BEGIN PRIVATE KEY-----", binanceSecret, nil, .binance),  // PEM as the key
        ]
        for (key, secret, passphrase, exchange) in cases {
            let error = refusal { () throws(SentinelError) in try review(key, secret, passphrase, exchange) }
            #expect(error?.kind == .invalidInput, "\(exchange) \(key.prefix(6))")
            #expect(
                error.map { !$0.description.contains(okxSecret) && !$0.description.contains(binanceSecret) } ?? false)
        }
    }

    @Test func charactersNoExchangeUsesAreRefused() {
        #expect(refusal { () throws(SentinelError) in try review("clé-0123456789abcdef", binanceSecret) } != nil)
        #expect(refusal { () throws(SentinelError) in try review(binanceKey, "“quoted-secret-0123456789”") } != nil)
        #expect(refusal { () throws(SentinelError) in try review(binanceKey, "secret\u{7}0123456789") } != nil)
        #expect(
            refusal { () throws(SentinelError) in try review(String(repeating: "k", count: 300), binanceSecret) } != nil
        )
    }

    @Test func unusualShapesOnlyWarn() throws {
        let result = try review("short-key-123", "short-secret-123")
        #expect(result.warnings.map(\.field) == [.apiKey, .secret])
        #expect(result.warnings[0].message.contains("64-character"))
        #expect(result.warnings[1].message.contains("(16 characters) is not"))
    }

    @Test func passphraseRulesOfKuCoinAndBitgetWarn() throws {
        let kucoin = try review("6705f5c311545b000157d3eb", "1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d", "abc", .kucoin)
        #expect(kucoin.warnings.map(\.field) == [.passphrase])
        let bitget = try review(
            "bg_0123456789abcdef0123456789abcdef", String(repeating: "ab", count: 32), "with-dash-1", .bitget)
        #expect(bitget.warnings.map(\.field) == [.passphrase])
        #expect(bitget.warnings[0].message.contains("letters and digits"))
    }

    @Test func keyTypesTheExchangeDoesNotTakeAreRefused() {
        let pem =
            "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f\n-----END PRIVATE KEY-----\n"
        #expect(refusal { () throws(SentinelError) in try review("bybitkey0123456789", pem, nil, .bybit) } != nil)
        #expect((try? review(binanceKey, pem))?.credentials.keyType == .ed25519)
    }
}
