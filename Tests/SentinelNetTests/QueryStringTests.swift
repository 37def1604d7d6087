import Foundation
import SentinelNet
import Testing

@Suite struct QueryStringTests {
    @Test func encodesOnlyWhatMustBeEncodedAndKeepsEscapes() {
        #expect(QueryString("symbol=BTCUSDT&limit=5").encoded == "symbol=BTCUSDT&limit=5")
        #expect(QueryString("a=b c").encoded == "a=b%20c")
        #expect(QueryString("symbol=１").encoded == "symbol=%EF%BC%91")
        #expect(QueryString("symbol=%EF%BC%91").encoded == "symbol=%EF%BC%91")
        #expect(QueryString(#"symbols=["BTCUSDT","ETHUSDT"]"#).encoded == "symbols=%5B%22BTCUSDT%22,%22ETHUSDT%22%5D")
        #expect(QueryString("a=100%").encoded == "a=100%25")
        #expect(QueryString("").isEmpty)
    }

    @Test func decodesAndSorts() {
        let query = QueryString("z=1&a=%21&m=x&a=2")
        #expect(query.decoded == "z=1&a=!&m=x&a=2")
        #expect(query.sortedByName().encoded == "a=%21&a=2&m=x&z=1")
        #expect(query.names == ["z", "a", "m", "a"])
    }

    @Test func buildsFromPairsEncodingEachComponent() {
        var query = QueryString(pairs: [("batchOrders", #"[{"a":"1"}]"#)])
        query.append(name: "x y", value: "a&b=c+d/e")
        #expect(query.encoded == "batchOrders=%5B%7B%22a%22%3A%221%22%7D%5D&x%20y=a%26b%3Dc%2Bd%2Fe")
    }

    /// Pairs given by index (as connectors pass their parameters) are measured, then written into a string of that
    /// exact size: the text is each component percent-encoded as RFC 3986 unreserved-or-`%XX` (upper case), joined by
    /// `=` and `&`, after what the query held already — for escapes that triple a byte's size, empty components and
    /// multi-byte scalars alike.
    @Test func pairsGivenByIndexEncodeAsAModelDoes() {
        func model(_ text: String) -> String {
            let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
            return text.utf8.map { unreserved.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }
                .joined()
        }
        let cases: [[(name: String, value: String)]] = [
            [("symbol", "BTCUSDT")],
            [("", ""), ("a", "")],
            [("x y", "a&b=c+d/e"), ("é€😀", "%41"), ("n", String(repeating: "\"", count: 40))],
            [("quantity", "0.001"), ("price", "73000"), ("newClientOrderId", "sn-0123456789abcdefghijklmnop")],
        ]
        for pairs in cases {
            for start in ["", "a=1"] {
                var query = QueryString(start)
                query.append(pairs: pairs)
                let expected = ([start].filter { !$0.isEmpty } + pairs.map { model($0.name) + "=" + model($0.value) })
                    .joined(separator: "&")
                #expect(query.encoded == expected, "\(pairs)")
                #expect(query.encoded.utf8.count == expected.utf8.count)
            }
            #expect(QueryString(count: pairs.count) { pairs[$0] }.encoded == QueryString(pairs: pairs).encoded)
        }
        #expect(QueryString(count: 0) { _ in ("a", "b") }.isEmpty)
    }

    /// `contains(name:)` answers as the list of decoded names does, for plain, encoded, empty and valueless names.
    @Test func containsAnswersAsTheListOfNames() {
        let query = QueryString("a=1&%74imestamp=2&&x&sig%3D=3&=4&recvWindow")
        for name in ["a", "timestamp", "x", "sig=", "", "recvWindow", "b", "timestam", "%74imestamp", "1"] {
            #expect(query.contains(name: name) == query.names.contains(name), "\(name)")
        }
        #expect(query.contains(name: "timestamp") && !query.contains(name: "b"))
        #expect(!QueryString.empty.contains(name: ""))
        #expect(!QueryString("a=1&&b=2").contains(name: ""), "an empty pair has no name")
    }

    /// `presence(of:)` sets bit i exactly when `contains(name: names[i])`, whatever the order and repeats of names.
    @Test func presenceSetsTheBitOfEachContainedName() {
        let names = ["a", "timestamp", "x", "sig=", "", "recvWindow", "b", "timestam", "%74imestamp", "1", "a"]
        for text in ["a=1&%74imestamp=2&&x&sig%3D=3&=4&recvWindow", "", "b=2&b=3", "timestamp=1&signature=2"] {
            let query = QueryString(text)
            let bits = query.presence(of: names)
            for (index, name) in names.enumerated() {
                #expect((bits >> UInt64(index)) & 1 == (query.contains(name: name) ? 1 : 0), "\(text): \(name)")
            }
            #expect(bits >> UInt64(names.count) == 0)
        }
        #expect(QueryString("timestamp=1&signature=2").presence(of: ["signature", "timestamp", "recvWindow"]) == 0b011)
    }
}
