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

    /// Every position uses all 36 digits about equally often, and a draw that would bias the digits is drawn again.
    @Test func digitsAreUniformAndBiasedDrawsAreRedrawn() {
        var generator = ScriptedGenerator(prefix: [UInt64.max, 14_215_144_014_964_850_688])
        let first = ClientOrderID.generate(using: &generator)
        #expect(generator.draws == 5, "two refused draws, then three for 26 digits")
        #expect(first.rawValue == "sn-" + String(repeating: "0", count: 26))

        var counts = Array(repeating: Array(repeating: 0, count: 36), count: 26)
        var random = SystemRandomNumberGenerator()
        let ids = 36_000
        for _ in 0..<ids {
            for (position, byte) in ClientOrderID.generate(using: &random).rawValue.utf8.dropFirst(3).enumerated() {
                let digit = byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : Int(byte - UInt8(ascii: "a")) + 10
                counts[position][digit] += 1
            }
        }
        // 1,000 expected per cell, σ ≈ 31: 5.5 σ either side cannot fail by chance in practice, while the bias of keeping
        // every draw (about 1,035 against 776 in the last position of each block) would.
        for position in counts { #expect(position.allSatisfy { (828...1172).contains($0) }, "\(position)") }
    }

    @Test(arguments: ["", "a b", "sn-ü", String(repeating: "x", count: 37)])
    func invalidIdsAreRefused(text: String) {
        #expect(throws: SentinelError.self) { try ClientOrderID(text) }
    }
}

/// Answers `prefix` first, then zeros.
struct ScriptedGenerator: RandomNumberGenerator {
    var prefix: [UInt64]
    var draws = 0

    mutating func next() -> UInt64 {
        draws += 1
        return draws <= prefix.count ? prefix[draws - 1] : 0
    }
}
