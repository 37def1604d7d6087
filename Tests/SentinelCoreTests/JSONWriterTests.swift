import Foundation
import SentinelCore
import Testing

/// `JSONWriter` writes the bodies Sentinel signs: its text must be the same as `OrderedJSON`'s for the same members
/// (the signature covers every byte) and must read back as written.
@Suite struct JSONWriterTests {
    @Test func nestedObjectsAndArraysGetTheirCommasAndMatchOrderedJSON() {
        var json = JSONWriter()
        json.openObject()
        json.member("category", "linear")
        json.openArray("request")
        json.openObject()
        json.member("qty", "0.001")
        json.member("reduceOnly", true)
        json.closeObject()
        json.openObject()
        json.closeObject()
        json.openObject()
        json.member("size", Int64.min)
        json.member("postOnly", false)
        json.closeObject()
        json.closeArray()
        json.openArray("empty")
        json.closeArray()
        json.openObject("nested")
        json.openArray("deeper")
        json.openArray()
        json.closeArray()
        json.closeArray()
        json.closeObject()
        json.closeObject()
        let tree = OrderedJSON.object([
            ("category", .string("linear")),
            ("request", .array([
                .object([("qty", .string("0.001")), ("reduceOnly", .bool(true))]), .object([]),
                .object([("size", .int(Int64.min)), ("postOnly", .bool(false))]),
            ])),
            ("empty", .array([])), ("nested", .object([("deeper", .array([.array([])]))])),
        ])
        #expect(json.rendered == tree.rendered)
        #expect(json.rendered
            == #"{"category":"linear","request":[{"qty":"0.001","reduceOnly":true},{},{"size":-9223372036854775808,"postOnly":false}],"empty":[],"nested":{"deeper":[[]]}}"#)
    }

    @Test func aTopLevelArrayOfObjectsHasNoLeadingComma() {
        var json = JSONWriter()
        json.openArray()
        for id in ["a", "b"] {
            json.openObject()
            json.member("id", id)
            json.closeObject()
        }
        json.closeArray()
        #expect(json.rendered == #"[{"id":"a"},{"id":"b"}]"#)
        #expect(JSONWriter().rendered.isEmpty)
    }

    /// A member written from only the ASCII letters and digits of a value holds exactly those, in order, whatever
    /// surrounds them (runs at the start, the end, back to back, none at all, multi-byte scalars, escapes).
    @Test func anAlphanumericMemberHoldsExactlyTheLettersAndDigits() {
        let values = [
            "sn-01ab_CD9", "", "-", "--__", "abc", "-abc", "abc-", "a-b_c-", "_a__b--c_", "é-a€b😀c\"\n\u{7F}z",
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "@[`{/:",
        ]
        for value in values {
            var json = JSONWriter()
            json.openObject()
            json.member("before", "x")
            json.member("id", alphanumericOf: value)
            json.member("after", "y")
            json.closeObject()
            let kept = String(decoding: value.utf8.filter { $0 < 128 && (Character(Unicode.Scalar($0)).isLetter
                || Character(Unicode.Scalar($0)).isNumber) }, as: UTF8.self)
            #expect(json.rendered == #"{"before":"x","id":""# + kept + #"","after":"y"}"#, "\(value)")
        }
    }

    /// Names and values with every control character, quotes, backslashes and non-ASCII scalars are escaped as JSON
    /// requires and read back unchanged.
    @Test func escapedNamesAndValuesReadBackUnchanged() throws {
        var text = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
        text += "\"\\/ é€😀\u{2028}\u{7F}"
        var json = JSONWriter()
        json.openObject()
        json.member(text, text)
        json.member("plain", "a/b")
        json.closeObject()
        #expect(json.rendered == OrderedJSON.object([(text, .string(text)), ("plain", .string("a/b"))]).rendered)
        let read = try #require(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: String])
        #expect(read == [text: text, "plain": "a/b"])
    }
}
