import Foundation
import SentinelCore
import Testing

/// `OrderedJSON` is what Sentinel signs and sends as a body: its text must be exact and must read back as written.
@Suite struct OrderedJSONTests {
    @Test func membersInOrderAndExactNumbers() {
        let json = OrderedJSON.object([
            ("z", .string("a/b")), ("a", .int(-7)), ("px", .number("0.004")), ("ok", .bool(true)), ("n", .null),
            ("list", .array([.int(1), .object([])])),
        ])
        #expect(json.rendered == #"{"z":"a/b","a":-7,"px":0.004,"ok":true,"n":null,"list":[1,{}]}"#)
        #expect(json.rendered(spaced: true) == #"{"z": "a/b", "a": -7, "px": 0.004, "ok": true, "n": null, "list": [1, {}]}"#)
    }

    @Test func everyControlCharacterQuoteAndNonASCIIScalarReadsBackUnchanged() throws {
        var text = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
        text += "\"\\/ é€😀\u{2028}\u{7F}"
        let rendered = OrderedJSON.object([(text, .string(text))]).rendered
        #expect(rendered.contains(#"\u0000"#) && rendered.contains(#"\u001f"#) && rendered.contains(#"\n"#))
        let read = try #require(try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: String])
        #expect(read == [text: text])
    }
}
