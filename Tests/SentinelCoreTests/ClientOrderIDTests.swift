import SentinelCore
import Testing

/// Generated client order ids are built without the validating initialiser; each must still pass it.
@Suite struct ClientOrderIDTests {
    @Test func generatedIdsAreValidAndDistinct() throws {
        var seen = Set<String>()
        for _ in 0..<1_000 {
            let id = ClientOrderID.generate()
            #expect(try ClientOrderID(id.rawValue) == id)
            #expect(id.rawValue.hasPrefix("sn-") && id.rawValue.utf8.count == 29)
            seen.insert(id.rawValue)
        }
        #expect(seen.count == 1_000)
    }

    @Test(arguments: ["", "a b", "sn-ü", String(repeating: "x", count: 37)])
    func invalidIdsAreRefused(text: String) {
        #expect(throws: SentinelError.self) { try ClientOrderID(text) }
    }
}
