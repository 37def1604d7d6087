import SentinelCore
import Testing

/// Words in messages: "1 warning", not "1 warnings"; "an OKX key", not "a OKX key".
@Suite struct CountedTextTests {
    @Test(arguments: [(0, "0 warnings"), (1, "1 warning"), (2, "2 warnings"), (11, "11 warnings")])
    func aCountAgreesWithItsNoun(count: Int, text: String) {
        #expect(counted(count, "warning") == text)
    }

    @Test func anIrregularPluralIsUsedWhenGiven() {
        #expect(counted(1, "key pair", "key pairs") == "1 key pair")
        #expect(counted(3, "entry", "entries") == "3 entries")
    }

    @Test(arguments: [
        ("OKX", "an OKX"), ("Binance", "a Binance"), ("Binance.US", "a Binance.US"), ("Bybit", "a Bybit"),
        ("KuCoin", "a KuCoin"), ("Bitget", "a Bitget"), ("RSA", "an RSA"), ("Ed25519", "an Ed25519"),
        ("HMAC", "an HMAC"), ("live", "a live"), ("USDⓈ-M", "a USDⓈ-M"), ("", ""),
    ])
    func theArticleFollowsHowTheWordIsSpoken(word: String, text: String) {
        #expect(withArticle(word) == text)
    }
}
