import Foundation
import Testing

@testable import SentinelExchanges
@testable import SentinelSimulator

/// `JSONPeek` decides whether an answer needs decoding at all, so it must read JSON exactly as a full parser does.
@Suite struct JSONPeekTests {
    static let fixtures: [String] = {
        let root = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "json" } ?? []
        return files.map { $0.path.replacingOccurrences(of: root.path + "/", with: "") }.sorted()
    }()

    /// Foundation's verdict, except that it takes a trailing comma (`[1,]`), which RFC 8259 and the exchanges'
    /// parsers refuse. No recorded answer has `,]` or `,}` inside a string, so the pattern cannot misjudge them.
    static func foundationAccepts(_ text: String) -> Bool {
        let object = try? JSONSerialization.jsonObject(with: Data(text.utf8))
        return (object is [String: Any] || object is [Any]) && text.firstMatch(of: /,\s*[\]}]/) == nil
    }

    @Test func everyRecordedAnswerIsADocumentAndItsVerdictReadsAsFoundationReadsIt() throws {
        #expect(Self.fixtures.count > 40)
        for name in Self.fixtures {
            let bytes = try Fixture.bytes(name)
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(JSONPeek.isObjectOrArray(text), "\(name)")
            let top = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
            for key: StaticString in ["code", "retCode"] {
                let expected = top?["\(key)"].map { "\($0)" }
                #expect(JSONPeek.topLevelScalar(key, in: bytes) == expected, "\(name) \(key)")
            }
        }
    }

    /// Every recorded answer cut short or with one byte changed: both readers agree on each of thousands of texts.
    @Test func damagedAnswersAreJudgedAsFoundationJudgesThem() throws {
        var generator = SeededGenerator(seed: 0x5EED)
        let replacements = Array("{}[]\",:0-.eE\\ \tatfnu19x".utf8) + [0x01, 0x7F]
        var checked = 0
        for name in Self.fixtures {
            let bytes = try Fixture.bytes(name)
            for _ in 0..<60 {
                var damaged = bytes
                let at = Int(generator.next() % UInt64(bytes.count))
                if generator.next() % 3 == 0 {
                    damaged.removeSubrange(at...)
                } else {
                    damaged[at] = replacements[Int(generator.next() % UInt64(replacements.count))]
                }
                let text = String(decoding: damaged, as: UTF8.self)
                #expect(JSONPeek.isObjectOrArray(text) == Self.foundationAccepts(text), "\(name): \(text.prefix(300))")
                checked += 1
            }
        }
        #expect(checked > 2_000)
    }

    @Test(arguments: [
        "", "  ", "1", "\"x\"", "null", "{", "}", "[", "{\"a\":}", "{\"a\" 1}", "{\"a\":1,}", "[1,]", "[,1]", "[01]",
        "[1.]", "[.5]", "[1e]", "[-]", "[+1]", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12G4\"}", "{\"a\":\"\u{1}\"}",
        "{\"a\":\"\n\"}", "[1] [2]", "[1]x", "[nul]", "[tru]", "[True]", "{a:1}", "{'a':1}", "[\"unterminated]",
    ])
    func notADocument(text: String) {
        #expect(!JSONPeek.isObjectOrArray(text))
        #expect(!Self.foundationAccepts(text))
    }

    @Test(arguments: [
        "{}", "[]", " {\"a\" : [1, -0.5e+3, true, false, null, {\"b\": \"\\u00e9\\n\"}]} \n", "[\"é\", 0, 1E9]",
        String(repeating: "[", count: 400) + String(repeating: "]", count: 400),
    ])
    func aDocument(text: String) {
        #expect(JSONPeek.isObjectOrArray(text))
        #expect(Self.foundationAccepts(text))
    }

    /// Strings byte by byte, after a run of plain bytes: a control byte ends the document's validity, 0x20, 0x7F and
    /// multi-byte scalars are plain, an escape right after plain bytes is read as one, and an unterminated string fails.
    @Test(arguments: [
        ("{\"a\":\"abc\u{1F}\"}", false), ("{\"a\":\"abc \u{7F}\"}", true), ("{\"a\":\"abcé😀\"}", true),
        ("{\"a\":\"abc\\n\\\"x\"}", true), ("{\"a\":\"abc\\q\"}", false), ("{\"a\":\"abc", false),
        ("{\"a\":\"abc\\", false), ("{\"abc\u{0}\":1}", false),
    ])
    func stringsAfterPlainBytes(text: String, valid: Bool) {
        #expect(JSONPeek.isObjectOrArray(text) == valid, "\(text.debugDescription)")
        #expect(Self.foundationAccepts(text) == valid, "\(text.debugDescription)")
    }

    @Test func nestingDeeperThan512IsRefused() {
        #expect(!JSONPeek.isObjectOrArray(String(repeating: "[", count: 600) + String(repeating: "]", count: 600)))
        #expect(!JSONPeek.isObjectOrArray(String(repeating: "[", count: 100_000)))
    }

    @Test func onlyTheTopLevelScalarIsRead() {
        func peek(_ text: String) -> String? { JSONPeek.topLevelScalar("code", in: Array(text.utf8)) }
        #expect(peek(#"{"data":{"code":"1"},"code":"0"}"#) == "0")
        #expect(peek(#"{"x":[1,{"code":"9"}],"code":7}"#) == "7")
        #expect(peek(#"{ "code" : true }"#) == "true")
        #expect(peek(#"{"data":{"code":"1"}}"#) == nil)
        #expect(peek(#"{"code":"\u0030"}"#) == nil, "escaped: decoded in full")
        #expect(peek(#"{"code":{"a":1}}"#) == nil)
        #expect(peek(#"[{"code":"0"}]"#) == nil)
        #expect(peek(#"{"x":01,"code":"0"}"#) == nil, "malformed before the key")
        #expect(peek(#"{"co\u0064e":"0"}"#) == nil)
        #expect(peek(#"{"code":"0""#) == "0", "the rest is the full decoder's to judge")
        #expect(peek("") == nil)
    }
}

