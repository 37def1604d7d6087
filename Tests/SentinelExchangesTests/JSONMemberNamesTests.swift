import Testing

@testable import SentinelExchanges

/// `JSONMemberNames` decides which slot a member of a hot answer fills: a wrong match would put one field's value in
/// another's place.
@Suite struct JSONMemberNamesTests {
    static let names = JSONMemberNames([
        "time", "transactTime", "updateTime", "updateTimeX", "updateTimeY", "cummulativeQuoteQty", "cumQuote", "a", "",
        "cumQuoteQ",
    ])

    static func index(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { names.index(of: $0[...]) }
    }

    @Test func eachNameIsFoundAtItsPosition() {
        for (position, name) in [
            "time", "transactTime", "updateTime", "updateTimeX", "updateTimeY", "cummulativeQuoteQty", "cumQuote", "a", "",
            "cumQuoteQ",
        ].enumerated() {
            #expect(Self.index(name) == position, "\(name)")
        }
    }

    /// Same length and same first eight bytes: only the rest tells them apart.
    @Test(arguments: [
        "updateTimeZ", "cummulativeQuoteQtx", "transactTimf", "updateTim", "tim", "times", "b", "A", "Time", "cumQuotx",
        "cumQuoteR",
    ])
    func otherNamesAreNone(_ name: String) {
        #expect(Self.index(name) == nil)
    }

    @Test func aMemberInsideLongerTextIsReadOnlyOverItsOwnBytes() {
        let bytes = Array("xxupdateTimeYzz".utf8)
        let found = bytes.withUnsafeBufferPointer { Self.names.index(of: $0[2..<13]) }
        #expect(found == 4)
    }
}
