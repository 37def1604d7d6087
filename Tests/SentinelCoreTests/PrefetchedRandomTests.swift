import Testing

@testable import SentinelCore

@Suite struct PrefetchedRandomTests {
    /// The two fetched words and the system's draws after them are all random: no zero words, no repeats, and two
    /// generators never start alike.
    @Test func everyDrawIsFreshRandomBits() {
        var first = PrefetchedRandom()
        var second = PrefetchedRandom()
        let draws = (0..<4).map { _ in first.next() } + (0..<4).map { _ in second.next() }
        #expect(Set(draws).count == draws.count)
        #expect(!draws.contains(0))
    }

    /// The pool holds 32 words: across refills no word is handed out twice.
    @Test func noWordIsHandedOutTwiceAcrossRefills() {
        var words: [UInt64] = []
        for _ in 0..<200 {
            var random = PrefetchedRandom()
            words += [random.next(), random.next()]
        }
        #expect(Set(words).count == words.count)
        #expect(!words.contains(0))
    }

    /// Over many generators, each bit of the first two words is set about half of the time.
    @Test func fetchedBitsAreBalanced() {
        var ones = [Int](repeating: 0, count: 128)
        let generators = 2_000
        for _ in 0..<generators {
            var random = PrefetchedRandom()
            let words = [random.next(), random.next()]
            for bit in 0..<128 where words[bit / 64] >> UInt64(bit % 64) & 1 == 1 { ones[bit] += 1 }
        }
        // 2,000 fair coins: 1,000 ± 5 standard deviations (22.4 each).
        #expect(ones.allSatisfy { (888...1112).contains($0) }, "\(ones)")
    }
}
