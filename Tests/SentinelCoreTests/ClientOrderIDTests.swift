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

    /// The time leads, most significant digit first and fixed width, so that ids sort by creation whatever follows.
    @Test func idsStartWithTheTimeAndSortByIt() {
        var random = SystemRandomNumberGenerator()
        let id = ClientOrderID.generate(using: &random, nowMs: 1_764_806_400_000)  // 2025-12-04T00:00:00Z
        #expect(id.rawValue.hasPrefix("sn-0miqo5xc0"))
        #expect(ClientOrderID.generate(using: &random, nowMs: 0).rawValue.hasPrefix("sn-000000000"))
        var previous = ClientOrderID.generate(using: &random, nowMs: 1_764_806_400_000).rawValue
        for step in [1, 35, 36, 1_296, 86_400_000] {
            let next = ClientOrderID.generate(using: &random, nowMs: 1_764_806_400_000 + Int64(step)).rawValue
            #expect(previous < next, "\(previous) then \(next)")
            previous = next
        }
        // Out-of-range times are clamped, never a crash or a longer id.
        for time in [Int64.min, -1, Int64.max] {
            #expect(ClientOrderID.generate(using: &random, nowMs: time).rawValue.utf8.count == 29)
        }
    }

    /// Every random position uses all 36 digits about equally often, and a draw that would bias the digits is drawn again.
    @Test func digitsAreUniformAndBiasedDrawsAreRedrawn() {
        var generator = ScriptedGenerator(prefix: [UInt64.max, 18_427_038_537_917_399_040])
        let first = ClientOrderID.generate(using: &generator, nowMs: 0)
        #expect(generator.draws == 4, "two refused draws, then two for 17 digits")
        #expect(first.rawValue == "sn-" + String(repeating: "0", count: 26))

        var counts = Array(repeating: Array(repeating: 0, count: 36), count: 17)
        var random = SystemRandomNumberGenerator()
        let ids = 36_000
        for _ in 0..<ids {
            for (position, byte) in ClientOrderID.generate(using: &random, nowMs: 0).rawValue.utf8.dropFirst(12)
                .enumerated() {
                let digit = byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : Int(byte - UInt8(ascii: "a")) + 10
                counts[position][digit] += 1
            }
        }
        // 1,000 expected per cell, σ ≈ 31: 5.5 σ either side cannot fail by chance in practice, while a digit that a
        // wrong base, a skipped position or a constant block left out or favoured would.
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
