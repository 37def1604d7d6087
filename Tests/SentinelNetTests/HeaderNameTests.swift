import SentinelNet
import Testing

/// Header names compare as their lower-cased forms do, for every pair of these names (ASCII letters of both cases,
/// digits, dashes, the bytes next to `A`/`Z`/`a`/`z`, prefixes and longer names).
@Suite struct HeaderNameTests {
    static let names = [
        "Retry-After", "retry-after", "RETRY-AFTER", "Retry-Afte", "Retry-Afterx", "X-MBX-USED-WEIGHT-1M",
        "x-mbx-used-weight-1m", "x-mbx-used-weight-", "X-Mbx-Order-Count-10s", "@[`{", "`{@[", "", "a", "A", "0",
        "Content-Type", "content-type", "gw-ratelimit-limit", "GW-RATELIMIT-LIMIT", "x-bapi-limit-status",
    ]

    @Test func matchesAndPrefixesAsTheLowerCasedNamesDo() {
        for name in Self.names {
            for other in Self.names {
                #expect(HeaderName.matches(name, other) == (name.lowercased() == other.lowercased()), "\(name) \(other)")
                #expect(HeaderName.hasPrefix(name, other) == name.lowercased().hasPrefix(other.lowercased()), "\(name) \(other)")
            }
        }
    }

    /// Only ASCII letters fold: header names are tokens, and a non-ASCII name matches only itself.
    @Test func onlyASCIILettersFold() {
        #expect(!HeaderName.matches("É", "é") && HeaderName.matches("é", "é"))
        #expect(!HeaderName.matches("x-ÄB", "x-äb") && HeaderName.hasPrefix("X-Äb", "x-Ä"))
    }

    @Test func anAnswerAndARequestFindTheirHeadersWhateverTheCase() {
        let response = HTTPResponse(status: 200, headers: [("x-mbx-used-weight-1m", "7"), ("retry-after", "3")], body: [])
        #expect(response.header("X-MBX-USED-WEIGHT-1M") == "7" && response.header("Retry-After") == "3")
        #expect(response.header("Retry-Afte") == nil)
        let request = SignedRequest(method: .GET, url: "http://127.0.0.1/", headers: [.init("OK-ACCESS-KEY", "k")], body: nil)
        #expect(request.header("ok-access-key") == "k" && request.header("ok-access") == nil)
    }
}