/// The order id of each exchange's placement answer, read by path, is the one the full decoder reads.
@Suite struct JSONPeekPathTests {
    @Test func placementAnswersGiveTheDecodersOrderID() throws {
        let okx = try Fixture.bytes("okx/order-placed.json")
        let okxItem = try JSONDecoder().decode(CodedEnvelope<[OKXWire.ItemStatus]>.self, from: Data(okx)).data?.first
        #expect(JSONPeek.scalar(at: [.member("data"), .first, .member("ordId")], in: okx) == .string(okxItem!.ordId!))

        let bybit = try Fixture.bytes("bybit/order-create.json")
        let ack = try JSONDecoder().decode(BybitWire.Envelope<BybitWire.Ack>.self, from: Data(bybit)).result
        #expect(JSONPeek.scalar(at: [.member("result"), .member("orderId")], in: bybit)?.id == ack.orderId.value)
        #expect(JSONPeek.scalar(at: [.member("result"), .member("orderLinkId")], in: bybit)?.string == ack.orderLinkId)

        let bitget = try Fixture.bytes("bitget/order-placed.json")
        let ids = try JSONDecoder().decode(CodedEnvelope<BitgetWire.OrderIDs>.self, from: Data(bitget)).data
        #expect(JSONPeek.scalar(at: [.member("data"), .member("orderId")], in: bitget)?.id == ids?.orderId?.value)

        let kucoin = Array(#"{"code":"200000","data":{"orderId":"670fd33bf9406e0007ab3945","clientOid":"sn-1"}}"#.utf8)
        let placed = try JSONDecoder().decode(CodedEnvelope<KuCoinWire.Placed>.self, from: Data(kucoin)).data
        #expect(JSONPeek.scalar(at: [.member("data"), .member("orderId")], in: kucoin) == .string(placed!.orderId!))
    }

    @Test func pathsThatLeadNowhereGiveNothing() {
        func peek(_ text: String) -> JSONScalar? {
            JSONPeek.scalar(at: [.member("data"), .first, .member("ordId")], in: Array(text.utf8))
        }
        #expect(peek(#"{"msg":"","data":[{"sCode":"0","ordId":"12"}],"code":"0"}"#) == .string("12"))
        #expect(peek(#"{"data":[{"ordId":12}]}"#) == .number("12"))
        #expect(peek(#"{"data":[]}"#) == nil)
        #expect(peek(#"{"data":{}}"#) == nil)
        #expect(peek(#"{"data":[{"ordId":{"x":1}}]}"#) == nil)
        #expect(peek(#"{"data":[{"ordId":"1\u0032"}]}"#) == nil)
        #expect(peek(#"{"data":[{"sCode":"0"}]}"#) == nil)
        #expect(peek(#"{"data":[{"ordId":"12"}, {"ordId":"13"}]}"#) == .string("12"))
        #expect(peek(#"{"x":[,],"data":[{"ordId":"12"}]}"#) == nil, "malformed on the way")
        #expect(peek(#"[{"data":[{"ordId":"12"}]}]"#) == nil)
        #expect(peek("") == nil)
    }
}
